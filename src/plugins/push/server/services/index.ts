import vapid from './vapid';
import subscriptions from './subscriptions';
import sender from './sender';
import alerts from './alerts';
import fanOut from './fan-out';
import personalData from './personal-data';

export default { vapid, subscriptions, sender, alerts, 'fan-out': fanOut, 'personal-data': personalData };
