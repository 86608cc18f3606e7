// Each purger's request as its CDN expects it, against a local HTTP server.
import http from 'http';
import type { AddressInfo } from 'net';
import { cdnKeyHeaders, createPurger, parsePurgerConfig, retryDelaySeconds } from '../../../../src/lib/cdn/purgers';

let server: http.Server;
let base: string;
let seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
let answer = 200;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(answer).end(answer === 200 ? '{}' : 'nope');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  seen = [];
  answer = 200;
});

describe('CDN purgers', () => {
  it('fastly: POST /service/<id>/purge with the keys in Surrogate-Key and the token in Fastly-Key', async () => {
    await createPurger({ kind: 'fastly', url: base, token: 'tok', service: 'svc' }).purge(['article:a1', 'section:world']);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/service/svc/purge', headers: { 'fastly-key': 'tok', 'surrogate-key': 'article:a1 section:world' } });
  });

  it('cloudflare: POST /zones/<zone>/purge_cache with { tags }', async () => {
    await createPurger({ kind: 'cloudflare', url: base, token: 'cf', service: 'zone1' }).purge(['feed']);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/zones/zone1/purge_cache', headers: { authorization: 'Bearer cf' } });
    expect(JSON.parse(seen[0].body)).toEqual({ tags: ['feed'] });
  });

  it('varnish: PURGE with xkey-purge; webhook: POST { keys } as JSON', async () => {
    await createPurger({ kind: 'varnish', url: `${base}/` }).purge(['a', 'b']);
    await createPurger({ kind: 'webhook', url: `${base}/hook` }).purge(['a', 'b']);
    expect(seen[0]).toMatchObject({ method: 'PURGE', headers: { 'xkey-purge': 'a b' } });
    expect(seen[1]).toMatchObject({ method: 'POST', url: '/hook', headers: { 'content-type': 'application/json' } });
    expect(seen[1].headers.authorization).toBeUndefined();
    expect(JSON.parse(seen[1].body)).toEqual({ keys: ['a', 'b'] });
  });

  it('throws when the CDN refuses, so the outbox retries', async () => {
    answer = 503;
    await expect(createPurger({ kind: 'webhook', url: `${base}/hook` }).purge(['a'])).rejects.toThrow(/answered 503: nope/);
  });
});

describe('purger configuration', () => {
  it('is off without CDN_PURGE and names what a purger needs', () => {
    expect(parsePurgerConfig({})).toBeNull();
    expect(() => parsePurgerConfig({ CDN_PURGE: 'akamai' })).toThrow(/fastly, cloudflare, varnish or webhook/);
    expect(() => parsePurgerConfig({ CDN_PURGE: 'webhook' })).toThrow('CDN_PURGE=webhook needs CDN_PURGE_URL');
    expect(() => parsePurgerConfig({ CDN_PURGE: 'fastly' })).toThrow('CDN_PURGE=fastly needs CDN_PURGE_TOKEN, CDN_PURGE_SERVICE');
    expect(parsePurgerConfig({ CDN_PURGE: 'Webhook', CDN_PURGE_URL: 'http://x/y' })).toMatchObject({ kind: 'webhook', url: 'http://x/y' });
  });

  it('backs off by doubling from 2 s up to 5 minutes', () => {
    expect([1, 2, 3, 8, 9, 50].map(retryDelaySeconds)).toEqual([2, 4, 8, 256, 300, 300]);
  });

  it('writes the three header conventions, de-duplicated', () => {
    expect(cdnKeyHeaders(['article:1', 'section:world', 'article:1', ''], 300)).toEqual({
      'Surrogate-Key': 'article:1 section:world',
      'Cache-Tag': 'article:1,section:world',
      xkey: 'article:1 section:world',
      'Surrogate-Control': 'max-age=300',
    });
    expect(cdnKeyHeaders([], 300)).toEqual({});
  });
});
