/**
 * Calls answered off the request path (issue 19): a server thread must keep answering saves
 * while a whole-document or project check or an export computes for a second or more, so
 * these methods run in worker threads (core/offload.ts), each on its own connection to the
 * same database, through the same dispatcher. Pure message types: no node:* here.
 */
import type { CallerContext } from './caller';
import type { MethodName } from './api';

/** The methods a server sends to a worker, and which worker (lane): checks and exports do not wait for each other. */
export const OFFLOADED_METHODS = {
  runChecks: 'checks',
  checkProject: 'checks',
  // a project's house style changed: the regional rules re-run on every checked document of the project
  updateProjectSettings: 'checks',
  exportDocument: 'export',
  // a project as a bundle (`jiaodui pull`): seconds of reading and hashing for a large project
  exportProjectBundle: 'export',
} as const satisfies Partial<Record<MethodName, string>>;

export type OffloadedMethod = keyof typeof OFFLOADED_METHODS;
export type OffloadLane = (typeof OFFLOADED_METHODS)[OffloadedMethod];

export function isOffloaded(method: string): method is OffloadedMethod {
  return Object.prototype.hasOwnProperty.call(OFFLOADED_METHODS, method);
}

/** What a worker is started with (workerData). */
export interface OffloadWorkerData {
  dbPath: string;
  /** Electron's build of better-sqlite3 */
  nativeBinding?: string;
  busyTimeoutMs?: number;
}

/** Main thread → worker: one call. `args` as received (the worker's dispatcher validates them). */
export interface OffloadRequest {
  id: number;
  method: OffloadedMethod;
  args: unknown;
  caller: CallerContext;
  checkResults?: boolean;
}

/**
 * Worker → main thread. `reply`: the call's envelope (`{ok, value}` or `{ok: false, error}`) as
 * JSON in UTF-8 (its buffer transferred, not copied), so the main thread sends it without
 * parsing, serialising or encoding a large result; `errorCode` for the HTTP status. `ready`:
 * the database is open; `failed`: it could not be.
 */
export type OffloadMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; ok: boolean; errorCode: string | null; json: Uint8Array };
