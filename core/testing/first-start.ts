/**
 * Test helper process: a first start on the database given as argv[2] — open it (migrating
 * a new file) and import the bundled sample if it has none — then print one line of JSON:
 * `{"pid":…,"imported":<document id or null>}`. The first-start test starts several at once.
 */
import { importSampleOnFirstStart, openService } from '../context';

const service = await openService(process.argv[2]);
const imported = importSampleOnFirstStart(service);
service.db.close();
process.stdout.write(JSON.stringify({ pid: process.pid, imported }) + '\n');
