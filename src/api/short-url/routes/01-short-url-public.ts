// Public short-link reads under /api: an article's short URL and a link's QR code
// (granted to the public role in src/bootstrap/public-permissions.ts).
export default {
  routes: [
    { method: 'GET', path: '/articles/:documentId/short-url', handler: 'short-url.forArticle', config: { policies: [] } },
    { method: 'GET', path: '/short-urls/:code/qr', handler: 'short-url.qr', config: { policies: [] } },
  ],
};
