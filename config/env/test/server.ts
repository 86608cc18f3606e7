// Test runs: a random free port unless one is given, no cron.
export default ({ env }: { env: any }) => ({
  host: '127.0.0.1',
  port: env.int('PORT', 0),
  cron: { enabled: false },
});
