import comment from './comment/schema.json';
import communityStandard from './community-standard/schema.json';
import standardsVersion from './standards-version/schema.json';
import standardsAcceptance from './standards-acceptance/schema.json';
import moderationLog from './moderation-log/schema.json';
import report from './report/schema.json';
import block from './block/schema.json';
import appeal from './appeal/schema.json';

export default {
  comment: { schema: comment },
  'community-standard': { schema: communityStandard },
  'standards-version': { schema: standardsVersion },
  'standards-acceptance': { schema: standardsAcceptance },
  'moderation-log': { schema: moderationLog },
  report: { schema: report },
  block: { schema: block },
  appeal: { schema: appeal },
};
