/**
 * Claims end to end: open the Claims panel from the command palette, accept two
 * candidates with the keyboard (A), set a verdict and evidence inline, export CSV and
 * read it back; reject a candidate with R, reload, and find it still rejected (and
 * restorable); undo a verdict change; see the cross-checks in the findings panel.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { ClaimT } from '../shared/claims/schemas';
import { api, importOwn, expect, MOD, ROOT, test } from './fixtures';

const SAMPLE = join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');

test('claims: accept two candidates, set a verdict and evidence, export CSV', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { documentId } = await importOwn(server, {
    fileName: 'sensetime-claims.txt',
    data: readFileSync(SAMPLE).toString('base64'),
    projectName: 'Claims E2E',
  });
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);

  await page.keyboard.press(`${MOD}+k`);
  await expect(page.getByTestId('palette-item-view.claims')).toBeVisible();
  await page.keyboard.type('claims');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('claims-panel');
  await expect(panel).toBeVisible();

  const candidates = panel.getByTestId('claim-candidate');
  await expect(candidates.filter({ hasText: '11.8億' })).toBeVisible();
  const total = await candidates.count();
  expect(total).toBeGreaterThanOrEqual(10);
  const revenue = candidates.filter({ hasText: '11.8億' });
  await revenue.focus();
  await page.keyboard.press('a');
  await expect(panel.getByTestId('claim-row')).toHaveCount(1);
  await expect(candidates).toHaveCount(total - 1);
  const traditional = candidates.filter({ hasText: '18.4億' });
  await traditional.focus();
  await page.keyboard.press('a');
  await expect(panel.getByTestId('claim-row')).toHaveCount(2);
  // reject one with R: it leaves the list, no claim is made
  await candidates.first().focus();
  await page.keyboard.press('r');
  await expect(candidates).toHaveCount(total - 3);
  await expect(panel.getByTestId('claim-row')).toHaveCount(2);

  const row = panel.getByTestId('claim-row').filter({ hasText: '11.8億' });
  await row.getByTestId('claim-verdict').selectOption('mostly-true');
  // evidence in the claim editor (Edit)
  await row.getByTestId('claim-edit').click();
  const editor = row.getByTestId('claim-editor');
  await editor.getByTestId('claim-evidence-url').fill('https://example.org/sensetime-2023-annual-results');
  await editor.getByTestId('claim-evidence-note').fill('segment revenue table');
  await editor.getByTestId('claim-evidence-add').click();
  await expect(editor.getByRole('link', { name: 'https://example.org/sensetime-2023-annual-results' })).toBeVisible();
  await editor.getByTestId('claim-editor-close').click();

  const stored = await api<ClaimT[]>(server, 'listClaims', { documentId });
  expect(stored.map((c) => [c.claimant, c.verdict, c.evidence.length])).toEqual([
    ['徐立', 'mostly-true', 1],
    ['徐立', 'unverified', 0],
  ]);

  // filter by verdict
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'claims.png') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="claims-panel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  await panel.getByTestId('claims-filter-verdict').selectOption('mostly-true');
  await expect(panel.getByTestId('claim-row')).toHaveCount(1);
  await panel.getByTestId('claims-filter-verdict').selectOption('');

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('claims-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.claims\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0].split(',')).toContain('verdict');
  expect(lines[1]).toContain('11.8億');
  expect(lines[1]).toContain('mostly-true');
  expect(lines[1]).toContain('url: https://example.org/sensetime-2023-annual-results — segment revenue table (');
  // the statement's date has no year: the readable one beside the stored one
  expect(lines[1]).toContain('28 March (year unknown)');
  expect(lines[2]).toContain('18.4億');
  expect(errors).toEqual([]);
});

test('claims: a rejection survives a reload, a verdict change is undone, cross-checks are findings', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { documentId } = await importOwn(server, {
    fileName: 'sensetime-claims-undo.txt',
    data: readFileSync(SAMPLE).toString('base64'),
    projectName: 'Claims E2E undo',
  });
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), documentId);
  const openClaims = async () => {
    await page.goto(server.url);
    await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);
    await page.keyboard.press(`${MOD}+k`);
    await page.keyboard.type('claims');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('claims-panel');
    await expect(panel).toBeVisible();
    return panel;
  };
  let panel = await openClaims();
  let candidates = panel.getByTestId('claim-candidate');
  await expect(candidates.filter({ hasText: '上線的GPU數量' })).toBeVisible();
  const total = await candidates.count();

  // a laptop screen with the panel open: the progress block narrows with the document pane, so the
  // title keeps more room than it (it had ~10 characters beside a fixed 360 px block at 1280 px)
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator('.progress-counts')).toBeHidden();
  const title = (await page.locator('.doc-header-title').boundingBox())!;
  const progress = (await page.locator('.doc-header .progress').boundingBox())!;
  expect(title.width).toBeGreaterThan(progress.width);
  await page.setViewportSize({ width: 1440, height: 900 });

  // R rejects: stored, so it stays rejected after a reload
  await candidates.filter({ hasText: '上線的GPU數量' }).focus();
  await page.keyboard.press('r');
  await expect(candidates).toHaveCount(total - 1);
  await expect(candidates.filter({ hasText: '上線的GPU數量' })).toHaveCount(0);
  await expect(panel.locator('[data-testid="claim-candidate"]:focus')).toHaveCount(1); // the keyboard stays in the list
  await page.reload();
  panel = await openClaims();
  candidates = panel.getByTestId('claim-candidate');
  await expect(candidates).toHaveCount(total - 1);
  await expect(candidates.filter({ hasText: '上線的GPU數量' })).toHaveCount(0);
  // shown on request, and restorable; the box stands on the line of its words (not above them)
  const box = (await panel.getByTestId('claims-show-rejected').boundingBox())!;
  const label = (await panel.locator('label', { has: page.getByTestId('claims-show-rejected') }).boundingBox())!;
  expect(label.height).toBeLessThan(box.height * 2);
  await panel.getByTestId('claims-show-rejected').check();
  const rejected = candidates.filter({ hasText: '上線的GPU數量' });
  await expect(rejected).toHaveAttribute('data-rejected', 'true');
  await rejected.getByTestId('claim-candidate-restore').click();
  await expect(rejected).not.toHaveAttribute('data-rejected', 'true');
  await panel.getByTestId('claims-show-rejected').uncheck();
  await expect(candidates).toHaveCount(total);

  // accept the revenue claims and the 翻了三倍 answer (王震's, after the hand-over)
  for (const q of ['11.8億', '18.4億', '3.8億', '收入翻了三倍']) {
    const before = await panel.getByTestId('claim-row').count();
    await candidates.filter({ hasText: q }).focus();
    await page.keyboard.press('a');
    await expect(panel.getByTestId('claim-row')).toHaveCount(before + 1);
  }
  await expect(panel.getByTestId('claim-row').filter({ hasText: '收入翻了三倍' })).toContainText('王震');

  // a verdict change is an operation: Ctrl+Z takes it back, Ctrl+Shift+Z re-applies it
  const row = panel.getByTestId('claim-row').filter({ hasText: '11.8億' });
  await row.getByTestId('claim-verdict').selectOption('false');
  await expect.poll(async () => (await api<ClaimT[]>(server, 'listClaims', { documentId })).find((c) => c.text.includes('11.8億'))!.verdict).toBe('false');
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(row.getByTestId('claim-verdict')).toHaveValue('unverified');
  let stored = await api<ClaimT[]>(server, 'listClaims', { documentId });
  expect(stored.find((c) => c.text.includes('11.8億'))!.verdict).toBe('unverified');
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(row.getByTestId('claim-verdict')).toHaveValue('false');
  stored = await api<ClaimT[]>(server, 'listClaims', { documentId });
  expect(stored.find((c) => c.text.includes('11.8億'))!.verdict).toBe('false');

  // the cross-checks, in the claims view and in the findings panel, linked to the claims
  await expect(panel.getByTestId('claims-finding').filter({ hasText: 'ambiguous' })).toBeVisible();
  await page.keyboard.press(`${MOD}+Shift+f`);
  const findings = page.getByTestId('findings-panel');
  await expect(findings).toBeVisible();
  const cross = findings.locator('[data-rule="claims-crosscheck"]');
  await expect(cross.filter({ hasText: 'ambiguous' })).toBeVisible();
  await expect(cross.filter({ hasText: 'add up to 100%' })).toBeVisible();
  // jump to the 翻了三倍 claim from the finding's second location
  await cross.filter({ hasText: 'ambiguous' }).locator('.loc-btn').nth(1).click();
  await expect(page.locator('[role="row"][aria-selected="true"]')).toContainText('翻了三倍');
  // dismissed like any finding, and the dismissal is undone with Ctrl+Z
  const ambiguous = cross.filter({ hasText: 'ambiguous' });
  await ambiguous.getByRole('button', { name: 'Dismiss…' }).click();
  await ambiguous.getByLabel('Why dismiss this finding?').fill('read as ×3 in the annual report');
  await ambiguous.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(cross.filter({ hasText: 'ambiguous' })).toHaveCount(0);
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(cross.filter({ hasText: 'ambiguous' })).toBeVisible();
  expect(errors).toEqual([]);
});
