import { checkBody, renderCommentHtml } from '../../../../src/plugins/comments/lib/body';

const limits = { minLength: 2, maxLength: 50 };

describe('checkBody', () => {
  it('keeps the text as written, trimming only the ends', () => {
    expect(checkBody('  Hello <b>world</b>\n\nsecond line\t \n', limits)).toEqual({ ok: true, body: 'Hello <b>world</b>\n\nsecond line' });
  });

  it('normalises to NFC (a decomposed é is one character)', () => {
    const result = checkBody('cafe\u0301 ok', limits);
    expect(result).toEqual({ ok: true, body: 'caf\u00e9 ok' });
  });

  it.each([
    ['undefined', undefined, 'string'],
    ['a number', 42, 'string'],
    ['an object', { body: 'x' }, 'string'],
    ['an array', ['hello'], 'string'],
    ['an empty string', '', 'empty'],
    ['white space only', '   \n\t  ', 'empty'],
    ['zero-width and no-break spaces only', '\u200b\u200b \u00a0', 'empty'],
    ['one character', 'a', 'shorter'],
    ['one character too many', 'x'.repeat(51), 'longer'],
    ['100 kB', 'x'.repeat(100_000), 'longer'],
    ['a bell', 'bell\u0007here', 'control'],
    ['a NUL', 'null\u0000byte', 'control'],
    ['an ANSI escape', 'escape \u001b[31mred', 'control'],
    ['a C1 next-line', 'c1 \u0085 next line', 'control'],
    ['a bidi override', 'bidi \u202e override', 'control'],
  ])('refuses %s', (_label, raw, message) => {
    const result = checkBody(raw, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('accepts exactly the limits and counts characters, not UTF-16 units', () => {
    expect(checkBody('ab', limits).ok).toBe(true);
    expect(checkBody('x'.repeat(50), limits).ok).toBe(true);
    expect(checkBody('😀'.repeat(50), limits).ok).toBe(true);
    expect(checkBody('😀'.repeat(51), limits).ok).toBe(false);
  });

  it('allows tab, line feed and carriage return inside', () => {
    expect(checkBody('one\r\ntwo\tthree', limits)).toEqual({ ok: true, body: 'one\r\ntwo\tthree' });
  });
});

describe('renderCommentHtml', () => {
  it('escapes all markup', () => {
    expect(renderCommentHtml('<script>alert("x")</script> & \'q\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  it('turns line breaks into <br>', () => {
    expect(renderCommentHtml('a\nb\r\nc\rd')).toBe('a<br>b<br>c<br>d');
  });

  it('links http(s) URLs with rel="nofollow ugc", leaving sentence punctuation outside', () => {
    expect(renderCommentHtml('See https://example.org/a?b=1&c=2.')).toBe(
      'See <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc">https://example.org/a?b=1&amp;c=2</a>.',
    );
    expect(renderCommentHtml('(http://example.org/wiki/Foo_(bar))')).toBe(
      '(<a href="http://example.org/wiki/Foo_(bar)" rel="nofollow ugc">http://example.org/wiki/Foo_(bar)</a>)',
    );
  });

  it('does not link other schemes or markup tricks', () => {
    expect(renderCommentHtml('javascript:alert(1) ftp://x.example data:text/html,<b>')).toBe('javascript:alert(1) ftp://x.example data:text/html,&lt;b&gt;');
    expect(renderCommentHtml('<a href="http://evil.example">x</a>')).toBe(
      '&lt;a href=&quot;<a href="http://evil.example" rel="nofollow ugc">http://evil.example</a>&quot;&gt;x&lt;/a&gt;',
    );
    expect(renderCommentHtml('http://"onmouseover="alert(1)')).not.toContain('onmouseover="');
  });
});
