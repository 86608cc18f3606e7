import subscriptions from './subscriptions';
import alerts from './alerts';

export default { subscriptions, alerts };
