import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { asciiRegexpsAndComments } from './ascii-js.mjs';
import { BUNDLE_DIR_NAME, ROOT } from './cli-bundle.mjs';

/** What the snippet evaluates to, as JSON. */
const run = (code: string) => JSON.stringify(runInNewContext(code));
/** A JavaScript string literal in ASCII (as esbuild writes strings). */
const literal = (s: string) => JSON.stringify(s).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('ASCII regular expressions and comments (scripts/ascii-js.mjs)', () => {
  it('escapes the characters of regular expressions and comments to the same meaning', async () => {
    const source = `// 、。「」 a comment
      /* 全角：，（） */
      const probes = [${['一億元', '三萬人', 'a：b', '😀', 'x😀y', '字字', 'lǜ', 'ê̄', '\uD83D'].map(literal).join(', ')}];
      const patterns = [/[億亿萬万]/, /\\：/, /[\\：]/, /😀/u, /^[😀]$/u, /[😀]/, /^.$/u, /(?<名>字)\\k<名>/, /ü/g, /(ē|é|ě|è)/, /[^\\u0000-\\u007f]/u, /[\\p{Script=Han}]/u];
      probes.map((p) => patterns.map((re) => { re.lastIndex = 0; const m = re.exec(p); return m && [m.index, m[0], m.groups ?? null]; }));`;
    const { code, left } = await asciiRegexpsAndComments(source);
    expect(left).toBe(0);
    expect(code).toMatch(/^[\x00-\x7f]*$/);
    expect(code).toContain('[\\u5104\\u4EBF\\u842C\\u4E07]');
    expect(code).toContain('/\\uFF1A/'); // the identity escape \： is the character itself
    expect(run(code)).toBe(run(source));
    // and the probes do tell the patterns apart (a wrong escape would show)
    expect(JSON.parse(run(source))[0][0]).toEqual([1, '億', null]);
    expect(JSON.parse(run(source))[5][7]).toEqual([0, '字字', { 名: '字' }]);
  });

  it('leaves strings and a tagged template (its raw text would change) alone, and counts what it left', async () => {
    const source = "const s = '引號'; const t = String.raw`原文\\n`; /我/.test(s + t) + t.length";
    const { code, left } = await asciiRegexpsAndComments(source);
    expect(left).toBe(4);
    expect(code).toBe("const s = '引號'; const t = String.raw`原文\\n`; /\\u6211/.test(s + t) + t.length");
    expect(run(code)).toBe(run(source));
  });

  it('the built CLI bundle is ASCII throughout (one byte per character in V8)', () => {
    const dir = join(ROOT, BUNDLE_DIR_NAME);
    const files = readdirSync(dir).filter((f) => f.endsWith('.mjs'));
    expect(files.length).toBeGreaterThan(3);
    const chinese = files.filter((f) => /[^\x00-\x7f]/.test(readFileSync(join(dir, f), 'utf8')));
    expect(chinese).toEqual([]);
  });
});
