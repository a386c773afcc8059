/** Argument helpers shared by the CLI commands: usage errors exit 2 with one line. */
import { JiaoduiError } from '../shared/errors';

export class UsageError extends JiaoduiError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

export function parseId(s: string | undefined, what: string): number {
  if (s === undefined) throw new UsageError(`Missing ${what}. Run 'jiaodui --help'.`);
  if (!/^\d+$/.test(s) || Number(s) <= 0) throw new UsageError(`${what} must be a positive integer, got "${s}".`);
  return Number(s);
}
