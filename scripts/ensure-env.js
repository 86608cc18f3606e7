#!/usr/bin/env node
// Generates missing development secrets into .env on first run; never in production.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'];
const file = path.resolve(__dirname, '..', '.env');

// The "dev-" prefix lets production recognise (and refuse) a development .env.
function random() {
  return `dev-${crypto.randomBytes(24).toString('base64')}`;
}

function main() {
  if (process.env.NODE_ENV === 'production') return; // production must bring its own; config/server.ts checks them
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const present = new Set(
    text.split('\n').map((l) => l.match(/^\s*([A-Z0-9_]+)\s*=\s*\S/)?.[1]).filter(Boolean),
  );
  const missing = SECRETS.filter((name) => !present.has(name) && !process.env[name]);
  const lines = missing.map((name) =>
    name === 'APP_KEYS' ? `APP_KEYS=${[random(), random(), random(), random()].join(',')}` : `${name}=${random()}`,
  );
  // Web Push: a lasting VAPID pair, so browsers' subscriptions survive restarts of the development server.
  const vapid = ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'];
  if (vapid.every((name) => !present.has(name) && !process.env[name])) {
    const keys = require('web-push').generateVAPIDKeys();
    lines.push(`VAPID_PUBLIC_KEY=${keys.publicKey}`, `VAPID_PRIVATE_KEY=${keys.privateKey}`, 'VAPID_SUBJECT=mailto:push@localhost.invalid');
    missing.push(...vapid);
  }
  if (missing.length === 0) return;
  const header = text ? (text.endsWith('\n') ? '' : '\n') : '# Development secrets generated on first run. Do not use in production.\n';
  fs.writeFileSync(file, text + header + lines.join('\n') + '\n', { mode: 0o600 });
  console.log(`Generated development secrets in .env: ${missing.join(', ')}`);
}

main();
