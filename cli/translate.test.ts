import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openService, SAMPLE_FILE } from '../core/context';
import { startFakeProvider, fakeTranslation, type FakeProvider } from '../core/mt/testing';
import { CliErrorOutput, cliOutputSchemas } from '../shared/contract/cli';
import { cliRunAsync, cliTestDatabase } from './test-helpers';
import { parseRows } from './translate';

const cli = cliTestDatabase('translate.db');
const { run } = cli;
let fake: FakeProvider;
let doc = '';

beforeAll(async () => {
  fake = await startFakeProvider('openai');
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.script.length = 0;
  fake.delayMs = 0;
});

const translate = (args: string[], o: Parameters<typeof cliRunAsync>[2] = {}) => cliRunAsync(cli.dbPath(), ['translate', doc, ...args], o);
const flags = () => ['--provider', 'openai', '--url', fake.url, '--model', 'test-model'];
const segments = () => cliOutputSchemas.show.parse(JSON.parse(run('show', doc, '--format', 'json').out)).segments;
const withEnglish = () => segments().filter((s) => s.english?.text);

describe('jiaodui translate', () => {
  it('parses row lists', () => {
    expect(parseRows('3,5-7,3', 10)).toEqual([3, 5, 6, 7]);
    expect(() => parseRows('0', 10)).toThrow(/start at 1/);
    expect(() => parseRows('9-3', 10)).toThrow(/not a range/);
    expect(() => parseRows('2-11', 10)).toThrow(/past the end/);
    expect(() => parseRows('a', 10)).toThrow(/row numbers/);
  });

  it('translates the listed rows as one undoable operation, with progress on stderr and the job as JSON', async () => {
    const imp = run('import', SAMPLE_FILE);
    expect(imp.code, imp.err).toBe(0);
    doc = String(cliOutputSchemas.import.parse(JSON.parse(imp.out)).documentId);
    const r = await translate(['--segments', '2,4-5', ...flags(), '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const job = cliOutputSchemas.translate.parse(JSON.parse(r.out));
    expect(job).toMatchObject({ state: 'done', total: 3, translated: 3, failed: 0 });
    expect(r.err).toContain('translating 3 segments');
    expect(r.err).toContain('translated 3/3');
    expect(fake.requests).toHaveLength(3);
    const segs = segments();
    expect(withEnglish().map((s) => s.index + 1)).toEqual([2, 4, 5]);
    expect(segs[1].english?.text).toBe(fakeTranslation(segs[1].text));
    // one undo step takes all three back
    expect(run('undo', doc).code).toBe(0);
    expect(withEnglish()).toEqual([]);
    expect(run('redo', doc).code).toBe(0);
    expect(withEnglish()).toHaveLength(3);
  });

  it('uses the saved settings when the flags are absent, and reads the key only from the named variable', async () => {
    const service = await openService(cli.dbPath());
    try {
      service.updateMtSettings({ provider: 'openai', url: fake.url, model: 'saved-model' });
    } finally {
      service.db.close();
    }
    const r = await translate(['--segments', '6', '--key-env', 'JD_TEST_MT_KEY'], { env: { JD_TEST_MT_KEY: 'sk-test-secret' } });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Done: 1 translated/);
    expect(fake.requests[0].headers.authorization).toBe('Bearer sk-test-secret');
    expect((fake.requests[0].body as { model: string }).model).toBe('saved-model');
    expect(readFileSync(cli.dbPath()).includes('sk-test-secret')).toBe(false);
    // an unset variable, a key in place of a name, both scopes, no scope: usage errors, nothing sent
    const unset = await translate(['--segments', '6', '--key-env', 'JD_TEST_MT_UNSET'], { env: { JD_TEST_MT_UNSET: '' } });
    expect(unset.code).toBe(2);
    expect(unset.err).toMatch(/JD_TEST_MT_UNSET.*not set/);
    expect((await translate(['--segments', '6', '--key-env', 'sk-abc-123'])).code).toBe(2);
    expect((await translate(['--segments', '6', '--all-untranslated'])).code).toBe(2);
    expect((await translate([])).code).toBe(2);
    const bad = await translate(['--segments', '6', '--provider', 'deepl', '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(CliErrorOutput.parse(JSON.parse(bad.out)).error.message).toMatch(/--provider/);
    expect((await translate(['--segments', '6', '--url', 'ftp://x'])).code).toBe(2);
    expect(fake.requests).toHaveLength(1);
  });

  it('lists per-segment failures on stderr and exits 1; the other segments are translated', async () => {
    fake.script.push({ status: 400, raw: '{"error":{"message":"bad request"}}' });
    const r = await translate(['--segments', '7-8', ...flags()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/row 7 \(segment \d+\) failed/);
    expect(r.out).toMatch(/1 translated.*1 failed/);
    expect(withEnglish().map((s) => s.index + 1)).toContain(8);
  });

  it('Ctrl+C cancels: what finished stays, as one undo step, exit 130', async () => {
    const before = withEnglish().length;
    fake.delayMs = 150;
    let sent = false;
    const r = await translate(['--all-untranslated', ...flags()], {
      onStderr: (chunk, p) => {
        if (!sent && /translated 2\//.test(chunk)) {
          sent = true;
          p.signal('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.err).toContain('cancelling');
    expect(r.out).toMatch(/^Cancelled: \d+ translated/);
    const after = withEnglish().length;
    expect(after - before).toBeGreaterThanOrEqual(2);
    expect(after).toBeLessThan(segments().filter((s) => !s.furniture).length);
    expect(run('undo', doc).code).toBe(0);
    expect(withEnglish()).toHaveLength(before);
  });
});
