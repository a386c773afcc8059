import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LICENCES, licenceTexts } from './licences';

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

  it('says what each item is used for, and its copyright, in Traditional Chinese too', () => {
    const han = /\p{Script=Han}/u;
    for (const l of LICENCES) {
      const zh = licenceTexts(l, 'zh-Hant');
      expect(zh.use, l.name).toMatch(han);
      expect(zh.use, l.name).not.toBe(l.use);
      // an English copyright line left as it is holds only names: no English connecting words
      if (!l.copyrightZh) expect(l.copyright, l.name).not.toMatch(/\b(and|contributors|developers|affiliates)\b/);
      else expect(l.copyrightZh, l.name).toMatch(han);
      expect(licenceTexts(l, 'en')).toEqual({ use: l.use, copyright: l.copyright });
    }
    expect(licenceTexts(LICENCES.find((l) => l.name === 'CC-CEDICT')!, 'zh-Hant')).toEqual({
      use: expect.stringContaining('辭典釋義'),
      copyright: '© MDBG 及 CC-CEDICT 貢獻者',
    });
  });
});
