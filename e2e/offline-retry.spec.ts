/**
 * Work done while the team server cannot be reached is kept and sent when it is back (the
 * sibling of connect.spec.ts, which covers the connection, the banner and a kept text edit):
 * - a save with its approval (Ctrl+Enter) keeps the approval; the retry saves text and approval
 *   in one operation, with the status version read when the reviewer asked;
 * - claim edits (status, verdict) are kept, shown as not sent yet, and sent in order;
 * - a status or claim someone changed meanwhile (seen in the window through the live feed) opens
 *   the conflict view rather than being overwritten, and keep mine stores the text as well.
 * The first test stops the team server; the second holds the page's calls to it (502
 * team-unreachable, what the local server answers when the team server is away) while another
 * lead works on the server, so that the page's feed shows their changes before the retry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { disconnectTeams, expect, MOD, ROOT, test, recordToasts, toastsSeen } from './fixtures';
import { TeamServer } from './team-server';

test.describe.configure({ mode: 'serial' });

let dir = '';
let teamDb = '';
let origin = '';
let documentId = 0;

const server = new TeamServer();
const cli = (...args: string[]) => server.cli(...args);
const startTeam = (listen: string) => server.start(listen);

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiaodui-offline-e2e-'));
  teamDb = join(dir, 'team.db');
  server.db = teamDb;
  origin = await startTeam('127.0.0.1:0');
  documentId = (JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Offline desk', '--title', '離線稿件')) as { documentId: number }).documentId;
});

test.afterAll(async () => {
  await server.stop(5000);
  rmSync(dir, { recursive: true, force: true });
});

// The local server is every spec's (fixtures.ts): close the page, then end this test's team connections.
test.afterEach(async ({ page, server: local }) => {
  await page.close();
  await disconnectTeams(local);
});

type TeamSegment = { id: number; text: string; status: string; furniture: string | null };
const teamSegments = (): TeamSegment[] => (JSON.parse(cli('show', String(documentId), '--format', 'json')) as { segments: TeamSegment[] }).segments;
type TeamClaim = { id: number; status: string; verdict: string };
const teamClaim = (id: number): TeamClaim | undefined => (JSON.parse(cli('claims', String(documentId), '--format', 'json')) as TeamClaim[]).find((c) => c.id === id);
const addClaim = (segmentId: number) => server.addClaim(documentId, segmentId);

const connectAndOpen = (page: Page, name: string) => server.connectAndOpen(page, name, '離線稿件');

const signIn = (name: string) => server.signIn(name);


async function editRow(page: Page, row: number, suffix: string): Promise<string> {
  await page.getByTestId(`row-${row}`).click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  const text = `${await editor.inputValue()}${suffix}`;
  await editor.fill(text);
  return text;
}

test('the server goes away: a save with approval and claim edits are kept, shown as not sent, and sent when it is back', async ({ app: page }) => {
  const segs = teamSegments();
  const claimId = addClaim(segs[4].id);
  await connectAndOpen(page, 'Lin');
  await page.getByTestId('claims-button').click();
  const panel = page.getByTestId('claims-panel');
  const claimRow = panel.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(claimRow).toHaveAttribute('data-status', 'new');

  const port = new URL(origin).port;
  await server.stop(5000);
  const toast = page.getByTestId('toast').last();

  // two edits of one claim: both kept (one write, the later status winning), the row still shows what is stored
  await claimRow.getByTestId('claim-status').selectOption('in-progress');
  await expect(toast).toContainText('the claim change is kept');
  await claimRow.getByTestId('claim-verdict').selectOption('mostly-true');
  await expect(claimRow.getByTestId('claim-pending')).toHaveText('Not sent yet (status, verdict): waits for the team server');
  await expect(claimRow).toHaveAttribute('data-status', 'new');

  // approve a row from the grid (Ctrl+Enter): the status change waits, and its row says so
  const statusRow = segs.findIndex((s, i) => i > 1 && i < 4 && s.furniture === null && s.status === 'unreviewed');
  await page.getByTestId(`row-${statusRow}`).click();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(toast).toContainText('the status change is kept and sent when the server is back');
  const pending = page.getByTestId(`row-${statusRow}`).getByTestId('status-pending');
  await expect(pending).toHaveAttribute('aria-label', 'Status change to Approved not sent yet: waits for the team server');
  await expect(page.getByTestId(`row-${statusRow}`)).toHaveAttribute('data-status', 'unreviewed');
  await page.getByTestId(`row-${statusRow}`).screenshot({ path: 'test-results/offline-status-pending-row.png' });

  // save and approve row 1 (Ctrl+Enter): the text stays in the editor, the approval is kept with it
  const text = await editRow(page, 1, '甲');
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(toast).toContainText('the status change is kept and sent when the server is back');
  await expect(page.getByTestId('team-banner')).toContainText('cannot be reached');
  await expect(page.getByTestId('edit-textarea')).toHaveValue(text);
  // what waits is shown: the banner, the kept edit in its editor, the row's status change and the claim marked not sent yet
  await claimRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'offline-pending.png') });

  // back: the claim edits and the save with its approval are sent, no conflict
  await startTeam(`127.0.0.1:${port}`);
  await expect(page.getByTestId('team-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('edit-textarea')).toHaveCount(0);
  await expect.poll(() => teamSegments()[1]).toMatchObject({ text, status: 'approved' });
  await expect.poll(() => teamSegments()[statusRow].status).toBe('approved');
  // sent: the row's mark is gone, its status the stored one
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId(`row-${statusRow}`)).toHaveAttribute('data-status', 'approved');
  await expect.poll(() => teamClaim(claimId)).toMatchObject({ status: 'in-progress', verdict: 'mostly-true' });
  await expect(claimRow.getByTestId('claim-pending')).toHaveCount(0);
  await expect(claimRow).toHaveAttribute('data-status', 'in-progress');
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/offline-sent.png' });
});

test('changed on the server meanwhile: the retried approval and claim edit open the conflict view; keep mine stores text and approval', async ({ app: page }) => {
  const segs = teamSegments();
  const claimId = addClaim(segs[6].id);
  await connectAndOpen(page, 'Mei');
  const bob = await signIn('Bob');
  await page.getByTestId('claims-button').click();
  const claimRow = page.getByTestId('claims-panel').locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(claimRow).toHaveAttribute('data-status', 'new');

  // the page's writes to the team server (and the banner's whoAmI) fail as unreachable; its live feed and reads still arrive
  const away = (route: Parameters<Parameters<Page['route']>[1]>[0]) =>
    /\/api\/(whoAmI|editSegment|setStatus|updateClaim|addClaimEvidence|removeClaimEvidence)$/.test(new URL(route.request().url()).pathname)
      ? route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'team-unreachable', message: `The team server ${origin} cannot be reached (test).` } }) })
      : route.fallback();
  await page.route('**/remote/*/api/*', away);

  await claimRow.getByTestId('claim-status').selectOption('ready-for-review');
  await expect(claimRow.getByTestId('claim-pending')).toBeVisible();
  // a row of text (not page furniture), still unreviewed
  const row = segs.findIndex((s, i) => i > 6 && s.furniture === null && s.status === 'unreviewed');
  const text = await editRow(page, row, '乙');
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(page.getByTestId('toast').last()).toContainText('the status change is kept and sent when the server is back');

  // meanwhile Bob marks row 3 edited and discards the claim; the feed shows both in the page
  await bob('setStatus', { segmentIds: [segs[row].id], status: 'edited' });
  await bob('updateClaim', { claimId, status: 'discarded' });
  await expect(page.getByTestId(`row-${row}`)).toHaveAttribute('data-status', 'edited');
  await expect(claimRow).toHaveCount(0); // discarded: the list hides it
  // (any answer — the feed's, a read's — counts as the server back, and the retry went out again and
  // was held again.) Ctrl+Enter once more, now that the row shows Bob's status: still kept with the
  // version read the first time; the banner is up until the page's calls get through
  await page.getByTestId('edit-textarea').focus();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(page.getByTestId('toast').last()).toContainText('the status change is kept and sent when the server is back');
  await expect(page.getByTestId('team-banner')).toBeVisible();

  // back: each refused write waits its turn in the conflict view — first the claim's, then the approval's
  await page.unroute('**/remote/*/api/*', away);
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('conflict-field-status')).toBeVisible();
  await expect(dialog.getByTestId('conflict-theirs-status')).toContainText('discarded');
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(() => teamClaim(claimId)?.status).toBe('ready-for-review');
  await expect(claimRow).toHaveAttribute('data-status', 'ready-for-review');

  await expect(dialog.getByTestId('conflict-theirs')).toContainText('Edited');
  await expect(dialog.getByTestId('conflict-mine')).toContainText('Approved');
  // nothing was overwritten: Bob's status is still stored, the text not yet
  expect(teamSegments()[row]).toMatchObject({ status: 'edited', text: segs[row].text });
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toHaveCount(0);
  // keep mine: the kept text and the approval, in one operation
  await expect.poll(() => teamSegments()[row]).toMatchObject({ text, status: 'approved' });
  await expect(page.getByTestId('edit-textarea')).toHaveCount(0);
});

test('kept writes survive a reload: the status change, the approval with its text and the claim edit are stored and sent when the server is back', async ({ app: page }) => {
  const segs = teamSegments();
  const claimId = addClaim(segs[9].id);
  await connectAndOpen(page, 'Ana');
  await page.getByTestId('claims-button').click();
  const claimRow = page.getByTestId('claims-panel').locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(claimRow).toHaveAttribute('data-status', 'new');
  // two rows of text (not page furniture), still unreviewed, after the ones the other tests use
  const free = segs.map((s, i) => ({ s, i })).filter(({ s, i }) => i > 9 && s.furniture === null && s.status === 'unreviewed');
  const [approveRow, editedRow] = [free[0].i, free[1].i];

  const port = new URL(origin).port;
  await server.stop(5000);
  const toast = page.getByTestId('toast').last();
  await claimRow.getByTestId('claim-status').selectOption('in-progress');
  await expect(claimRow.getByTestId('claim-pending')).toBeVisible();
  // approve a row (Ctrl+Enter on the grid): a status change kept
  await page.getByTestId(`row-${approveRow}`).click();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(toast).toContainText('the status change is kept and sent when the server is back');
  const pending = page.getByTestId(`row-${approveRow}`).getByTestId('status-pending');
  await expect(pending).toHaveAttribute('data-status', 'approved');
  // save and approve another row's edit: kept with its text in the editor
  const text = await editRow(page, editedRow, '丙');
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(toast).toContainText('the status change is kept and sent when the server is back');
  await expect(page.getByTestId('edit-textarea')).toHaveValue(text);
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jiaodui.keptWrites@')));
  await expect.poll(stored).toHaveLength(1);

  // the window goes (a reload): what was kept is put back and said to be waiting
  await recordToasts(page);
  await page.reload();
  await expect(page.getByTestId('team-banner')).toContainText('cannot be reached');
  await expect.poll(() => toastsSeen(page)).toContainEqual(expect.stringContaining('Not sent yet, kept from an earlier session: 3 changes'));
  expect(teamSegments()[approveRow].status).toBe('unreviewed');

  // back: the writes reach the server with the versions read before the reload (no conflict: nobody changed them)
  await startTeam(`127.0.0.1:${port}`);
  await expect(page.getByTestId('team-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => teamSegments()[approveRow].status).toBe('approved');
  await expect(pending).toHaveCount(0);
  await expect.poll(() => teamClaim(claimId)?.status).toBe('in-progress');
  await page.screenshot({ path: 'test-results/offline-reload-back.png' });
  // the start failed while the server was away: the kept edit's document opens, the edit comes back in its editor and is saved with its approval
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /離線稿件/);
  await expect.poll(() => teamSegments()[editedRow]).toMatchObject({ text, status: 'approved' });
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
  await expect.poll(stored).toHaveLength(0);
});

test('kept across a reload, changed on the server meanwhile: the retried status change and claim edit open the conflict view', async ({ app: page }) => {
  const segs = teamSegments();
  const claimId = addClaim(segs[11].id);
  await connectAndOpen(page, 'Wen');
  const bob = await signIn('Bob2');
  await page.getByTestId('claims-button').click();
  const claimRow = page.getByTestId('claims-panel').locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(claimRow).toHaveAttribute('data-status', 'new');
  const row = segs.findIndex((s, i) => i > 12 && s.furniture === null && s.status === 'unreviewed');

  // the page's writes fail as unreachable (and, until the reload, its whoAmI: the banner stays)
  let whoAway = true;
  const away = (route: Parameters<Parameters<Page['route']>[1]>[0]) => {
    const path = new URL(route.request().url()).pathname;
    return /\/api\/(editSegment|setStatus|updateClaim|addClaimEvidence|removeClaimEvidence)$/.test(path) || (whoAway && path.endsWith('/api/whoAmI'))
      ? route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'team-unreachable', message: `The team server ${origin} cannot be reached (test).` } }) })
      : route.fallback();
  };
  await page.route('**/remote/*/api/*', away);
  await claimRow.getByTestId('claim-status').selectOption('ready-for-review');
  await expect(claimRow.getByTestId('claim-pending')).toBeVisible();
  await page.getByTestId(`row-${row}`).click();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(page.getByTestId('toast').last()).toContainText('the status change is kept and sent when the server is back');
  const pending = page.getByTestId(`row-${row}`).getByTestId('status-pending');
  await expect(pending).toHaveAttribute('data-status', 'approved');

  // meanwhile Bob marks the row edited and discards the claim; then the window reloads (its writes still held)
  await bob('setStatus', { segmentIds: [segs[row].id], status: 'edited' });
  await bob('updateClaim', { claimId, status: 'discarded' });
  const stored = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('jiaodui.keptWrites@')).map(([, v]) => JSON.parse(v) as { statuses: unknown[]; claims: unknown[] }));
  await expect.poll(async () => (await stored()).map((e) => [e.statuses.length, e.claims.length])).toEqual([[1, 1]]);
  whoAway = false;
  await recordToasts(page);
  await page.reload();
  await expect.poll(() => toastsSeen(page)).toContainEqual(expect.stringContaining('Not sent yet, kept from an earlier session: 2 changes'));
  await expect(page.getByTestId(`row-${row}`)).toHaveAttribute('data-status', 'edited');
  // put back after the reload: the row shows Bob's status, and that its own change waits
  await expect(pending).toHaveAttribute('data-status', 'approved');

  // the writes get through: sent with the versions read before the reload, both refused and shown, nothing overwritten
  await page.unroute('**/remote/*/api/*', away);
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  expect(teamSegments()[row].status).toBe('edited');
  // refused as a conflict: no longer waiting, the conflict view has it
  await expect(pending).toHaveCount(0);
  expect(teamClaim(claimId)).toBeUndefined(); // still discarded (the list leaves discarded claims out), not overwritten
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    await expect(dialog).toBeVisible();
    const theirs = dialog.getByTestId('conflict-theirs').or(dialog.getByTestId('conflict-theirs-status')).first();
    const text = (await theirs.textContent()) ?? '';
    seen.push(text);
    await dialog.getByRole('button', { name: 'Keep theirs' }).click();
    // the next conflict replaces this one (or the view closes): read it only once it has (under load the click's
    // render can come after the next read, which then saw the first conflict twice)
    if (i === 0) await expect.poll(async () => (await dialog.count()) === 0 || ((await theirs.textContent()) ?? '') !== text).toBe(true);
  }
  expect(seen.join(' ')).toMatch(/Edited/);
  expect(seen.join(' ')).toMatch(/discarded/i);
  await expect(dialog).toHaveCount(0);
  expect(teamSegments()[row].status).toBe('edited');
  expect(teamClaim(claimId)).toBeUndefined();
  await expect.poll(stored).toEqual([]);
});
