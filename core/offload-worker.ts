/**
 * Worker thread (core/offload.ts): answers the offloaded methods (shared/contract/offload.ts:
 * whole-document and project checks, exports) on its own connection to the database, through
 * the same dispatcher, role checks and handlers as the main thread. Its writes (a check's
 * findings) are short IMMEDIATE transactions like any other connection's; the change log
 * names the original caller, so feeds leave a window's own changes out as before.
 * workerData: OffloadWorkerData. Posts OffloadMessage: 'ready' (or 'failed'), then one
 * 'reply' per request, in the order they finish.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { envelope } from '../shared/contract/dispatch';
import type { OffloadMessage, OffloadRequest, OffloadWorkerData } from '../shared/contract/offload';
import { openService } from './context';
import { prepareChecks } from '../shared/checks';
import type { JiaoduiService } from './service';

const data = workerData as OffloadWorkerData;
const encoder = new TextEncoder();

/**
 * Background work yields the processor to the requests: on Linux this thread's nice value is
 * raised (setpriority on its thread id applies to that thread alone), so on a busy machine the
 * main thread's saves are scheduled before a check's or an export's compute. Elsewhere, or
 * where it fails, nothing changes.
 */
export const WORKER_NICE = 10;
function yieldToRequests(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && getPriority(tid) < WORKER_NICE) setPriority(tid, WORKER_NICE);
  } catch {
    /* not Linux, or not allowed: the default priority */
  }
}
yieldToRequests();
const port = parentPort!;
const post = (m: OffloadMessage) => port.postMessage(m);

function serve(service: JiaoduiService): void {
  port.on('message', (req: OffloadRequest | 'close') => {
    if (req === 'close') {
      service.db.close();
      port.close();
      return;
    }
    void envelope(service, req.method, req.args, { caller: req.caller, checkResults: req.checkResults }).then((env) => {
      // a fresh buffer of its own (not Buffer's shared pool), handed over without a copy
      const json = encoder.encode(JSON.stringify(env));
      const reply: OffloadMessage = { type: 'reply', id: req.id, ok: env.ok, errorCode: env.ok ? null : env.error.code, json };
      port.postMessage(reply, [json.buffer]);
    });
  });
}

// (no top-level await: Electron's build of this worker is CommonJS)
// the main thread's registration covers this process (core/db-users-registry.ts): the worker adds none
openService(data.dbPath, { kind: 'serve', register: false, nativeBinding: data.nativeBinding, busyTimeoutMs: data.busyTimeoutMs }).then(
  (service) => {
    prepareChecks(); // the checks' dictionaries, before the first request rather than inside it
    serve(service);
    post({ type: 'ready' });
  },
  (e: unknown) => {
    post({ type: 'failed', message: (e as Error).message });
    port.close();
  },
);
