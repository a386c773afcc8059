/**
 * Makes the prebuilt CLI bundle's JavaScript one byte per character where esbuild leaves other
 * characters: its `charset: 'ascii'` (the default) escapes strings, templates and names, but
 * prints regular expression literals and comments as written (/[億亿萬万]/, // 、。「」).
 *
 * Why: V8 keeps every script's source for lazy compilation as long as its functions live, and a
 * source with one character above U+00FF is stored two bytes per character. The bundle's big
 * chunk (opencc-js's dictionaries, the checks' tables: ~4.5 M characters, ~4,800 of them
 * Chinese in regular expressions and comments) was then 9.1 MB of heap in the server and again
 * in each worker thread that loads it; one-byte it is 4.5 MB.
 *
 * How: acorn's tokenizer (a devDependency; also ESLint's parser's) finds
 * the regular expression literals and the comments; in them every UTF-16 code unit above
 * U+007F becomes \uXXXX — in a pattern that is the same character, in and out of classes,
 * with or without the u flag (a lead and trail surrogate escaped as a pair are one code point
 * under u) —, and an identity escape \X of such a character becomes \uXXXX. Characters anywhere
 * else (a tagged template's raw text) are left and counted.
 */

/** `code` with regular expressions and comments in ASCII; `left`: non-ASCII code units elsewhere. */
export async function asciiRegexpsAndComments(code) {
  const acorn = await import('acorn');
  const ranges = [];
  const onComment = (_block, _text, start, end) => ranges.push([start, end]);
  for (const token of acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module', onComment, allowHashBang: true })) {
    if (token.type.label === 'regexp') ranges.push([token.start, token.end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  let left = 0;
  let r = 0;
  const hex = (u) => `\\u${u.toString(16).toUpperCase().padStart(4, '0')}`;
  for (let i = 0; i < code.length; i++) {
    const u = code.charCodeAt(i);
    if (u < 0x80) continue;
    while (r < ranges.length && ranges[r][1] <= i) r++;
    if (r >= ranges.length || ranges[r][0] > i) {
      left++;
      continue;
    }
    // an identity escape (\X, an odd run of backslashes before X) stands for X itself
    let slashes = 0;
    while (i - 1 - slashes >= ranges[r][0] && code.charCodeAt(i - 1 - slashes) === 0x5c) slashes++;
    const cut = slashes % 2 === 1 ? i - 1 : i;
    out += code.slice(from, cut) + hex(u);
    from = i + 1;
  }
  return { code: out + code.slice(from), left };
}

/**
 * Rewrites every .mjs file of `dir` that has non-ASCII characters; returns those still left per
 * file (none expected), or null without acorn (the files stay as esbuild wrote them: correct,
 * only held two bytes per character).
 */
export async function asciiBundleFiles(dir) {
  try {
    await import('acorn');
  } catch {
    return null;
  }
  const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const left = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mjs'))) {
    const file = join(dir, name);
    const code = readFileSync(file, 'utf8');
    if (!/[^\x00-\x7f]/.test(code)) continue;
    const r = await asciiRegexpsAndComments(code);
    writeFileSync(file, r.code);
    if (r.left) left[name] = r.left;
  }
  return left;
}
