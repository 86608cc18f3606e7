// Application wiring: each register/bootstrap step is a named function from its own module.
import type { Core } from '@strapi/strapi';
import { adminReadOnly } from './document-middlewares/admin-read-only';
import { publishedOnly } from './document-middlewares/published-only';
import { photoDetails } from './document-middlewares/photo-details';
import { fillSlug } from './document-middlewares/fill-slug';
import { articleRules } from './document-middlewares/article-rules';
import { photoCreditLine } from './document-middlewares/photo-credit-line';
import { shortUrls } from './document-middlewares/short-url';
import { registerShortUrlGraphql } from './graphql/short-url';
import { setUpShortUrls } from './bootstrap/short-urls';
import { feedCacheInvalidation, invalidateFeedsOnPermissionChange, purgeFeedsOnFileChange } from './document-middlewares/feed-cache';
import { subscribeFeedCachePurges } from './api/feed/purge-feed-cache';
import { registerFeedsGraphql } from './graphql/feeds';
import { grantPublicPermissions } from './bootstrap/public-permissions';
import { ensureListIndexes } from './bootstrap/list-indexes';
import { refreshCreditLines } from './bootstrap/credit-lines';
import { seedDemoNewsroom } from './seed/seed-demo';
import { seedPrivacyPolicy } from './seed/seed-privacy-policy';
import { seedDemoComments } from './seed/seed-comments';
import { configureAdminViews } from './bootstrap/admin-views';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { mediaItems } from './document-middlewares/media-items';
import { photoEmbargo } from './document-middlewares/photo-embargo';
import { setUpPhotoVisibility } from './bootstrap/photo-visibility';
import { closePlatform, createPlatform, holdBootLock, startPlatform } from './platform';
import { applySharedInvalidations } from './platform/cache-bus';
import { gracefulShutdown } from './platform/shutdown';
import { cdnPurgeInTransaction, setUpCdnOutbox } from './platform/cdn-outbox';
import { documentMiddleware } from './document-middlewares/document-middleware';
import { checkFastPathSchema } from './bootstrap/fast-path-schema';
import { entityNotes } from './document-middlewares/entity-notes';
import { registerEntityNotes, listenForEntityNoteChanges } from './bootstrap/entity-notes';
import { registerListenLiveGraphql } from './graphql/listen-live';
import { seedListenLive } from './seed/seed-listen-live';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    createPlatform(strapi);
    await holdBootLock(strapi); // released by startPlatform(): one instance at a time syncs, migrates, seeds
    applySharedInvalidations(strapi);
    strapi.documents.use(documentMiddleware(cdnPurgeInTransaction(strapi))); // outermost: the CDN outbox row commits with the change
    strapi.documents.use(documentMiddleware(adminReadOnly(strapi))); // outermost: inner rules may still set computed fields
    strapi.documents.use(documentMiddleware(publishedOnly(strapi)));
    strapi.documents.use(documentMiddleware(photoEmbargo(strapi)));
    strapi.documents.use(documentMiddleware(photoDetails(strapi)));
    strapi.documents.use(documentMiddleware(fillSlug(strapi)));
    strapi.documents.use(documentMiddleware(articleRules(strapi)));
    strapi.documents.use(documentMiddleware(photoCreditLine(strapi)));
    strapi.documents.use(documentMiddleware(shortUrls(strapi)));
    strapi.documents.use(documentMiddleware(mediaItems(strapi)));
    strapi.documents.use(documentMiddleware(feedCacheInvalidation(strapi)));
    subscribeFeedCachePurges(strapi);
    strapi.documents.use(documentMiddleware(entityNotes(strapi)));
    registerEntityNotes(strapi);
    registerFeedsGraphql(strapi);
    registerShortUrlGraphql(strapi);
    registerListenLiveGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    checkFastPathSchema(strapi);
    await ensureListIndexes(strapi);
    await grantPublicPermissions(strapi);
    await setUpPhotoVisibility(strapi);
    invalidateFeedsOnPermissionChange(strapi);
    purgeFeedsOnFileChange(strapi);
    await setUpShortUrls(strapi);
    await refreshCreditLines(strapi);
    await seedDemoNewsroom(strapi);
    await seedPrivacyPolicy(strapi);
    await seedDemoComments(strapi);
    await seedListenLive(strapi);
    await configureAdminViews(strapi);
    await ensureFirstAdmin(strapi);
    listenForEntityNoteChanges(strapi);
    await setUpCdnOutbox(strapi);
    gracefulShutdown(strapi);
    await startPlatform(strapi); // releases the boot lock, starts jobs, /_ready turns 200
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closePlatform(strapi);
  },
};
