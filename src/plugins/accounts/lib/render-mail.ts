// Fills a mail template (subject, text, html with {{name}} placeholders): values are HTML-escaped
// in the HTML part, and every mail gets the same small HTML layout with the site's name.
export interface MailTemplate {
  subject: string;
  text: string;
  /** Body of the HTML part (inside the layout); {{name}} placeholders, escaped on render. */
  html: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function fill(template: string, vars: Record<string, string>, escape: (v: string) => string): string {
  return template.replace(PLACEHOLDER, (match, name: string) => {
    if (!(name in vars)) throw new Error(`Mail template placeholder {{${name}}} has no value`);
    return escape(vars[name]);
  });
}

export function renderMail(template: MailTemplate, vars: Record<string, string>): RenderedMail {
  // Header injection: a subject never carries line breaks, whatever a value contains.
  const subject = fill(template.subject, vars, (v) => v).replace(/[\r\n]+/g, ' ');
  const text = fill(template.text, vars, (v) => v);
  const body = fill(template.html, vars, escapeHtml);
  const site = escapeHtml(vars.siteName ?? '');
  const html =
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:36em;margin:auto">' +
    `<p style="font-weight:bold">${site}</p>${body}</body></html>`;
  return { subject, text, html };
}

/** The template for `locale` when a translation exists ("fr-CA" falls back to "fr"), else the default one. */
export function pickTemplate<T>(translations: Record<string, T>, locale: string | undefined | null, fallback: string): T {
  const wanted = (locale ?? '').toLowerCase();
  if (wanted && translations[wanted]) return translations[wanted];
  const language = wanted.split('-')[0];
  if (language && translations[language]) return translations[language];
  return translations[fallback];
}
