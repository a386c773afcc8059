/**
 * A progress bar for long work (translate, check --project) on stderr, drawn only when stderr
 * is a terminal: piped, nothing is written. `progressLine` is the pure part (cli/progress.test.ts).
 */
import { clip } from './format';

/** `label [#########-----------]  9/20` fitted to `columns`. */
export function progressLine(label: string, done: number, total: number, columns = 80): string {
  const count = `${done}/${total}`;
  const barWidth = Math.max(10, Math.min(40, columns - count.length - 24));
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * barWidth) : 0;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const room = columns - 1 - bar.length - count.length - 2;
  return `${room > 3 ? clip(label, room) + ' ' : ''}${bar} ${count}`;
}

export interface Progress {
  /** Redraw the bar. */
  update(label: string, done: number, total: number): void;
  /** Remove the bar (before the result is printed). */
  end(): void;
  /** Whether the bar is drawn (stderr is a terminal). */
  readonly shown: boolean;
}

interface Stream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export function progressOn(stream: Stream = process.stderr): Progress {
  const shown = stream.isTTY === true;
  let drawn = false;
  let last = '';
  return {
    shown,
    update(label, done, total) {
      if (!shown) return;
      // a frame per whole percent (and the last): work reported in many small steps draws at most ~100 frames a stage
      const frame = `${label}\0${total > 0 ? Math.floor((Math.min(done, total) * 100) / total) : 0}\0${done === total}`;
      if (frame === last) return;
      last = frame;
      stream.write(`\r${progressLine(label, done, total, stream.columns || 80)}\x1b[K`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
      last = '';
    },
  };
}
