// Test runs: budgets no test reaches by accident (integration tests register, log in and post far
// more often than a person; the limit tests set tight ones through the same variables) and a cheap
// captcha. Merged over config/plugins.ts.
export default ({ env }: { env: any }) => ({
  'users-permissions': { config: { ratelimit: { max: 100000 } } },
  accounts: {
    config: {
      captcha: { difficulty: env.int('CAPTCHA_DIFFICULTY', 1000) },
      rateLimit: { points: env.int('RATE_LIMIT_ACCOUNT_POINTS', 10000) },
    },
  },
  comments: {
    config: {
      rateLimit: { accountPoints: env.int('COMMENTS_RATE_LIMIT_ACCOUNT', 10000), addressPoints: env.int('COMMENTS_RATE_LIMIT_ADDRESS', 10000) },
    },
  },
});
