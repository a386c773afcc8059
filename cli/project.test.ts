import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../core/context';
import { cliTestDatabase } from './test-helpers';

const cli = cliTestDatabase();
const { run } = cli;

// a Taiwan release as a converter hands it over (佔 for the writer's 占, 拼 for 拚)
const CONVERTED = '電動機車廠今天公佈上月營收新臺幣18.6億元，年增9%，換電站營收佔比升至三成。\n\n總經理說，下半年拼海外市場，電池業務佔營收約15%，臺北與高雄門市同步擴點。\n';

function importRelease(project: string): void {
  const file = join(cli.dir, 'release.txt');
  writeFileSync(file, CONVERTED);
  const r = run('import', file, '--project', project);
  expect(r.code, r.err).toBe(0);
}

describe('jiaodui project standard-forms', () => {
  it('reads the setting, sets it (re-running the checks), and refuses a stale --if-version with exit 4', () => {
    importRelease('機車');
    const read = run('project', 'standard-forms', '機車');
    expect(read.code, read.err).toBe(0);
    expect(read.out).toMatch(/^機車: standard forms unset, version 0\.\n  unset: not set: .*\.\n$/);
    expect(run('check', '1', '--format', 'json').code).toBe(0);
    const set = run('project', 'standard-forms', '機車', 'ministry', '--if-version', '0');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toMatch(/^機車: standard forms ministry, version 1, set by .* at .*; checks re-run in 1 document\.\n  ministry: the standard forms, .*\.\n$/);
    const json = JSON.parse(run('project', 'standard-forms', '1', '--format', 'json').out) as { standardForms: string; version: number };
    expect(json).toMatchObject({ standardForms: 'ministry', version: 1 });
    const stale = run('project', 'standard-forms', '機車', 'press', '--if-version', '0');
    expect(stale.code).toBe(4);
    expect(stale.err).toContain('changed by');
    expect(JSON.parse(run('project', 'standard-forms', '機車', '--format', 'json').out)).toMatchObject({ standardForms: 'ministry', version: 1 });
  });

  it("answers in plain English: straight apostrophes (the press's), never parentheses inside parentheses", () => {
    importRelease('機車');
    const depth = (s: string) => [...s].reduce((d, c) => ({ now: d.now + (c === '(' ? 1 : c === ')' ? -1 : 0), max: Math.max(d.max, d.now + (c === '(' ? 1 : 0)) }), { now: 0, max: 0 }).max;
    const answers = [run('project', 'standard-forms', '機車').out];
    for (const value of ['ministry', 'press', 'unset']) answers.push(run('project', 'standard-forms', '機車', value).out);
    expect(answers.join('')).toContain("the press's usage");
    for (const a of answers) {
      expect(a).not.toContain('’');
      expect(depth(a), a).toBeLessThanOrEqual(1);
    }
  });

  it('gives a clear error on a bad value, an unknown project or subcommand (exit 2)', () => {
    importRelease('機車');
    const bad = run('project', 'standard-forms', '機車', 'moe');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Standard forms must be one of unset, ministry, press, got "moe"');
    const none = run('project', 'standard-forms', '沒有');
    expect(none.code).toBe(2);
    expect(none.err).toContain('There is no project "沒有"');
    expect(run('project', 'rename', '機車').err).toContain('Unknown project command "rename"');
    expect(run('project', 'standard-forms', '機車', 'press', '--if-version', 'x').err).toContain('--if-version must be a version number');
  });
});

describe('jiaodui project delete', () => {
  it('deletes an empty project with its glossary; refuses one holding documents (exit 2, nothing changed)', async () => {
    importRelease('機車');
    const held = run('project', 'delete', '機車');
    expect(held.code).toBe(2);
    expect(held.err).toMatch(/^jiaodui: The project "機車" still holds documents \(\d+ in the library, 0 in the Trash\): move them/);
    expect(run('list').out).toContain('機車');

    const service = await openService(cli.dbPath());
    const projectId = service.createProject({ name: 'Empty' }).id;
    service.saveGlossaryEntry({ projectId, term: '王征', variants: ['王徵'] });
    service.db.close();
    const done = run('project', 'delete', 'Empty');
    expect(done.code, done.err).toBe(0);
    expect(done.out).toBe('Deleted the project Empty with its 1 glossary entry.\n');
    expect(run('project', 'delete', 'Empty').err).toContain('There is no project "Empty"');
    expect(run('project', 'delete').code).toBe(2);
  });
});
