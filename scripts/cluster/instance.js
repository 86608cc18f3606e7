// One CMS instance from a compiled app (default ./dist from `npm run build`; NEWSROOM_DIST to
// choose another, as the multi-instance tests do). Configuration comes from the environment.
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
const distDir = process.env.NEWSROOM_DIST ? path.resolve(appDir, process.env.NEWSROOM_DIST) : path.join(appDir, 'dist');
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: process.env.SERVE_ADMIN_PANEL !== 'false' }).start();
