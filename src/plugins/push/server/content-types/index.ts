import subscription from './subscription/schema.json';
import alert from './alert/schema.json';
import retry from './retry/schema.json';

export default {
  subscription: { schema: subscription },
  alert: { schema: alert },
  retry: { schema: retry },
};
