/**
 * Worker thread: build the CC-CEDICT gloss cache file (core/gloss-cache.ts), so the
 * parse's memory lives and dies with this thread instead of staying in the main process.
 * workerData: { path, nativeBinding?, done: Int32Array over a SharedArrayBuffer }.
 * Sets done[0] to 1 (built) or 2 (failed) and wakes a main thread blocked in Atomics.wait.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildGlossCacheFile } from './gloss-cache';

const { path, nativeBinding, done } = workerData as { path: string; nativeBinding?: string; done: Int32Array };
let message: string | null = null;
try {
  buildGlossCacheFile(path, nativeBinding);
} catch (e) {
  message = (e as Error).message;
}
Atomics.store(done, 0, message === null ? 1 : 2);
Atomics.notify(done, 0);
parentPort?.postMessage({ ok: message === null, message });
