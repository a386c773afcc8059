/**
 * Test helper process (core/versions-race.test.ts): writes one segment `count` times as a
 * window does — read the text's version, then save against it — while another copy of
 * itself does the same. A save refused as stale ('edit-conflict') reads again and retries;
 * a busy database retries too. Prints "ack <text>" after each acknowledged save and
 * "conflict" for each refusal, then "done".
 *
 * argv: <dbPath> <documentId> <segmentId> <count> <tag>
 */
import { openService } from '../context';
import { callerContext } from '../../shared/contract/caller';
import { isJiaoduiError } from '../../shared/errors';

const [dbPath, docArg, segArg, countArg, tag] = process.argv.slice(2);
const service = await openService(dbPath);
const caller = callerContext('test', process.pid, tag);
const documentId = Number(docArg);
const segmentId = Number(segArg);
for (let i = 0; i < Number(countArg); ) {
  const seen = service.getSegments({ documentId }).find((s) => s.id === segmentId)!;
  const text = `${tag}-${i}`;
  try {
    service.editSegment({ segmentId, text, version: seen.versions!.text }, caller);
    process.stdout.write(`ack ${text}\n`);
    i++;
  } catch (e) {
    if (!isJiaoduiError(e) || (e.code !== 'edit-conflict' && e.code !== 'db-busy')) throw e;
    if (e.code === 'edit-conflict') process.stdout.write('conflict\n');
  }
}
process.stdout.write('done\n');
service.db.close();
