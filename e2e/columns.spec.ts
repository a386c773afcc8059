/**
 * The second column end to end (issue 7): attach an English rendering of the sample's first
 * paragraphs from the UI (file picker), switch the column (buttons and Alt+O), correct an
 * English segment inline (a revision: word diff, status 'edited'), undo it, fix the
 * alignment with a shift that one undo takes back, and merge then split a row of the
 * original source from the UI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Segment } from '../shared/domain/schemas';
import { api, importOwn, expect, MOD, ROOT, test } from './fixtures';

const SAMPLE = join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');
const ENGLISH = join(ROOT, 'tests', 'fixtures', 'parallel', 'sensetime-2023.en.txt');

/** No serious or critical accessibility violations in the given parts of the screen. */
async function checkA11y(page: Page, selectors: string[], what: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const s of selectors) builder = builder.include(s);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

test('columns: attach English, switch columns, correct an English segment, undo', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const imported = await importOwn(server, {
    fileName: 'sensetime-columns.txt',
    data: readFileSync(SAMPLE).toString('base64'),
    projectName: 'Columns E2E',
  });
  const documentId = imported.documentId;
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);

  // Simplified is the default second column.
  await expect(page.getByTestId('column-hans')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('row-4').locator('.cell-hans')).toContainText('商汤科技');

  // Attach the English rendering through the dialog's file picker.
  await page.getByTestId('column-attach').click();
  const dialog = page.getByTestId('attach-dialog');
  await expect(dialog).toBeVisible();
  await checkA11y(page, ['[data-testid="attach-dialog"]'], 'attach dialog');
  await dialog.getByTestId('attach-kind-english').check();
  await dialog.getByTestId('attach-file').setInputFiles(ENGLISH);
  await dialog.getByTestId('attach-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('column-english')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('english-4').locator('.parallel-text')).toHaveText(/Recently, SenseTime \(00020\) held a results call\./);
  await expect(page.getByTestId('english-13')).toContainText('1.18 billion');
  await checkA11y(page, ['.grid-head', '[data-testid="row-4"]', '[data-testid="row-13"]'], 'English column');

  // Alt+O cycles: English → Simplified → Original source (none attached) → English.
  await page.getByTestId('row-4').click();
  await page.keyboard.press('Alt+o');
  await expect(page.getByTestId('column-hans')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+o');
  await expect(page.getByTestId('column-source')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('source-4').locator('.parallel-text')).toHaveText('—');
  await page.keyboard.press('Alt+o');
  await expect(page.getByTestId('column-english')).toHaveAttribute('aria-pressed', 'true');

  // Correct the English of row 5 inline (Alt+E opens the editor on the selected row).
  await page.getByTestId('row-4').click();
  await page.keyboard.press('Alt+e');
  const ta = page.getByTestId('english-textarea');
  await expect(ta).toBeFocused();
  await ta.fill('Recently, SenseTime (00020) held its annual results call.');
  await ta.press('Enter');
  const cell = page.getByTestId('english-4');
  await expect(cell).toHaveAttribute('data-status', 'edited');
  await expect(cell.locator('ins.diff-ins')).toHaveText(['its', 'annual ']); // a word diff against the aligned English
  await expect(cell.locator('del.diff-del')).toHaveText(['a']);
  const segs = await api<Segment[]>(server, 'getSegments', { documentId });
  expect(segs[4].english).toEqual({ text: 'Recently, SenseTime (00020) held its annual results call.', aligned: 'Recently, SenseTime (00020) held a results call.', status: 'edited' });
  expect(segs[4].status).toBe('unreviewed'); // the Chinese side is untouched

  // Esc with changed English closes the editor but keeps the typing: its notice's Restore reopens it
  await page.getByTestId('row-5').click();
  await page.keyboard.press('Alt+e');
  await expect(ta).toBeFocused();
  await ta.fill('Chairman and CEO Xu Li said at the meeting — half typed');
  await ta.press('Escape');
  await expect(ta).toHaveCount(0);
  const discarded = page.getByTestId('toast').filter({ hasText: 'Discarded your English of segment 6.' });
  await discarded.getByTestId('toast-action').click();
  await expect(ta).toBeFocused();
  await expect(ta).toHaveValue('Chairman and CEO Xu Li said at the meeting — half typed');
  await expect(discarded).toHaveCount(0);
  await ta.press('Escape'); // discarded again, nothing saved
  expect((await api<Segment[]>(server, 'getSegments', { documentId }))[5].english?.status).toBe('unreviewed');

  // Undo restores the aligned English and its status.
  await page.getByTestId('row-4').click();
  await page.keyboard.press(`${MOD}+z`);
  await expect(cell).toHaveAttribute('data-status', 'unreviewed');
  await expect(cell.locator('.parallel-text')).toHaveText(/^Recently, SenseTime \(00020\) held a results call\.$/);

  // An alignment fix: move row 5's English down, then undo it.
  await page.getByTestId('row-4').click();
  await page.getByTestId('row-4').getByTestId('align-down').click();
  await expect(page.getByTestId('english-5')).toContainText('Recently, SenseTime (00020) held a results call. Chairman and CEO');
  // the moved text is drawn as a move to the next row (issue 17), not as a deletion
  await expect(page.getByTestId('english-4').locator('.parallel-text ins, .parallel-text del')).toHaveCount(0);
  await expect(page.getByTestId('english-4').getByTestId('moved-out')).toContainText('Recently, SenseTime (00020) held a results call.');
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('english-4').locator('.parallel-text')).toHaveText(/^Recently, SenseTime/);

  // The choice is per document and survives a reload.
  await page.reload();
  await expect(page.getByTestId('column-english')).toHaveAttribute('aria-pressed', 'true');

  // The original source: merge row 5's with the next row's, then split it again from the UI
  // (✂ on the selected row: a read-only box whose caret marks the split, Enter splits).
  await api(server, 'attachParallelText', { documentId, kind: 'source', fileName: 'source.txt', data: readFileSync(SAMPLE).toString('base64') });
  await page.reload();
  await page.getByTestId('column-source').click();
  const before = await api<Segment[]>(server, 'getSegments', { documentId });
  const [s4, s5] = [before[4].source!, before[5].source!];
  expect(s4 && s5).toBeTruthy();
  await page.getByTestId('row-4').click();
  await page.getByTestId('row-4').getByTestId('align-merge').click();
  await expect(page.getByTestId('source-4').locator('.parallel-text')).toHaveText(s4 + s5);
  await expect(page.getByTestId('source-5').locator('.parallel-text')).toHaveText('—');
  // by keyboard: Tab from the row reaches the row's alignment buttons (↑ ↓ ⤓ ✂)
  await page.getByTestId('row-4').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(page.getByTestId('row-4').getByTestId('align-split')).toBeFocused();
  await page.keyboard.press('Enter');
  const splitter = page.getByTestId('source-split-textarea');
  await expect(splitter).toBeFocused();
  await checkA11y(page, ['[data-testid="row-4"]'], 'source splitter');
  // the caret starts after the first sentence; move it to the end and back to the boundary by keyboard
  await splitter.press('Control+End');
  for (let i = 0; i < s5.length; i++) await splitter.press('ArrowLeft');
  await expect(splitter).toHaveJSProperty('selectionStart', s4.length);
  await splitter.press('Enter');
  await expect(page.getByTestId('source-4').locator('.parallel-text')).toHaveText(s4);
  await expect(page.getByTestId('source-5').locator('.parallel-text')).toHaveText(s5);
  await expect(page.getByTestId('row-4')).toBeFocused(); // focus back on the row
  const history = await api<{ field: string; reason: string }[]>(server, 'segmentHistory', { segmentId: before[5].id });
  expect(history.filter((r) => r.field === 'source').map((r) => r.reason)).toEqual(['align:merge', 'align:split']);
  // one undo takes the split back
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('source-4').locator('.parallel-text')).toHaveText(s4 + s5);
  // Esc leaves the splitter without a change
  await page.getByTestId('row-4').click();
  await page.getByTestId('row-4').getByTestId('align-split').click();
  await page.getByTestId('source-split-textarea').press('Escape');
  await expect(page.getByTestId('source-split-textarea')).toHaveCount(0);
  await expect(page.getByTestId('source-4').locator('.parallel-text')).toHaveText(s4 + s5);
  expect(errors).toEqual([]);
});
