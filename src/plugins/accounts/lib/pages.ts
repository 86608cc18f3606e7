// The small confirm pages the CMS serves for one-time links: opening the link only shows a form;
// the token is used when the reader presses the button (a POST), so mail scanners cannot use it.
import { escapeHtml } from './render-mail';

export interface PageField {
  name: string;
  label: string;
  type: 'password' | 'hidden';
  value?: string;
}

function layout(siteName: string, title: string, body: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(siteName)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:28em;margin:3em auto;padding:0 1em;line-height:1.5}' +
    'label{display:block;margin:.8em 0 .2em}input{width:100%;padding:.4em;font-size:1em}button{margin-top:1em;padding:.5em 1.2em;font-size:1em}</style>' +
    `</head><body><p><strong>${escapeHtml(siteName)}</strong></p><h1>${escapeHtml(title)}</h1>${body}</body></html>`
  );
}

export function formPage(siteName: string, options: { title: string; intro: string; action: string; button: string; fields: PageField[] }): string {
  const fields = options.fields
    .map((f) =>
      f.type === 'hidden'
        ? `<input type="hidden" name="${escapeHtml(f.name)}" value="${escapeHtml(f.value ?? '')}">`
        : `<label for="${escapeHtml(f.name)}">${escapeHtml(f.label)}</label><input id="${escapeHtml(f.name)}" type="password" name="${escapeHtml(f.name)}" required minlength="8" autocomplete="new-password">`,
    )
    .join('');
  return layout(
    siteName,
    options.title,
    `<p>${escapeHtml(options.intro)}</p><form method="post" action="${escapeHtml(options.action)}">${fields}<button type="submit">${escapeHtml(options.button)}</button></form>`,
  );
}

export function messagePage(siteName: string, title: string, message: string, link?: { href: string; label: string }): string {
  const back = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '';
  return layout(siteName, title, `<p>${escapeHtml(message)}</p>${back}`);
}
