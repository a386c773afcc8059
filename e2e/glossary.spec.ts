/**
 * The glossary end to end: add 王征 (variants 王震, 王徵) in the panel, preview the
 * diffs, apply — both segments read 王征 with diffs and revisions — and one undo
 * restores both. Also writes docs/screenshots/glossary.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { DocumentMeta, Revision, Segment } from '../shared/domain/schemas';
import { api, importOwn, expect, MOD, ROOT, test } from './fixtures';

const SAMPLE = join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');
const SHOTS = join(ROOT, 'docs', 'screenshots');

// Wide enough that the preview dialog and the panel are both fully visible in the screenshot.
test.use({ viewport: { width: 1600, height: 900 } });

/** No serious or critical accessibility violations in what is on screen (light and dark). */
async function checkA11y(page: Page, what: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('[data-testid="glossary-panel"]').include('[data-testid="glossary-preview-dialog"]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${what} (${scheme}): ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function gotoSegment(page: Page, n: number): Promise<void> {
  await page.keyboard.press(`${MOD}+g`);
  const input = page.getByTestId('goto-input');
  await expect(input).toBeFocused();
  await input.fill(String(n));
  await input.press('Enter');
  await expect(page.getByTestId(`row-${n - 1}`)).toHaveAttribute('aria-selected', 'true');
}

test('glossary: add 王征, preview, apply across the document, undo in one step', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // A fresh copy of the sample in its own project, so other specs' edits do not matter.
  const imported = await importOwn(server, {
    fileName: 'sensetime-glossary.txt',
    data: readFileSync(SAMPLE).toString('base64'),
    projectName: 'Glossary E2E',
  });
  const documentId = imported.documentId;
  const doc = await api<DocumentMeta>(server, 'getDocument', { documentId });
  const before = await api<Segment[]>(server, 'getSegments', { documentId });
  const zhen = before.find((s) => s.text.includes('王震'))!;
  const zheng = before.find((s) => s.text.includes('王徵'))!;
  // Two more entries, so the panel shows both scopes and the types.
  await api(server, 'saveGlossaryEntry', { projectId: doc.projectId, term: '徐立', type: 'person', note: '首席執行官', english: 'Xu Li' });
  await api(server, 'saveGlossaryEntry', { documentId, term: '日日新', variants: ['日日鑫'], type: 'product', english: 'SenseNova' });

  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);
  await expect(page.getByTestId('row-0')).toBeVisible();

  // Open the panel from the top bar.
  await page.getByTestId('glossary-button').click();
  const panel = page.getByTestId('glossary-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('glossary-entry')).toHaveCount(2);

  // Add 王征 with its wrong variants, for the whole project.
  await panel.getByTestId('glossary-add').click();
  await expect(panel.getByTestId('glossary-term')).toBeFocused();
  await panel.getByTestId('glossary-term').fill('王征');
  await panel.getByTestId('glossary-variants').fill('王震, 王徵');
  await panel.getByTestId('glossary-type').selectOption('person');
  await panel.getByTestId('glossary-english').fill('Wang Zheng');
  await panel.getByTestId('glossary-note').fill('CFO of 商湯科技');
  await expect(panel.getByTestId('glossary-scope-project')).toBeChecked();
  await panel.getByTestId('glossary-save').click();
  await expect(panel.getByTestId('glossary-form')).toHaveCount(0);
  const entry = panel.locator('[data-testid="glossary-entry"][data-term="王征"]');
  await expect(entry).toBeVisible();
  await expect(entry.locator('del.gl-variant')).toHaveText(['王震', '王徵']);
  await expect(panel.getByTestId('glossary-project').getByTestId('glossary-entry')).toHaveCount(2);
  await checkA11y(page, 'glossary panel');

  // A conflicting entry is refused with a clear message, and nothing is saved.
  await panel.getByTestId('glossary-add').click();
  await panel.getByTestId('glossary-term').fill('王震');
  await panel.getByTestId('glossary-save').click();
  await expect(panel.getByTestId('glossary-form-error')).toContainText('"王震" is listed as a wrong variant of "王征"');
  await panel.getByRole('button', { name: 'Cancel' }).click();

  // (dismiss the "Saved" toasts for a clean picture)
  // (one at a time, each while it is there: a notice may fade between the count and the click)
  const dismiss = page.getByTestId('toast').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 2000 }).catch(() => undefined);
  await expect(page.getByTestId('toast')).toHaveCount(0);
  // Preview: every affected segment with its diff.
  await panel.getByTestId('glossary-preview').click();
  const dialog = page.getByTestId('glossary-preview-dialog');
  await expect(dialog).toBeVisible();
  const changes = dialog.getByTestId('glossary-change');
  await expect(changes).toHaveCount(2);
  await expect(dialog.getByTestId('glossary-preview-summary')).toContainText('2 segments change (2 replacements)');
  await expect(changes.nth(0).locator('del')).toHaveText('震');
  await expect(changes.nth(0).locator('ins')).toHaveText('征');
  await expect(changes.nth(1).locator('del')).toHaveText('徵');
  await expect(changes.nth(1).locator('ins')).toHaveText('征');
  // the keyboard is on Apply once the preview is there (not on the close button, where Enter closed the dialog)
  await expect(dialog.getByTestId('glossary-apply')).toBeFocused();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'glossary.png') });
  await checkA11y(page, 'glossary preview');

  // Apply: one operation (clicked: axe's check above opened a page of its own, which takes this one's keyboard)
  await dialog.getByTestId('glossary-apply').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('undo-label')).toContainText('Apply glossary to 2 segments');
  await expect(page.getByTestId('save-state')).toContainText('Saved');

  for (const [seg, wrong] of [
    [zhen, '震'],
    [zheng, '徵'],
  ] as const) {
    await gotoSegment(page, seg.index + 1);
    const row = page.getByTestId(`row-${seg.index}`);
    await expect(row).toHaveAttribute('data-status', 'edited');
    await expect(row).toContainText('王征');
    await expect(row.locator('ins')).toHaveText('征');
    await expect(row.locator('del')).toHaveText(wrong);
    const revs = await api<Revision[]>(server, 'segmentHistory', { segmentId: seg.id });
    expect(revs.map((r) => [r.field, r.reason])).toEqual([
      ['zh', 'glossary'],
      ['status', 'glossary'],
    ]);
  }
  // The revision shows in the segment's history panel too.
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('revision').first()).toContainText('glossary');
  await page.keyboard.press('Alt+h');

  // Undo: both segments back, in one step.
  await page.getByTestId(`row-${zheng.index}`).focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('undo-label')).not.toContainText('Apply glossary');
  for (const seg of [zhen, zheng]) {
    await gotoSegment(page, seg.index + 1);
    const row = page.getByTestId(`row-${seg.index}`);
    await expect(row).toHaveAttribute('data-status', 'unreviewed');
    await expect(row.locator('ins')).toHaveCount(0);
    await expect(row).toContainText(seg.text);
  }
  const after = await api<Segment[]>(server, 'getSegments', { documentId });
  expect(after.map((s) => [s.text, s.status])).toEqual(before.map((s) => [s.text, s.status]));
  expect(errors, 'uncaught errors in the page').toEqual([]);
});
