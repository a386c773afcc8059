import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';
import { BIN } from './test-helpers';

/** Run the bin with JIAODUI_CLI=bundle (the prebuilt dist/cli) or =source (tsx on the TypeScript). */
function jiaodui(mode: 'bundle' | 'source', ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: '', JIAODUI_CLI: mode } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bin/jiaodui.mjs: the prebuilt bundle and the TypeScript fallback', () => {
  it('--help, a missing command and usage errors: the same answers either way', () => {
    for (const args of [['--help'], [], ['frobnicate'], ['list', '--bogus'], ['list', '--format', 'xml']]) {
      const bundle = jiaodui('bundle', ...args);
      const source = jiaodui('source', ...args);
      expect(bundle, args.join(' ')).toEqual(source);
    }
    const help = jiaodui('bundle', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: jiaodui \[--db PATH\] <command>/);
    expect(help.out).toContain('import-xliff DOC FILE');
    expect(jiaodui('bundle').code).toBe(2);
    const unknown = jiaodui('bundle', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split('\n')).toEqual([expect.stringMatching(/^jiaodui: Unknown command "frobnicate"/)]);
     // an option's value starting with a dash: one line that says how to pass it
    const dash = jiaodui('bundle', 'push', 'Samples', 'http://127.0.0.1:9', '--token', '-abc');
    expect(dash.code).toBe(2);
    expect(dash.err.trim().split('\n')).toEqual([expect.stringMatching(/^jiaodui: Option '--token' argument is ambiguous\..*use '--token=-XYZ'/)]);
  });

  it('checks a file with the same findings either way (the bundle loads pinyin-pro lazily, at the first sound-alike check)', () => {
    const file = join(PACKAGE_ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');
    const bundle = jiaodui('bundle', 'check', file, '--format', 'json');
    const source = jiaodui('source', 'check', file, '--format', 'json');
    expect(bundle.err).toBe('');
    expect(bundle).toEqual(source);
    // the sample's findings, its {王震, 王徵} group among them
    const found = JSON.parse(bundle.out) as { rule: string; text: string }[];
    expect(found.length).toBeGreaterThan(5);
    expect(found.some((f) => f.rule === 'entity-consistency' && f.text === '王震')).toBe(true);
  });
});
