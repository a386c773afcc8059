import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { COMMAND_HELP, commandHelpText } from './help';
import { COMMANDS, OPTION_NAMES, parseCommandLine, USAGE } from './usage';
import { BIN, CLI_ENV } from './test-helpers';

function jiaodui(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...CLI_ENV } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Split an example command line as a shell would (double quotes only). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The lines of the overall usage that describe `command` (its line and the continuation lines under it). */
function usageLinesOf(command: string): string {
  const lines = USAGE.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const l of lines) {
    const m = /^ {2}([a-z-]+)\b/.exec(l);
    if (m) inside = m[1] === command || l.includes(`| ${command} `);
    else if (!/^ {3,}/.test(l)) inside = false;
    if (inside) out.push(l);
  }
  return out.join('\n');
}

describe('per-command help (cli/help.ts)', () => {
  it('every command has usage, a summary, options and an example', () => {
    for (const c of COMMANDS) {
      const h = COMMAND_HELP[c];
      expect(h, c).toBeDefined();
      expect(h.usage.every((u) => u.startsWith(`${c} `) || u === c || u.startsWith(' ')), c).toBe(true);
      expect(h.summary.length, c).toBeGreaterThan(10);
      expect(h.examples.length, c).toBeGreaterThan(0);
      const text = commandHelpText(c)!;
      expect(text, c).toMatch(new RegExp(`^Usage: jiaodui ${c}\\b`));
      expect(text, c).toContain('Options:\n');
      expect(text, c).toMatch(/Examples?:\n {2}jiaodui /);
    }
    // and no entry for a command that does not exist
    expect(Object.keys(COMMAND_HELP).sort()).toEqual([...COMMANDS].sort());
  });

  it("every example parses as its own command, and every option named is one the command line accepts", () => {
    for (const c of COMMANDS) {
      for (const e of COMMAND_HELP[c].examples) {
        const [bin, ...argv] = words(e);
        expect(bin).toBe('jiaodui');
        const cl = parseCommandLine(argv);
        expect(cl.help, e).toBe(false);
        if (!cl.help) expect(cl.command, e).toBe(c);
      }
      for (const [, name] of commandHelpText(c)!.matchAll(/--([a-z][a-z-]*)/g)) expect(OPTION_NAMES, `${c}: --${name}`).toContain(name);
    }
  });

  it("names every option that the command's line in the overall usage names", () => {
    for (const c of COMMANDS) {
      const lines = usageLinesOf(c);
      expect(lines, c).not.toBe('');
      const text = commandHelpText(c)!;
      for (const [opt] of lines.matchAll(/--[a-z][a-z-]*/g)) expect(text, `${c}: ${opt}`).toContain(opt);
    }
  });

  it('jiaodui COMMAND --help and jiaodui help COMMAND print it, exit 0, without a database', () => {
    for (const c of COMMANDS) {
      const a = jiaodui(c, '--help');
      expect(a, c).toEqual({ code: 0, out: commandHelpText(c) + '\n', err: '' });
    }
    expect(jiaodui('help', 'check')).toEqual(jiaodui('check', '-h'));
    expect(jiaodui('help').out).toBe(USAGE + '\n');
    const unknown = jiaodui('help', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^jiaodui: Unknown command "frobnicate"/);
  });
});
