/**
 * The layering, as an ESLint rule (`layering/imports`), so it is enforced by `npm run lint`
 * rather than remembered (docs/ARCHITECTURE.md, "Layers"):
 *   - better-sqlite3 only in db/ (all SQL lives there);
 *   - db/queries/* only in db/ and in the store that implements it (core/store/): handlers and
 *     domain code ask the store by what they mean (docs/ARCHITECTURE.md, "The store");
 *   - electron only in electron/;
 *   - shared/ runs in Node and in the browser: no node:* and no bare Node builtins;
 *   - the renderer shows what the service computed: from shared/ it takes the contract, the
 *     schema types (type-only: the schemas are zod, which stays out of the bundle) and the
 *     presentation helpers listed below; nothing from core/, db/, cli/, electron/ or Node.
 * Imports are resolved against the importing file, so `../../shared/x` and `../../../shared/x`
 * name the same module. The config applies this rule to source files only: tests, bench,
 * e2e, eval and build scripts may reach across.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules);

/** shared/ modules the renderer may import values from (no zod, no domain tables: renderer/bundle.test.ts). */
export const RENDERER_SHARED_VALUES = [
  'shared/contract/', // the API, its client and transport names
  'shared/commands', // the command list (palette, shortcuts, menu)
  'shared/finding-messages', // finding texts
  'shared/error-messages', // error messages as key and parameters (the Chinese templates: renderer/src/i18n-errors.ts)
  'shared/finding-families', // per-place finding families (panel cards, CLI table)
  'shared/operation-labels', // history labels
  'shared/wording/', // rule titles, operation labels and finding messages in both UI languages (the change report shares them)
  'shared/licences', // the About dialog
  'shared/urls',
  'shared/text/diff', // character diff for display
  'shared/text/offsetMap',
  'shared/text/segment', // the sentence-boundary rule (splitSentences)
  'shared/align/word-diff',
  'shared/glossary/types',
  'shared/claims/types',
  'shared/claims/dates', // readable claim dates (3月28日（年份不詳）)
  'shared/domain/values',
  'shared/export/formats', // the export formats and their file extensions
  'shared/mt/key-binding',
];
/** shared/ modules the renderer may import types from only (`import type`): the schemas. */
export const RENDERER_SHARED_TYPES = [/^shared\/(.+\/)?schemas$/, /^shared\/domain\/review$/];

const posix = (p) => p.split(sep).join('/');
const strip = (p) => p.replace(/\.(ts|tsx|mts|js|mjs)$/, '').replace(/\/index$/, '');
const layerOf = (rel) => rel.split('/')[0];
/** The one place outside db/ that may import db/queries/*: the store's implementation. */
export const STORE_IMPLEMENTATION = 'core/store/';

/** What an import names: a Node builtin, a package, or a repository file (path relative to the root, no extension). */
export function classify(fromFile, spec) {
  if (spec.startsWith('node:') || BUILTINS.has(spec)) return { kind: 'builtin', name: spec };
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const rel = posix(relative(ROOT, resolve(dirname(fromFile), spec)));
    return { kind: 'file', rel: strip(rel) };
  }
  const parts = spec.split('/');
  return { kind: 'package', name: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

const matches = (rel, entry) => (typeof entry === 'string' ? (entry.endsWith('/') ? rel.startsWith(entry) : rel === entry) : entry.test(rel));

/** The reason an import breaks the layering, or null. `fromRel`: the importing file, relative to the root. */
export function violation(fromRel, target, typeOnly) {
  const layer = layerOf(fromRel);
  if (target.kind === 'package' && target.name === 'better-sqlite3' && layer !== 'db') return 'better-sqlite3 is imported only in db/ (all SQL lives there)';
  if (target.kind === 'package' && target.name === 'electron' && layer !== 'electron') return 'electron is imported only in electron/';
  if (target.kind === 'file' && target.rel.startsWith('db/queries/') && layer !== 'db' && !fromRel.startsWith(STORE_IMPLEMENTATION)) {
    return `db/queries is used only through the store (${STORE_IMPLEMENTATION}): ask the store, not ${target.rel}`;
  }
  if (layer === 'shared' && target.kind === 'builtin') return `shared/ runs in the browser too: no Node builtin (${target.name})`;
  if (layer !== 'renderer') return null;
  if (target.kind === 'builtin') return `the renderer runs in the browser: no Node builtin (${target.name})`;
  if (target.kind !== 'file') return null;
  const tl = layerOf(target.rel);
  if (tl === 'renderer') return null;
  if (tl !== 'shared') return `the renderer reaches the service only through shared/contract, not ${target.rel}`;
  if (RENDERER_SHARED_VALUES.some((e) => matches(target.rel, e))) return null;
  if (RENDERER_SHARED_TYPES.some((e) => matches(target.rel, e))) return typeOnly ? null : `the renderer imports only types from ${target.rel} (import type): its values are zod schemas`;
  return `the renderer may import from shared/ only the contract, schema types and the presentation helpers listed in eslint/layering.mjs, not ${target.rel}`;
}

/** @type {import('eslint').Rule.RuleModule} */
const importsRule = {
  meta: { type: 'problem', docs: { description: 'imports follow the layering (eslint/layering.mjs)' }, schema: [] },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const fromRel = posix(relative(ROOT, file));
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== 'string') return;
      const why = violation(fromRel, classify(file, source.value), typeOnly);
      if (why) context.report({ node, message: `${why}.` });
    };
    const allTypes = (node) => node.importKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source, allTypes(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0], false);
      },
    };
  },
};

export default { meta: { name: 'jiaodui-layering' }, rules: { imports: importsRule } };

