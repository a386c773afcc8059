/**
 * Test helper process: commits a burst of corrections to the database given as argv[2],
 * printing "ack <i>" after each commit returns. The crash-safety test SIGKILLs it.
 *
 * argv: <dbPath> <documentId> <count> <runTag> <pauseMs>
 * Each correction's text ends in "#<runTag>-<i>", so a test can count one run's edits.
 * `pauseMs` paces the burst: without it 1,000 edits take about 1 s and the acks pile up
 * in the pipe faster than the test reads them, so a kill "at ack 990" could land after the
 * last edit. The pause (a blocking sleep, so nothing else runs meanwhile) is alternated
 * with no pause so a kill lands either in a pause or inside the next edit's transaction.
 */
import { openService } from '../context';

const [dbPath, docIdArg, countArg, runTag = 'run', pauseArg = '0'] = process.argv.slice(2);
const service = await openService(dbPath);
const segments = service.getSegments({ documentId: Number(docIdArg) }).filter((s) => !s.furniture);
const count = Number(countArg);
const pauseMs = Number(pauseArg);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
for (let i = 0; i < count; i++) {
  const seg = segments[i % segments.length];
  service.editSegment({ segmentId: seg.id, text: `${seg.machineText}#${runTag}-${i}`, reason: 'crash-test' });
  process.stdout.write(`ack ${i}\n`);
  if (pauseMs > 0 && i % 2 === 0) Atomics.wait(sleeper, 0, 0, pauseMs);
}
service.db.close();
