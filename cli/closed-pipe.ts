/**
 * A reader that stops early (`jiaodui export 1 | head -1`, a pager quit) closes the pipe, and
 * Node reports it as an 'error' event (EPIPE) on stdout, which, with no listener, ends the
 * process with a stack trace. A closed stdout or stderr is no failure of the command: what it
 * did (committed before it prints) stands, its exit code is its own, and what it would still
 * print goes nowhere. Any other error of the stream is thrown as before.
 */
export function ignoreClosedPipe(stream: NodeJS.EventEmitter): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // after EPIPE the stream is destroyed: a later write reports ERR_STREAM_DESTROYED
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    throw e;
  });
}
