/**
 * A team server for the end-to-end tests (`jiaodui serve --team` on its own database) and the CLI
 * on that database: what the connect and offline specs drive. `start` may be called again after
 * `stop` (the server going away and coming back), on the same port.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { spawnScript, type ScriptProcess } from '../core/testing/spawn-script';
import { ROOT } from './fixtures';

const BIN = join(ROOT, 'bin', 'jiaodui.mjs');

export class TeamServer {
  private process: ScriptProcess | null = null;
  /** the team server's database (set before `start`) */
  db = '';

  /** `jiaodui ARGS…` on the team server's database; its stdout, or an error with its stderr. */
  cli(...args: string[]): string {
    const r = spawnSync(process.execPath, [BIN, '--db', this.db, ...args], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: this.db } });
    if (r.status !== 0) throw new Error(`jiaodui ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  /** Start the server on `listen` (HOST:PORT, port 0 for any); its origin, once it listens. */
  async start(listen: string): Promise<string> {
    this.process = spawnScript(BIN, ['--db', this.db, 'serve', '--team', '--listen', listen], { cwd: ROOT, env: { ...process.env, JIAODUI_DB: this.db } });
    return (await this.process.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/$/m))[0].replace(/\/$/, '');
  }

  async stop(ms = 5000): Promise<void> {
    await this.process?.stop(ms);
  }
}
