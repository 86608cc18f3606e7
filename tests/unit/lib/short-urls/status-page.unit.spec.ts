import { escapeHtml, renderStatusPage } from '../../../../src/lib/short-urls/status-page';

describe('renderStatusPage', () => {
  it('renders the status, title and message in a small page', () => {
    const html = renderStatusPage(410, 'Gone', 'This link has expired.');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>410 Gone</title>');
    expect(html).toContain('<p>This link has expired.</p>');
    expect(html).toContain('noindex');
  });

  it('escapes what it is given', () => {
    const html = renderStatusPage(404, '<b>x</b>', `"><script>alert('x')</script>`);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
