// Test runs: the same stack, with an auth budget no test reaches by accident (integration tests
// log in far more often than any person; the rate-limit tests set tight ones). Short-link limits
// keep their defaults in tests (config/short-urls.ts): the limit tests run with them.
import { middlewareStack } from '../../middlewares';

export default ({ env }: { env: any }) => middlewareStack(env, { authPoints: 10000, pushPoints: 10000 });
