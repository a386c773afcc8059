/**
 * Test helper process: opens the database given as argv[2] as a user of kind argv[3]
 * ('app' | 'serve' | 'cli'), prints "open <pid>" and keeps it open until SIGTERM, then
 * closes it (which ends its registration) and exits.
 */
import { openService } from '../context';

const kind = (process.argv[3] ?? 'serve') as 'app' | 'serve' | 'cli';
const service = await openService(process.argv[2], { kind });
process.stdout.write(`open ${process.pid}\n`);
const keepAlive = setInterval(() => {}, 60_000);
process.on('SIGTERM', () => {
  clearInterval(keepAlive);
  service.db.close();
  process.exit(0);
});
