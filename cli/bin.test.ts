import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
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
  });
});
