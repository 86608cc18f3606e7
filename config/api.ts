// REST API defaults and the hard ceiling on page size.
export default ({ env }: { env: any }) => ({
  rest: {
    defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
    maxLimit: env.int('API_MAX_LIMIT', 100),
    withCount: true,
    // Unknown top-level query parameters (e.g. the internal `lookup`) are refused with a 400 (CVE-2026-27886 class).
    strictParams: env.bool('API_STRICT_PARAMS', true),
  },
});
