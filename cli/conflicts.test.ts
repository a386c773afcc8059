/**
 * Issue 16 on the command line: `edit --if-text`, `import-xliff` of units changed since the
 * export, and undo scoped to the CLI's reviewer. A refused stale write is one line on stderr
 * and exit 4 (EXIT_CONFLICT), never 2 (usage).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliTestDatabase } from './test-helpers';
import { SAMPLE_FILE } from '../core/context';
import { HAS_XMLLINT, XLIFF12_SCHEMA, XLIFF20_SCHEMA, xmllint } from '../core/testing/xmllint';
import { EXIT_CONFLICT } from './usage';

const cli = cliTestDatabase('cli-conflicts.db');
const { run } = cli;

interface ShownSegment {
  id: number;
  text: string;
}
const show = (doc: string) => (JSON.parse(run('show', doc, '--format', 'json').out) as { segments: ShownSegment[] }).segments;

describe('jiaodui and other writers', () => {
  let doc = '';
  let segs: ShownSegment[] = [];

  it('edit --if-text OLD saves while the text is still OLD, and refuses with exit 4 once someone changed it', () => {
    const imp = run('import', SAMPLE_FILE);
    expect(imp.code, imp.err).toBe(0);
    doc = String((JSON.parse(imp.out) as { documentId: number }).documentId);
    segs = show(doc);
    const s = segs[3];
    const ok = run('edit', doc, String(s.id), '--text', '第一次', '--if-text', s.text);
    expect(ok.code, ok.err).toBe(0);
    // a second writer (here: the same command with an old view) expects the text it read
    const stale = run('edit', doc, String(s.id), '--text', '第二次', '--if-text', s.text);
    expect(EXIT_CONFLICT).toBe(4);
    expect(stale.code).toBe(4);
    expect(stale.err.trim().split('\n')).toHaveLength(1);
    // an expected-value compare says what the text is not (and is), not that a version moved
    expect(stale.err).toMatch(/^jiaodui: The text of row 4 is not "/);
    expect(stale.err).toContain(`is not "${s.text.length > 40 ? s.text.slice(0, 39) + '…' : s.text}" (it is "第一次", changed by `);
    expect(stale.err).not.toMatch(/since you read it/);
    expect(show(doc)[3].text).toBe('第一次');
    const json = run('edit', doc, String(s.id), '--text', '第二次', '--if-text', s.text, '--format', 'json');
    expect(json.code).toBe(4);
    expect(JSON.parse(json.out)).toMatchObject({ error: { code: 'edit-conflict' } });
  });

  it('undo takes the CLI reviewer\'s own last step (--reviewer, else the system user)', () => {
    const s = segs[5];
    expect(run('--reviewer', 'bob', 'edit', doc, String(s.id), '--text', 'bob的').code).toBe(0);
    expect(run('--reviewer', 'carol', 'undo', doc).err).toMatch(/^jiaodui: Nothing to undo\./);
    const undo = run('--reviewer', 'bob', 'undo', doc);
    expect(undo.code, undo.err).toBe(0);
    expect(show(doc)[5].text).toBe(s.text);
    // the system user's step (the first test's edit) is still there to undo
    expect(show(doc)[3].text).toBe('第一次');
  });

  for (const format of ['xliff', 'xliff12'] as const) {
    it(`import-xliff (${format}) refuses units whose text changed since the export with exit 4; the export records versions and validates`, () => {
      const file = join(cli.dir, `doc.${format}.xlf`);
      expect(run('export', doc, '--format', format, '--out', file).code).toBe(0);
      const xml = readFileSync(file, 'utf8');
      expect(xml).toMatch(format === 'xliff' ? /<unit id="s\d+" name="4"[^>]* jd:base="[1-9]\d*"/ : /<trans-unit id="s\d+" resname="4"[^>]* extradata="jiaodui-base:[1-9]\d*"/);
      if (HAS_XMLLINT) expect(xmllint(xml, format === 'xliff' ? XLIFF20_SCHEMA : XLIFF12_SCHEMA).stderr).toContain('validates');
      const [a, b] = [show(doc)[3], show(doc)[7]];
      // the translator edits both units in the file; meanwhile someone changes b in Jiaodui
      const edited = xml.replace(`>${a.text}</target>`, `>譯者改的甲</target>`).replace(`>${b.text}</target>`, `>譯者改的乙</target>`);
      expect(edited).not.toBe(xml);
      writeFileSync(file, edited);
      expect(run('edit', doc, String(b.id), '--text', `同事改的${format}`).code).toBe(0);
      const r = run('import-xliff', doc, file);
      expect(r.code).toBe(4);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(new RegExp(`^jiaodui: XLIFF: 1 unit\\(s\\) changed in Jiaodui since the export \\(s${b.id}\\).*Nothing was imported`));
      expect(show(doc)[3].text).toBe(a.text);
      expect(show(doc)[7].text).toBe(`同事改的${format}`);
      // exported again, the same edit of a's unit goes in
      expect(run('export', doc, '--format', format, '--out', file).code).toBe(0);
      writeFileSync(file, readFileSync(file, 'utf8').replace(`>${a.text}</target>`, `>譯者改的甲</target>`));
      const ok = run('import-xliff', doc, file);
      expect(ok.code, ok.err).toBe(0);
      expect(show(doc)[3].text).toBe('譯者改的甲');
      run('undo', doc);
    });
  }
});
