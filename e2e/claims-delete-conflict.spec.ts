/**
 * Deleting a claim that someone else changed meanwhile (ARCHITECTURE "Request ids": deleteClaim
 * with the version read): the deletion is refused and the conflict view says so (conflict.deleteIntro).
 * Keep theirs keeps the claim with their change; Delete it anyway deletes it against their version,
 * and undo brings it back, their change included. The other writer is the CLI on the same database,
 * as reviewer Bo: its write lands while the page's deletion is on its way (the request is held
 * until the CLI has written), so the page asks with the version it read.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ClaimT } from '../shared/claims/schemas';
import { api, expect, importOwn, MOD, openDocument, ROOT, test, type JiaoduiServer } from './fixtures';

const BIN = join(ROOT, 'bin', 'jiaodui.mjs');
let errors: string[] = [];
test.beforeEach(() => {
  errors = [];
});
test.afterEach(() => {
  expect(errors, 'uncaught errors in the page').toEqual([]);
});
const TEXT = '公司業績說明會。\n\n公司去年收入增長百分之三十，達到十八億元。\n\n第三段。\n';

/** Bo, another process on the same database: `jiaodui claims DOC --set ID --verdict false`. */
function boSetsVerdict(server: JiaoduiServer, documentId: number, claimId: number): void {
  const r = spawnSync(process.execPath, [BIN, '--db', server.dbPath, '--reviewer', 'Bo', 'claims', String(documentId), '--set', String(claimId), '--verdict', 'false'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`jiaodui claims --set: ${r.stderr}`);
}

const storedClaim = async (server: JiaoduiServer, documentId: number, claimId: number): Promise<ClaimT | undefined> =>
  (await api<ClaimT[]>(server, 'listClaims', { documentId })).find((c) => c.id === claimId);

/** A document with one claim (row 2, whole segment), open with its claims panel; the deletion refused, the conflict view showing. */
async function deleteChangedClaim(page: Page, server: JiaoduiServer): Promise<{ documentId: number; claimId: number }> {
  page.on('pageerror', (e) => errors.push(e.message));
  const { documentId } = await importOwn(server, { fileName: 'delete-conflict.txt', data: Buffer.from(TEXT, 'utf8').toString('base64'), projectName: 'Claims delete e2e', title: '刪除衝突' });
  const segment = (await api<{ id: number; text: string }[]>(server, 'getSegments', { documentId }))[1];
  const claimId = (await api<ClaimT>(server, 'addClaim', { segmentId: segment.id })).id;
  await openDocument(page, server, documentId);
  await page.getByTestId('claims-button').click();
  const row = page.getByTestId('claims-panel').locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(row.getByTestId('claim-verdict')).toHaveValue('unverified');

  // the deletion leaves with the version the page read; Bo's verdict is stored before it arrives
  let held = 0;
  await page.route('**/api/deleteClaim', async (route) => {
    held++;
    boSetsVerdict(server, documentId, claimId);
    await route.continue();
  });
  await row.getByTestId('claim-delete').click();
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  await page.unroute('**/api/deleteClaim');
  expect(held).toBe(1);
  await expect(dialog).toContainText('Bo changed its verdict after you read it, so your deletion was not done');
  await expect(dialog.getByTestId('conflict-theirs-verdict')).toContainText('false');
  await expect(dialog.getByRole('button', { name: 'Delete it anyway' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Merge by hand…' })).toHaveCount(0);
  // nothing deleted yet, Bo's change stored
  expect((await storedClaim(server, documentId, claimId))?.verdict).toBe('false');
  return { documentId, claimId };
}

test('a claim changed by someone else meanwhile: the deletion opens the conflict view; keep theirs keeps it with their change', async ({ page, server }) => {
  const { documentId, claimId } = await deleteChangedClaim(page, server);
  const dialog = page.getByTestId('conflict-dialog');
  await dialog.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('claims-panel').locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(row.getByTestId('claim-verdict')).toHaveValue('false');
  expect((await storedClaim(server, documentId, claimId))?.verdict).toBe('false');
});

test('a claim changed by someone else meanwhile: Delete it anyway deletes it; undo restores it with their change', async ({ page, server }) => {
  const { documentId, claimId } = await deleteChangedClaim(page, server);
  const dialog = page.getByTestId('conflict-dialog');
  await dialog.getByRole('button', { name: 'Delete it anyway' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('claims-panel').locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(row).toHaveCount(0);
  await expect.poll(async () => (await storedClaim(server, documentId, claimId)) ?? null).toBeNull();

  // undo (the reviewer's own last step: the deletion) brings it back as Bo left it
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(row.getByTestId('claim-verdict')).toHaveValue('false');
  expect((await storedClaim(server, documentId, claimId))?.verdict).toBe('false');
});
