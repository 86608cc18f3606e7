// Renders a photo's credit line ("© AP Photo / Dusan Vranic") from its structured credit.

export interface PhotoCredit {
  photographer?: string | null;
  agency?: string | null;
  copyrightHolder?: string | null;
  license?: string | null;
  mayRedistribute?: boolean | null;
}

export const DEFAULT_CREDIT_TEMPLATE = '© {agency} / {photographer}';

const TOKEN = /\{(photographer|agency|copyrightHolder|license)\}/g;

/**
 * Fills the template's placeholders. Separators next to an empty placeholder are
 * dropped, so "© {agency} / {photographer}" gives "© Reuters" without a photographer
 * and "© Jane Doe" without an agency. When agency and photographer are both empty the
 * copyright holder stands in for the agency.
 */
export function renderCreditLine(credit: PhotoCredit | null | undefined, template = DEFAULT_CREDIT_TEMPLATE): string {
  if (!credit) return '';
  const clean = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
  const values: Record<string, string> = {
    photographer: clean(credit.photographer),
    agency: clean(credit.agency),
    copyrightHolder: clean(credit.copyrightHolder),
    license: clean(credit.license),
  };
  if (!values.agency && !values.photographer && values.copyrightHolder) values.agency = values.copyrightHolder;
  if (!Object.values(values).some(Boolean)) return '';

  // Literal text before the first placeholder is a prefix, after the last a suffix, and
  // between placeholders a separator, kept only between two values that are present.
  const pieces = template.split(TOKEN); // [text, name, text, name, ..., text]
  const names = pieces.filter((_, i) => i % 2 === 1);
  const texts = pieces.filter((_, i) => i % 2 === 0);
  if (names.length === 0) return template.trim();
  let out = '';
  let pendingSeparator: string | null = null;
  names.forEach((name, i) => {
    const value = values[name];
    if (value) {
      out += pendingSeparator ?? '';
      out += value;
      pendingSeparator = null;
    }
    const separator = texts[i + 1];
    if (i < names.length - 1 && out && pendingSeparator === null) pendingSeparator = separator;
  });
  if (!out) return '';
  return (texts[0] + out + texts[texts.length - 1]).replace(/\s+/g, ' ').trim();
}
