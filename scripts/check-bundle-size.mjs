#!/usr/bin/env node
/**
 * The renderer's size target: the JavaScript the first screen loads (the entry chunk of
 * dist/renderer/index.html and the chunks it preloads, minified) must stay within
 * INITIAL_JS_LIMIT_KB. Panels and dialogs load later as chunks of their own (renderer/src/lazy.tsx).
 * Run after `npm run build:renderer`:  node scripts/check-bundle-size.mjs [--limit KB] [--dir path]
 * Exit 0 within the target, 1 over it, 2 when there is no build to measure.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * 450 until issue 19's team connections put the backend root on every first screen (452 then, at
 * 451 KB); 447 since the glossary's and the export dialog's strings load with their chunks
 * (i18n-glossary.ts, i18n-export.ts): 445.7 KB measured when it was set; 448 since a failed status
 * change is kept and retried when a team server comes back (state/status-queue.ts and its save path
 * in useReview.ts are on the editing screen): 447.7 KB measured then; 451 since a save's approval is
 * kept with it, conflicts met together wait their turn (state/conflict.ts, useConflict.ts) and the
 * window holds kept claim writes (state/claim-store.ts; their logic loads with the claims chunk):
 * 450.5 KB measured then; 452 since a status change waiting for the team server is marked on its
 * row (SegmentRow.tsx's mark, the observed queue in state/status-queue.ts, two strings): 451.9 KB
 * measured then (main 450.9 KB); 453 since each project in the library has a settings button (the
 * house style for standard forms: ProjectGroup.tsx's button, the dialog's lazy entry, the contract's two
 * methods and their roles, one string; the dialog, its strings and its state load with its chunk):
 * 452.8 KB measured then (main 451.9 KB); 458 since claims made, rejected and deleted while a team
 * server is away are kept and restored at start (state/claim-queue.ts, imported by kept-writes.ts: 1.5 KB)
 * and the library shows a team server's last-seen copy (state/library-snapshot.ts: 1.0 KB, useLibrary's
 * stale state, the other sections' feeds, their strings): 457.5 KB measured then (main 452.8 KB); 459
 * since errors carry their message as a key and parameters (shared/error-messages.ts; the Chinese
 * templates and their wording load as a chunk of their own, i18n-errors-zh.ts — on the first screen:
 * its loader, the clients' message data, the Electron bridge's revival of JiaoduiErrors): 458.5 KB
 * measured then (main 457.5 KB); 460 since an open correction is never dropped (the editor holds back
 * another row's editor and another document, is kept over a reload, and the status bar says it is not saved:
 * state/open-edit.ts, save-line.ts, the kept open edit), an undo with nothing to undo is a notice
 * (state/undo-steps.ts) and dialogs give the keyboard back (Modal): 459.9 KB measured then (main 458.4 KB;
 * the revision reasons' wording, which brings the rule titles, is imported by the lazy History panel and
 * change log only). 458.4 KB since a document's details form (components/DocumentForm.tsx) loads with its
 * Details button and an empty project can be deleted (ProjectGroup.tsx's button, its strings). 460.0 KB
 * since a side panel lays the library aside on a narrow window (state/library-room.ts; the unused
 * has-sidebar class went): at the limit.
 */
export const INITIAL_JS_LIMIT_KB = 460;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The scripts index.html loads at start: its module script(s) and modulepreload links, relative to the build folder. */
export function initialScripts(html) {
  const out = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) out.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) out.add(m[1]);
  return [...out];
}

/** Sizes (bytes) of the initial scripts of the build in `dir`. */
export function measureInitialJs(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = initialScripts(html).map((src) => ({ src, bytes: statSync(resolve(dir, src)).size }));
  return { files, total: files.reduce((n, f) => n + f.bytes, 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const dir = resolve(arg('--dir') ?? join(ROOT, 'dist', 'renderer'));
  const limitKb = Number(arg('--limit') ?? INITIAL_JS_LIMIT_KB);
  if (!existsSync(join(dir, 'index.html'))) {
    process.stderr.write(`check-bundle-size: ${join(dir, 'index.html')} is missing; run npm run build:renderer first.\n`);
    process.exit(2);
  }
  const { files, total } = measureInitialJs(dir);
  const kb = (b) => (b / 1024).toFixed(1);
  for (const f of files) process.stdout.write(`  ${f.src}  ${kb(f.bytes)} KB\n`);
  const ok = total <= limitKb * 1024;
  process.stdout.write(`Initial JS ${kb(total)} KB minified (target ≤ ${limitKb} KB): ${ok ? 'ok' : 'OVER'}\n`);
  process.exit(ok ? 0 : 1);
}
