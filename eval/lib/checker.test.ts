import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openService } from '../../core/context';
import { getConverter } from '../../shared/text/convert';
import { checkAsProject } from './checker';

// a Taiwan release written with the Ministry's 占, as a converter hands it over (佔 for every 占)
const WRITTEN = '電動機車廠今天表示，上月營收新台幣18.6億元，年增9%，換電站營收占比升至三成。\n總經理說，電池業務占營收約15%，下半年將在高雄增設產線。\n';
const CONVERTED = getConverter('s2tw').convert(getConverter('t2s').convert(WRITTEN));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function check(standardForms?: 'unset' | 'ministry' | 'press') {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-checker-'));
  dirs.push(dir);
  const service = await openService(join(dir, 'eval.db'));
  try {
    const { findings } = await checkAsProject(service, 'release', [{ file: 'a.txt', text: CONVERTED }], standardForms);
    return findings.filter((f) => f.rule === 'taiwan-standard').map((f) => f.severity);
  } finally {
    service.db.close();
  }
}

describe('checkAsProject: the project house style the evaluation runs under', () => {
  it('leaves the project unset by default (the converter 佔 is information), and sets ministry or press as a reviewer would', async () => {
    expect(CONVERTED).toContain('佔');
    expect(await check()).toEqual(['info']);
    expect(await check('ministry')).toEqual(['warning']);
    expect(await check('press')).toEqual([]);
  }, 30_000);
});
