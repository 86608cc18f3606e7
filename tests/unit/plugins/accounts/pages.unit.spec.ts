import { formPage, messagePage } from '../../../../src/plugins/accounts/lib/pages';

describe('confirm pages', () => {
  it('carry the token only in a hidden field of a POST form, escaped', () => {
    const html = formPage('Daily', { title: 'Confirm', intro: 'Press', action: '/account/confirm-email', button: 'Go', fields: [{ name: 'confirmation', type: 'hidden', label: '', value: '"><script>x</script>' }] });
    expect(html).toContain('<form method="post" action="/account/confirm-email">');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('noindex');
  });

  it('escape messages', () => {
    expect(messagePage('D', 'T', '<img src=x>')).toContain('&lt;img src=x&gt;');
  });
});
