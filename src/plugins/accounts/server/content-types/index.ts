import reader from './reader/schema.json';
import consent from './consent/schema.json';
import privacyPolicy from './privacy-policy/schema.json';

export default {
  reader: { schema: reader },
  consent: { schema: consent },
  'privacy-policy': { schema: privacyPolicy },
};
