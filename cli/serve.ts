import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { JiaoduiService } from '../core/service';
import { JiaoduiError } from '../shared/errors';
import { startServer } from '../core/server';
import { importSampleOnFirstStart, PACKAGE_ROOT, warmUpChecks } from '../core/context';

export const RENDERER_DIST = join(PACKAGE_ROOT, 'dist', 'renderer');

/** `jiaodui serve [--port N]`: browser mode on 127.0.0.1; prints exactly one line, the URL with the token. */
export async function runServe(service: JiaoduiService, portFlag?: string): Promise<number> {
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new JiaoduiError('invalid-input', `--port must be 0–65535, got "${portFlag}".`);
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    throw new JiaoduiError('invalid-input', `The app's user interface is not built (${RENDERER_DIST} is missing). Run 'npm run build' first.`);
  }
  importSampleOnFirstStart(service);
  const running = await startServer(service, { port, staticRoot: RENDERER_DIST });
  process.stdout.write(running.url + '\n');
  setImmediate(warmUpChecks);
  const stop = () => {
    void running.close().then(() => {
      service.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}
