// Short URLs: the base printed in front of /s/<code>, and the length of generated codes.
const MIN_LENGTH = 4;
const MAX_LENGTH = 32;

export default ({ env }: { env: any }) => {
  const codeLength = env.int('SHORT_CODE_LENGTH', 7);
  if (!Number.isInteger(codeLength) || codeLength < MIN_LENGTH || codeLength > MAX_LENGTH) {
    throw new Error(`SHORT_CODE_LENGTH must be an integer from ${MIN_LENGTH} to ${MAX_LENGTH}, got "${process.env.SHORT_CODE_LENGTH}".`);
  }
  return {
    baseUrl: env('SHORT_URL_BASE', '') || env('PUBLIC_URL', '') || 'http://localhost:1337',
    codeLength,
  };
};
