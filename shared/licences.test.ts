import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LICENCES } from './licences';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string> };

function declaredLicence(name: string): string {
  return (JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')) as { license: string }).license;
}

describe('the licence list (About / Licences)', () => {
  it('lists every runtime dependency of package.json', () => {
    const listed = new Set(LICENCES.map((l) => l.npm));
    const missing = Object.keys(pkg.dependencies).filter((d) => !listed.has(d));
    expect(missing).toEqual([]);
  });

  it('gives each npm package the licence its package.json declares', () => {
    for (const l of LICENCES.filter((x) => x.npm)) expect(l.licence, l.npm).toBe(declaredLicence(l.npm!));
  });

  it('credits CC-CEDICT as CC BY-SA 4.0 and OpenCC as Apache-2.0', () => {
    expect(LICENCES.find((l) => l.name === 'CC-CEDICT')).toMatchObject({ kind: 'dataset', licence: 'CC-BY-SA-4.0' });
    expect(LICENCES.find((l) => l.name.startsWith('OpenCC'))).toMatchObject({ licence: 'Apache-2.0' });
    expect(new Set(LICENCES.map((l) => l.name)).size).toBe(LICENCES.length);
  });
});
