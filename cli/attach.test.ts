import { cliTestDatabase } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PACKAGE_ROOT, SAMPLE_FILE } from '../core/context';

const cli = cliTestDatabase();
const { run } = cli;
const FIX = join(PACKAGE_ROOT, 'tests', 'fixtures', 'parallel');

describe('jiaodui import --source/--english, attach, show, check', () => {
  it('imports with a source; show --format json has each segment’s source; check reports the divergences', () => {
    const imp = run('import', join(FIX, 'mt-output.zh-Hant.txt'), '--source', join(FIX, 'mt-source.zh-Hans.txt'), '--project', 'MT');
    expect(imp.code, imp.err).toBe(0);
    const doc = String(JSON.parse(imp.out).documentId);
    const show = run('show', doc, '--format', 'json');
    expect(show.code, show.err).toBe(0);
    const segs = JSON.parse(show.out).segments as { source: string | null; english: unknown }[];
    expect(segs.map((s) => s.source)).toEqual(['首席财务官王征表示，公司去年收入为34亿元，按年下降10.6%。', '他说，生成式AI业务收入为11.8亿元，按年上升200%。']);
    expect(segs[0].english).toBeNull();
    const check = run('check', doc, '--format', 'json', '--rules', 'source-divergence');
    expect(check.code, check.err).toBe(0);
    const rows = JSON.parse(check.out) as { rule: string; text: string; fixes: unknown[] }[];
    expect(rows.map((r) => r.text)).toEqual(['震', '43']);
  });

  it('attach DOC --english FILE aligns an English rendering to the sample', () => {
    const imp = run('import', SAMPLE_FILE, '--project', 'Samples');
    const doc = String(JSON.parse(imp.out).documentId);
    const r = run('attach', doc, '--english', join(FIX, 'sensetime-2023.en.txt'), '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'english', encoding: 'utf-8', method: 'paragraphs' });
    const segs = JSON.parse(run('show', doc, '--format', 'json').out).segments as { english: { text: string; status: string } }[];
    expect(segs[4].english).toEqual({ text: 'Recently, SenseTime (00020) held a results call.', aligned: 'Recently, SenseTime (00020) held a results call.', status: 'unreviewed' });
    // Every row the English does not cover, as one grouped finding of the document.
    const check = JSON.parse(run('check', doc, '--format', 'json', '--rules', 'english-empty').out) as { rule: string; related: unknown[] }[];
    expect(check).toHaveLength(1);
    expect(check[0].related.length).toBeGreaterThan(50);
  });

  it('usage errors', () => {
    expect(run('attach', '1').code).toBe(2);
    expect(run('attach', '1', '--source', 'a', '--english', 'b').code).toBe(2);
    const missing = run('attach', '1', '--english', join(FIX, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
  });
});
