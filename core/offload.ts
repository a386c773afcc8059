/**
 * Whole-document and project checks and exports off the request path (issue 19): a server's
 * thread answers every request, so a check of a 1 MB document (a second or more of CPU) or a
 * Word export would hold every reviewer's save up that long. `Offload` runs the methods of
 * shared/contract/offload.ts in worker threads (core/offload-worker.ts), one per lane (checks,
 * exports: neither waits for the other), each with its own connection to the database. The
 * API is unchanged: the same dispatcher validates, authorises and calls the same handler
 * there, and the answer comes back as the envelope's JSON in UTF-8, which the HTTP bridge sends
 * as it is (a large findings report is neither parsed nor serialised on the main thread).
 * Check results are written by the worker in a short transaction (core/checks.ts); saves on
 * the main thread meet at most that write's lock.
 *
 * A worker starts at its lane's first call (its start-up, ~0.5 s, is that call's) and stays,
 * keeping the checks' caches warm; one that dies answers its pending calls with an internal
 * error and is started again at the next call. `afterCall` runs after every answer (the server
 * lets its change feed look for the worker's commit at once instead of at its next poll).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { workerSource } from './worker-source';
import type { CallerContext } from '../shared/contract/caller';
import { OFFLOADED_METHODS, type OffloadLane, type OffloadMessage, type OffloadRequest, type OffloadWorkerData, type OffloadedMethod } from '../shared/contract/offload';

export { isOffloaded } from '../shared/contract/offload';

const here = dirname(fileURLToPath(import.meta.url));

/** An offloaded call's answer: the envelope as JSON (UTF-8), and its error code for the HTTP status. */
export interface OffloadAnswer {
  ok: boolean;
  errorCode: string | null;
  json: Buffer;
}

export interface OffloadOptions extends OffloadWorkerData {
  /** the built core/offload-worker (Electron's bundle); default: found beside this module, else the .ts through tsx */
  workerFile?: string;
  afterCall?: () => void;
}

interface Lane {
  worker: Worker;
  pending: Map<number, (a: OffloadAnswer) => void>;
}

const internal = (message: string): OffloadAnswer => ({ ok: false, errorCode: 'internal', json: Buffer.from(JSON.stringify({ ok: false, error: { code: 'internal', message } })) });

export class Offload {
  private readonly lanes = new Map<OffloadLane, Lane>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: OffloadOptions) {}

  /** Run `method` in its lane's worker; never rejects (a failure is an error envelope). */
  call(method: OffloadedMethod, args: unknown, caller: CallerContext, checkResults?: boolean): Promise<OffloadAnswer> {
    if (this.closed) return Promise.resolve(internal('The server is shutting down.'));
    const lane = this.lane(OFFLOADED_METHODS[method]);
    const id = this.nextId++;
    return new Promise<OffloadAnswer>((resolve) => {
      lane.pending.set(id, resolve);
      lane.worker.ref(); // a pending call keeps the process alive
      const req: OffloadRequest = { id, method, args, caller: { ...caller }, ...(checkResults ? { checkResults } : {}) };
      try {
        lane.worker.postMessage(req);
      } catch (e) {
        lane.pending.delete(id);
        resolve(internal(`The call could not be handed to the worker: ${(e as Error).message}`));
      }
    }).finally(() => this.opts.afterCall?.());
  }

  /** Workers running now (tests). */
  get running(): number {
    return this.lanes.size;
  }

  private lane(name: OffloadLane): Lane {
    const existing = this.lanes.get(name);
    if (existing) return existing;
    const source = workerSource('offload-worker', here, { configured: this.opts.workerFile, bundledGlobal: '__jiaoduiOffloadWorker' });
    const data: OffloadWorkerData = { dbPath: this.opts.dbPath, nativeBinding: this.opts.nativeBinding, busyTimeoutMs: this.opts.busyTimeoutMs };
    const worker = new Worker(source.code, { eval: source.eval, workerData: data, execArgv: [] });
    const lane: Lane = { worker, pending: new Map() };
    let failure = '';
    worker.on('message', (m: OffloadMessage) => {
      if (m.type === 'failed') failure = m.message;
      if (m.type !== 'reply') return;
      const done = lane.pending.get(m.id);
      lane.pending.delete(m.id);
      if (!lane.pending.size) worker.unref();
      done?.({ ok: m.ok, errorCode: m.errorCode, json: Buffer.from(m.json.buffer, m.json.byteOffset, m.json.byteLength) });
    });
    worker.on('error', (e) => (failure ||= e.message));
    worker.on('exit', (code) => {
      if (this.lanes.get(name) === lane) this.lanes.delete(name);
      for (const done of lane.pending.values()) done(internal(`The ${name} worker stopped (exit ${code})${failure ? `: ${failure}` : ''}.`));
      lane.pending.clear();
    });
    // a worker waiting for work does not keep the process alive
    worker.unref();
    this.lanes.set(name, lane);
    return lane;
  }

  /**
   * Stop every worker: each closes its connection, or is terminated after `graceMs` (a check
   * in the middle of its compute; an open transaction is rolled back by SQLite). Pending calls
   * get an internal error.
   */
  async close(graceMs = 2000): Promise<void> {
    this.closed = true;
    const lanes = [...this.lanes.values()];
    this.lanes.clear();
    await Promise.all(
      lanes.map(
        (l) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => void l.worker.terminate(), graceMs);
            l.worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            l.worker.postMessage('close');
          }),
      ),
    );
  }
}
