/**
 * Test helper process: commits a burst of corrections to the database given as argv[2],
 * printing "ack <i>" after each commit returns. The crash-safety test SIGKILLs it.
 */
import { openService } from '../context';

const [dbPath, docIdArg, countArg] = process.argv.slice(2);
const service = await openService(dbPath);
const segments = service.getSegments({ documentId: Number(docIdArg) }).filter((s) => !s.furniture);
const count = Number(countArg);
for (let i = 0; i < count; i++) {
  const seg = segments[i % segments.length];
  service.editSegment({ segmentId: seg.id, text: `${seg.machineText}#${i}`, reason: 'crash-test' });
  process.stdout.write(`ack ${i}\n`);
}
service.db.close();
