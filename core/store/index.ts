/**
 * The store: what handlers and domain code ask of the database, by what it means (not SQL),
 * implemented today over db/queries/* with better-sqlite3. It is the only way into
 * db/queries from core/ (the layering rule in eslint/layering.mjs holds that).
 *
 * One part per feature (./library.ts, ./segments.ts, ./history.ts, ./annotations.ts,
 * ./findings.ts, ./claims.ts, ./glossary.ts, ./parallel.ts, ./changes.ts, ./accounts.ts, ./bundle.ts, ./requests.ts), assembled here into one `Store`.
 * A part binds the database to its queries (`on(db, query)`); the `Store` type is read from
 * the parts, so adding a method is one line in its part (plus its query in db/queries).
 *
 * Synchronous now, asynchronous possible later: `Store<'sync'>` returns values, a future
 * engine (a server database) would implement `Store<'async'>`, whose methods return
 * promises of the same values. Handlers written against the sync store stay synchronous,
 * so better-sqlite3's speed on the hot paths (save, import) is kept; a handler that must run
 * on both awaits the store's results (`await` on a plain value costs one microtask). The
 * store is transaction-scoped: its writes happen only inside the engine's `tx`/`operation`
 * (core/operations/engine.ts), which opens the one IMMEDIATE transaction around them.
 */
import type { Db } from '../../db/connection';
import { libraryStore } from './library';
import { segmentStore } from './segments';
import { historyStore } from './history';
import { annotationStore } from './annotations';
import { findingStore } from './findings';
import { claimStore } from './claims';
import { glossaryStore } from './glossary';
import { parallelStore } from './parallel';
import { changeStore } from './changes';
import { accountStore } from './accounts';
import { bundleStore } from './bundle';
import { requestStore } from './requests';

export * from './library';
export * from './segments';
export * from './history';
export * from './findings';
export * from './claims';
export * from './glossary';
export * from './parallel';
export * from './changes';
export * from './accounts';
export * from './bundle';
export * from './requests';

export type StoreMode = 'sync' | 'async';
/** A store result: the value itself (sync) or a promise of it (async). */
export type Out<M extends StoreMode, T> = M extends 'sync' ? T : Promise<T>;

/** The parts, by feature; their method names never overlap (store.test.ts). */
export const STORE_PARTS = {
  library: libraryStore,
  segments: segmentStore,
  history: historyStore,
  annotations: annotationStore,
  findings: findingStore,
  claims: claimStore,
  glossary: glossaryStore,
  parallel: parallelStore,
  changes: changeStore,
  accounts: accountStore,
  bundle: bundleStore,
  requests: requestStore,
} as const;

type Parts = typeof STORE_PARTS;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every part's methods, as better-sqlite3 serves them. */
type SyncMethods = UnionToIntersection<{ [P in keyof Parts]: ReturnType<Parts[P]> }[keyof Parts]>;

export type Store<M extends StoreMode = 'sync'> = {
  readonly [K in keyof SyncMethods]: SyncMethods[K] extends (...args: infer A) => infer R ? (...args: A) => Out<M, R> : never;
};

/** The better-sqlite3 store (synchronous). */
export function sqliteStore(db: Db): Store<'sync'> {
  return Object.assign({}, ...Object.values(STORE_PARTS).map((part) => part(db))) as Store<'sync'>;
}
