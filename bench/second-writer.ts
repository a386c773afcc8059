/**
 * Bench helper process: a second writer on the database (another window, `jiaodui serve`,
 * a command): every 50 ms it saves one correction of the document argv[3] through the
 * service, as that writer would. Prints "ready" once open; on SIGTERM prints one line of
 * JSON — commits, busy errors, its own save times — closes the database and exits.
 *
 * argv: <dbPath> <documentId> [periodMs=50]
 */
import { openService } from '../core/context';
import { isJiaoduiError } from '../shared/errors';

const [dbPath, docArg, periodArg = '50'] = process.argv.slice(2);
const service = await openService(dbPath, { kind: 'cli', command: 'bench second writer' });
const segments = service.getSegments({ documentId: Number(docArg) }).filter((s) => !s.furniture && s.text.length > 10);
let i = 0;
let commits = 0;
let busy = 0;
const times: number[] = [];
const timer = setInterval(() => {
  const s = segments[i++ % segments.length];
  // A real change every time (see the save series in bench/run.ts).
  s.text = s.text.endsWith('。。') ? s.text.slice(0, -1) : s.text + '。';
  const t = performance.now();
  try {
    service.editSegment({ segmentId: s.id, text: s.text });
    commits++;
  } catch (e) {
    if (!(isJiaoduiError(e) && e.code === 'db-busy')) throw e;
    busy++;
  }
  times.push(performance.now() - t);
}, Number(periodArg));
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  clearInterval(timer);
  service.db.close();
  process.stdout.write(JSON.stringify({ commits, busy, times }) + '\n');
  process.exit(0);
});
