/**
 * Error messages as data (shared/error-messages.ts): the English text and its key come from one
 * template; every key a source file names is declared; and the check that holds the conversion:
 * a user-facing throw (every code but 'internal', 'invalid-input' included) gives its message as
 * `em(key, params)` (or a helper returning one), never a bare string, and so does an error
 * envelope a transport answers with itself (`error: { code, message }`) — the exceptions are
 * listed here by file and code, each with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogWords, em, errPart, ERROR_MESSAGES_EN, formatErrorMessage, isErrorMessageRef, wordErrorMessage, type ErrorMessageKey, type ErrorMessageRef } from './error-messages';
import { JiaoduiError, namingFile } from './errors';

const ROOT = join(import.meta.dirname, '..');
const SOURCE_DIRS = ['core', 'shared', 'db', 'electron', 'cli'];

function sources(): { file: string; text: string }[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => `${dir}/${f.split('\\').join('/')}`)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('/testing/') && !f.endsWith('test-helpers.ts'))
      .map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') })),
  );
}

/** The argument text of each `new JiaoduiError(…)` call (parentheses balanced, strings skipped roughly). */
function throwSites(text: string): { args: string; line: number }[] {
  const out: { args: string; line: number }[] = [];
  for (const m of text.matchAll(/new JiaoduiError\(/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    let quote: string | null = null;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    out.push({ args: text.slice(m.index + m[0].length, i - 1), line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

/**
 * Codes whose throws may give a bare string: 'internal' only — a fault of Jiaodui's, not the
 * user's to act on; every transport words it with the one generic key `internal`
 * (shared/contract/dispatch.ts toErrorPayload), its English detail in `message`.
 */
const UNKEYED_CODES = new Set(['internal']);
/** Files whose every throw, of any code but 'internal' (a bug, not the user's to act on), is keyed (the app's import, claims, find/replace, glossary, split/merge and annotation refusals). */
const KEYED_FILES = new Set([
  'shared/text/find.ts',
  'shared/import/prepare.ts',
  'core/claims.ts',
  'core/replace.ts',
  'core/glossary.ts',
  'core/annotations.ts',
  'core/project-settings.ts',
  'core/features/segments.ts',
]);
/**
 * Throws of a keyed code still worded only in English, by `file code` and how many: the command
 * line's own refusals (its flags, usage lines and `jiaodui recover`), which only the CLI shows
 * and which it prints in English like the rest of its output. (The scan sees literal messages
 * only: a message held in a variable or built by a conditional counts as keyed — README
 * "Error messages in the UI language" lists those left in English.)
 */
const KNOWN_UNKEYED: Record<string, number> = {
  'cli/main.ts not-found': 1,
  'cli/recover.ts conflict': 1,
  'cli/backup.ts invalid-input': 1, // Missing FILE: jiaodui backup FILE
  'cli/serve.ts invalid-input': 5, // serve's flags: --tls-cert/--tls-key, --port, --listen; the UI not built
  'cli/users.ts invalid-input': 1, // jiaodui users … with its usage line
};
describe('error message catalog', () => {
  it('em() gives the English text of the template and the key with its parameters', () => {
    const m = em('not-found.document', { id: 7 });
    expect(m).toEqual({ message: 'There is no document 7.', messageData: { key: 'not-found.document', params: { id: 7 } } });
    const e = new JiaoduiError('not-found', m);
    expect(e.message).toBe('There is no document 7.');
    expect(e.messageData).toEqual(m.messageData);
    expect(new JiaoduiError('internal', 'plain').messageData).toBeUndefined();
  });

  it('nested parts are worded in the same catalog and joined; an English override keeps the data', () => {
    const ref: ErrorMessageRef = { key: 'import.bom-invalid', params: { encoding: 'UTF-8', offset: 3, hint: [errPart('import.hint.damaged')] } };
    expect(formatErrorMessage(ref)).toBe(
      'The file starts with a UTF-8 byte-order mark but is not valid UTF-8: the first invalid byte sequence is at byte offset 3. The file may be damaged; re-save it as UTF-8 and import it again.',
    );
    expect(wordErrorMessage(ref, { 'import.bom-invalid': '{encoding}/{hint}', 'import.hint.damaged': 'D' }, '')).toBe('UTF-8/D');
    expect(catalogWords(ref, { 'import.bom-invalid': 'x' })).toBe(false);
    expect(em('db.busy', {}, 'Longer English.')).toEqual({ message: 'Longer English.', messageData: { key: 'db.busy', params: {} } });
  });

  it('namingFile keeps the message data and names the file in details', () => {
    let thrown: JiaoduiError | null = null;
    try {
      namingFile('a.txt', () => {
        throw new JiaoduiError('import-rejected', em('import.empty'));
      });
    } catch (e) {
      thrown = e as JiaoduiError;
    }
    expect(thrown?.message).toBe('a.txt: The file is empty (0 bytes). Choose a file that contains the text to review.');
    expect(thrown?.messageData).toEqual({ key: 'import.empty', params: {} });
    expect(thrown?.details).toEqual({ fileName: 'a.txt' });
  });

  it('isErrorMessageRef accepts the wire shape only', () => {
    expect(isErrorMessageRef({ key: 'x', params: { a: 1, b: 'c', n: [{ key: 'y', params: {} }] } })).toBe(true);
    for (const bad of [null, 'x', { key: 1, params: {} }, { key: 'x' }, { key: 'x', params: [] }, { key: 'x', params: { a: { b: 1 } } }, { key: 'x', params: { a: [1] } }]) {
      expect(isErrorMessageRef(bad)).toBe(false);
    }
  });

  it('every key a source file names is declared (a literal key, or the prefix of a key built from parts)', () => {
    const undeclared: string[] = [];
    for (const { file, text } of sources()) {
      for (const m of text.matchAll(/\b(?:em|errPart)\(\s*(['`])([^'`$]*)(\$\{)?/g)) {
        const [, , key, built] = m;
        const ok = built ? Object.keys(ERROR_MESSAGES_EN).some((k) => k.startsWith(key)) : key in ERROR_MESSAGES_EN;
        if (!ok) undeclared.push(`${file}: ${key}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('every declared key is used somewhere (no dead templates to translate)', () => {
    // the catalog itself left out (every key is written there)
    const all = sources().filter((s) => s.file !== 'shared/error-messages.ts').map((s) => s.text).join('\n');
    const unused = (Object.keys(ERROR_MESSAGES_EN) as ErrorMessageKey[]).filter((k) => {
      if (all.includes(`'${k}'`)) return false;
      // built keys: `role.${…}`, `field.${…}`, `record.${…}`, `undo|redo.stale…`, `edit-conflict.record…`, `import.implausible.…`, `path.${code}`, `align.op.${op}`
      return !/^(role|field|record|file-kind|path|align\.op)\.|^(undo|redo)\.stale|^edit-conflict\.record|^import\.implausible\./.test(k);
    });
    expect(unused).toEqual([]);
  });
});

describe('user-facing throws are keyed', () => {
  const literal = /^\s*['"`]/;
  const sites = sources().flatMap(({ file, text }) =>
    throwSites(text).map((s) => {
      const code = /^\s*'([a-z-]+)'\s*,/.exec(s.args)?.[1] ?? null;
      const message = code === null ? '' : s.args.slice(s.args.indexOf(',') + 1);
      const keyed = !literal.test(message) || /\b(em|errPart)\(/.test(message);
      return { file, line: s.line, code, keyed };
    }),
  );

  it('finds the throw sites (the scan works)', () => {
    expect(sites.length).toBeGreaterThan(150);
    expect(sites.filter((s) => s.keyed && s.code !== null).length).toBeGreaterThan(100);
  });

  it('every throw of a code a reviewer meets, and every throw in the keyed files, gives em(key, params)', () => {
    const counts: Record<string, number> = {};
    const bare: string[] = [];
    for (const s of sites) {
      if (s.keyed || s.code === null) continue;
      if (KEYED_FILES.has(s.file) && s.code !== 'internal') bare.push(`${s.file}:${s.line} ${s.code}`);
      else if (!UNKEYED_CODES.has(s.code)) counts[`${s.file} ${s.code}`] = (counts[`${s.file} ${s.code}`] ?? 0) + 1;
    }
    expect(bare).toEqual([]);
    expect(counts).toEqual(KNOWN_UNKEYED);
  });

  it('every error envelope a transport answers with itself gives keyedError(code, em(…)), not a bare message', () => {
    const bare = sources().flatMap(({ file, text }) =>
      [...text.matchAll(/error: \{ code: '([a-z-]+)', message: ['"`]/g)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length} ${m[1]}`),
    );
    expect(bare).toEqual([]);
  });

  /**
   * Nor a message held in a variable: an error object written out (`{ code, message }`, `{ ok: false,
   * code, message }` — an envelope's error, the team feed's status) carries messageData beside it,
   * unless it is 'internal' or the command line's (English) or adds it on the next line.
   */
  it('every error object written out (code and message) carries its message data', () => {
    const ADDS_IT_BELOW = new Set(['shared/contract/client.ts']); // toBridged: messageData set when there is some
    const bare = sources()
      .filter(({ file }) => !file.startsWith('cli/') && !ADDS_IT_BELOW.has(file))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/\{ (?:ok: false, )?code(?:: ([^,{}]+))?, message\b[^{}]*\}/g)]
          .filter((m) => !m[0].includes('messageData') && !m[0].includes('z.string()') && m[1] !== "'internal'")
          .map((m) => `${file}:${text.slice(0, m.index).split('\n').length} ${m[0]}`),
      );
    expect(bare).toEqual([]);
  });
});
