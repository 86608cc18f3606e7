// Test runs: the same stack, with rate-limit budgets no test reaches by accident (integration tests
// log in and follow redirects far more often than any person; the rate-limit tests set tight ones).
import { middlewareStack } from '../../middlewares';

export default ({ env }: { env: any }) => middlewareStack(env, { authPoints: 10000, redirectPoints: 100000, pushPoints: 10000 });
