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
import { envelope } from '../shared/contract/dispatch';
import type { OffloadMessage, OffloadRequest, OffloadWorkerData } from '../shared/contract/offload';
import { openService } from './context';
import { prepareChecks } from '../shared/checks';
import type { JiaoduiService } from './service';

const data = workerData as OffloadWorkerData;
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
      post({ type: 'reply', id: req.id, ok: env.ok, errorCode: env.ok ? null : env.error.code, json: JSON.stringify(env) });
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
