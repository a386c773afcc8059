/** Tests' reading of a refusal: the JiaoduiError `fn` throws (any other error is rethrown; none is a failure). */
import { JiaoduiError } from './errors';

export function thrownJiaoduiError(fn: () => unknown): JiaoduiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof JiaoduiError) return e;
    throw e;
  }
  throw new Error('did not throw');
}
