/**
 * The CLI's English writes the straight apostrophe (Taiwan's), as the UI catalogs do
 * (renderer/src/i18n-catalogs.test.ts): every string the CLI prints comes from cli/, core/ or
 * shared/ (its own lines, the service's errors, the contract's messages, rule and licence texts),
 * so no source there may write ’ after a letter outside a comment. ’ stays where it is a character the
 * code handles (closing quotes, name punctuation: never after a letter).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP } from './help';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Lines of code (not comments) where ’ follows a letter: an English apostrophe. */
function curlyApostrophes(text: string): number[] {
  return text.split('\n').flatMap((line, i) => {
    const t = line.trimStart();
    const code = t.startsWith('*') || t.startsWith('/*') || t.startsWith('//') ? '' : line.replace(/\s\/\/ .*$/, '');
    return /[A-Za-z]’/.test(code) ? [i + 1] : [];
  });
}

describe("the CLI's English: one apostrophe", () => {
  it('finds an apostrophe after a letter in code, not in comments nor as a quote character', () => {
    expect(curlyApostrophes("const a = 'the press’s usage';\n// OpenCC’s suite\n * Taiwan’s\nconst q = '’';")).toEqual([1]);
    expect(curlyApostrophes('const closers = new Set([\'」\', \'’\']); // a writer’s quote')).toEqual([]);
  });

  it("no source in cli/, core/ or shared/ writes ’ for an apostrophe (Taiwan's, not Taiwan’s)", () => {
    const found = ['cli', 'core', 'shared'].flatMap((dir) =>
      sources(join(ROOT, dir)).flatMap((file) => curlyApostrophes(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}:${line}`)),
    );
    expect(found).toEqual([]);
  });

  it('the per-command help writes the straight apostrophe', () => {
    const text = JSON.stringify(COMMAND_HELP);
    expect(text).not.toContain('’');
    expect(text).toContain("'s ");
  });
});
