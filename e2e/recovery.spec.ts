/**
 * Browser mode on a damaged database: `jiaodui serve` starts in the recovery state, the page
 * shows the problem and the backups, and opening a backup brings the app up on a copy of it
 * (the damaged file kept, renamed).
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVE_URL, spawnScript, type ScriptProcess } from '../core/testing/spawn-script';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'jiaodui.mjs');

async function serve(dbPath: string): Promise<{ child: ScriptProcess; url: string }> {
  const child = spawnScript(CLI, ['--db', dbPath, 'serve', '--no-open'], { cwd: ROOT });
  return { child, url: (await child.waitFor(SERVE_URL)).at(0)! };
}

test('a damaged database: the recovery screen opens a copy of a backup, and the app carries on', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-e2e-recovery-'));
  const dbPath = join(dir, 'jiaodui.db');
  let child: ScriptProcess | null = null;
  try {
    // A database with the sample in it, a backup of it where pre-migration backups go, then damage.
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, '--db', dbPath, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Kept').status).toBe(0);
    const backup = `${dbPath}.backup-v4-2026-01-01T00-00-00-000Z`;
    expect(cli('backup', backup).status).toBe(0);
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(Math.min(64 * 1024, statSync(dbPath).size - 8192), 0x5a), 0, undefined, 4096);
    closeSync(fd);
    for (const f of ['-wal', '-shm']) if (existsSync(dbPath + f)) rmSync(dbPath + f);

    const started = await serve(dbPath);
    child = started.child;
    await page.goto(started.url);
    const screen = page.getByTestId('recovery-screen');
    await expect(screen).toBeVisible();
    await expect(page.getByTestId('recovery-problem')).toContainText(dbPath);
    const item = page.getByTestId('recovery-backup').filter({ hasText: 'backup-v4' });
    await expect(item).toHaveCount(1);
    await item.getByRole('button').click();
    await expect(page.getByTestId('recovery-result')).toContainText(backup);
    await page.getByTestId('recovery-continue').click();
    await expect(page.getByTestId('grid')).toBeVisible();
    await expect(page.getByText('Kept').first()).toBeVisible();
    expect(readdirSync(dir).some((f) => f.startsWith('jiaodui.db.corrupt-'))).toBe(true);
    expect(existsSync(backup)).toBe(true);

    // The browser feed follows the recovered database without a reload or a manual reconnect:
    // a CLI edit of the open document appears in the grid.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const shown = JSON.parse(cli('list', '--format', 'json').stdout) as { id: number; title: string }[];
    const doc = shown.find((d) => !/Samples|商湯科技\(00020\)/.test(d.title)) ?? shown[0];
    const segs = (JSON.parse(cli('show', String(doc.id), '--format', 'json').stdout) as { segments: { id: number; index: number; text: string }[] }).segments;
    const target = segs.find((x) => x.index >= 2 && x.text.length > 4)!;
    await page.getByTestId('library').getByText(doc.title).first().click();
    await expect(page.getByTestId(`row-${target.index}`)).toBeVisible();
    const added = '（恢復後命令列修改）';
    const edit = cli('edit', String(doc.id), String(target.id), '--text', target.text + added);
    expect(edit.status, edit.stderr).toBe(0);
    await expect(page.getByTestId(`row-${target.index}`)).toContainText(added);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  } finally {
    await child?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
