/**
 * A team server for the end-to-end tests (`jiaodui serve --team` on its own database) and the CLI
 * on that database: what the connect and offline specs drive. `start` may be called again after
 * `stop` (the server going away and coming back), on the same port.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { spawnScript, type ScriptProcess } from '../core/testing/spawn-script';
import { expect, ROOT } from './fixtures';

const BIN = join(ROOT, 'bin', 'jiaodui.mjs');

export class TeamServer {
  private process: ScriptProcess | null = null;
  /** the team server's database (set before `start`) */
  db = '';
  /** where the last `start` listens (http://127.0.0.1:PORT) */
  origin = '';

  /** `jiaodui ARGS…` on the team server's database; its stdout, or an error with its stderr. */
  cli(...args: string[]): string {
    const r = spawnSync(process.execPath, [BIN, '--db', this.db, ...args], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: this.db } });
    if (r.status !== 0) throw new Error(`jiaodui ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  /** Start the server on `listen` (HOST:PORT, port 0 for any); its origin, once it listens. */
  async start(listen: string): Promise<string> {
    this.process = spawnScript(BIN, ['--db', this.db, 'serve', '--team', '--listen', listen], { cwd: ROOT, env: { ...process.env, JIAODUI_DB: this.db } });
    this.origin = (await this.process.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/$/m))[0].replace(/\/$/, '');
    return this.origin;
  }

  /** A claim of a whole segment, made on the team server by the CLI; its id. */
  addClaim(documentId: number, segmentId: number): number {
    return (JSON.parse(this.cli('claims', String(documentId), '--add', '--segment', String(segmentId), '--format', 'json')) as { id: number }).id;
  }

  /** Connect the page to the team server as a new lead `name` and open the team document titled `title`. */
  async connectAndOpen(page: Page, name: string, title: string): Promise<void> {
    const added = JSON.parse(this.cli('users', 'add', name, '--role', 'lead', '--format', 'json')) as { signInUrl: string };
    await page.getByTestId('connect-team').click();
    const dialog = page.getByTestId('connect-dialog');
    await dialog.getByTestId('connect-signin').fill(added.signInUrl);
    await dialog.getByTestId('connect-submit').click();
    await expect(dialog).toHaveCount(0);
    await page.locator('[data-testid^="backend-c-"]', { hasText: new URL(this.origin).host }).getByRole('button', { name: title }).click();
    await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', new RegExp(title));
    await expect(page.getByTestId('author')).toContainText(name);
  }

  /** Another lead `name`, signed in on the team server itself (not through a page): a caller of its API. */
  async signIn(name: string): Promise<(method: string, args: unknown) => Promise<unknown>> {
    const origin = this.origin;
    const added = JSON.parse(this.cli('users', 'add', name, '--role', 'lead', '--format', 'json')) as { signInUrl: string };
    const token = /#signin=([A-Za-z0-9_-]+)/.exec(added.signInUrl)![1];
    const res = await fetch(`${origin}/api/session`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^(__Host-)?jiaodui-/);
    return async (method, args) => {
      const r = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
      const body = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.value;
    };
  }

  async stop(ms = 5000): Promise<void> {
    await this.process?.stop(ms);
  }
}
