import type { JiaoduiService } from '../core/service';
import { JiaoduiError } from '../shared/errors';

/** Browser mode: filled in by the app issue (HTTP bridge + renderer). */
export async function runServe(_service: JiaoduiService, _port?: string): Promise<number> {
  throw new JiaoduiError('invalid-input', 'serve is not available yet.');
}
