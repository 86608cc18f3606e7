// The Strapi packages move together: every @strapi/* dependency is pinned exactly to the one Strapi
// release, except the S3 upload provider, whose newest release is older (5.52.3) and which
// depends on no @strapi/* package and declares no peer, so it cannot pull a second Strapi in.
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const STRAPI = '5.54.0';
const OLDER = { '@strapi/provider-upload-aws-s3': '5.52.3' } as Record<string, string>;

describe('Strapi pins', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: Record<string, string> };
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }> };
  const declared = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([name]) => name.startsWith('@strapi/'));

  it(`pins every @strapi/* dependency exactly, to ${STRAPI} unless its newest release is older`, () => {
    expect(declared.length).toBeGreaterThan(3);
    expect(declared.filter(([name, version]) => version !== (OLDER[name] ?? STRAPI))).toEqual([]);
  });

  it('installs no @strapi/core package other than the one release', () => {
    const strays = Object.entries(lock.packages).filter(([where, p]) => /node_modules\/@strapi\/(core|strapi|utils|upload|database)$/.test(where) && p.version !== STRAPI);
    expect(strays.map(([where, p]) => `${where}@${p.version}`)).toEqual([]);
  });

  it.each(Object.keys(OLDER))('%s needs no @strapi/* package of its own', (name) => {
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry.version).toBe(OLDER[name]);
    expect(Object.keys({ ...entry.dependencies, ...entry.peerDependencies }).filter((d) => d.startsWith('@strapi/'))).toEqual([]);
  });
});
