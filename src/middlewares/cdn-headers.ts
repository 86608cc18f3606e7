// Surrogate-Key, Cache-Tag, xkey and Surrogate-Control on every response tagged for the CDN (see src/platform/cdn-outbox.ts).
import { cdnHeadersMiddleware } from '../platform/cdn-outbox';

export default cdnHeadersMiddleware;
