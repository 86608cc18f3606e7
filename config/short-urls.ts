// Short URLs: the base printed in front of /s/<code>, and the length of generated codes.
export default ({ env }: { env: any }) => ({
  baseUrl: env('SHORT_URL_BASE', '') || env('PUBLIC_URL', '') || 'http://localhost:1337',
  codeLength: env.int('SHORT_CODE_LENGTH', 7),
});
