/**
 * Run a synchronous job with a hard time limit. A regular expression that backtracks
 * catastrophically cannot be interrupted from JavaScript, but V8 can terminate it: Node's
 * `vm` watchdog does exactly that for code run through `runInContext({ timeout })`, and
 * it also covers host functions called from there. The job touches no database, so
 * terminating it leaves nothing half done.
 */
import vm from 'node:vm';
import { JiaoduiError } from '../shared/errors';
import type { KeyedMessage } from '../shared/error-messages';

const context = vm.createContext(Object.create(null) as object);
const script = new vm.Script('job()');

export function withTimeBudget<T>(ms: number, job: () => T, timeoutMessage: KeyedMessage): T {
  const ctx = context as { job?: () => T };
  ctx.job = job;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.round(ms)) }) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new JiaoduiError('invalid-input', timeoutMessage);
    throw e;
  } finally {
    delete ctx.job;
  }
}
