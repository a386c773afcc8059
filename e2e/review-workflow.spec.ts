/**
 * The review workflow in browser mode: annotations that follow corrections (both
 * columns), find and replace with undo, keyboard-only approval, filters, history revert,
 * the change log and repetitions. Also writes docs/screenshots/annotations.png,
 * replace.png and changelog.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Annotation, Segment } from '../shared/domain/schemas';
import { api, importOwn, expect, MOD, ROOT, test, type JiaoduiServer } from './fixtures';

const SHOTS = join(ROOT, 'docs', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Import a text through the API (it becomes the newest document, which the app opens on load). */
async function importText(server: JiaoduiServer, title: string, text: string): Promise<{ documentId: number; segments: Segment[] }> {
  const r = await importOwn(server, { fileName: `${title}.txt`, data: Buffer.from(text, 'utf8').toString('base64'), projectName: 'Review workflow', title });
  const segments = await api<Segment[]>(server, 'getSegments', { documentId: r.documentId });
  return { documentId: r.documentId, segments };
}

async function open(page: Page, server: JiaoduiServer, title: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', new RegExp(title));
  (page as Page & { __errors?: string[] }).__errors = errors;
}

function noPageErrors(page: Page) {
  expect((page as Page & { __errors?: string[] }).__errors ?? [], 'uncaught errors in the page').toEqual([]);
}

/** Select `needle` inside a row's Traditional (hant) or Simplified (hans) cell, as a mouse drag would. */
async function selectText(page: Page, row: number, column: 'hant' | 'hans', needle: string): Promise<void> {
  await page.evaluate(
    ({ row, column, needle }) => {
      const cell = document.querySelector(`[data-testid="row-${row}"] .cell-${column}`)!;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(needle);
        if (i >= 0) {
          document.getSelection()!.setBaseAndExtent(n, i, n, i + needle.length);
          return;
        }
      }
      throw new Error(`"${needle}" is not in one text node of row ${row} (${column})`);
    },
    { row, column, needle },
  );
}

/** The text of the annotation highlights in a cell, in order (a span split by the diff is several marks). */
async function marked(page: Page, row: number, column: 'hant' | 'hans'): Promise<string> {
  return (await page.getByTestId(`row-${row}`).locator(`.cell-${column} mark.anno`).allTextContents()).join('');
}

async function gotoSegment(page: Page, n: number): Promise<void> {
  await page.keyboard.press(`${MOD}+g`);
  await page.getByTestId('goto-input').fill(String(n));
  await page.getByTestId('goto-input').press('Enter');
  await expect(page.getByTestId(`row-${n - 1}`)).toBeFocused();
}

test('a comment attached before a correction stays on the same characters after it, in both columns', async ({ page, server }) => {
  await importText(server, '註記測試', '財務總監王震介紹了全年業績。\n\n王震表示，GPU數量達45000個。\n\n此前王徵曾經說明𠼤字。');
  await open(page, server, '註記測試');
  const row0 = page.getByTestId('row-0');

  // Select 王震 in the Traditional column and comment on it.
  await selectText(page, 0, 'hant', '王震');
  const bar = page.getByTestId('annotate-bar');
  await expect(bar).toBeVisible();
  await bar.getByTestId('annotate-comment').click();
  await page.getByTestId('annotate-comment-input').fill('CFO name: check the filing.');
  await page.getByTestId('annotate-comment-input').press('Enter');
  await expect(bar).toHaveCount(0);
  await expect.poll(() => marked(page, 0, 'hant')).toBe('王震');
  await expect.poll(() => marked(page, 0, 'hans')).toBe('王震');

  // Correct the segment: text inserted before the span and a replacement inside it.
  await row0.click();
  await page.keyboard.press('Enter');
  await page.getByTestId('edit-textarea').fill('首席財務官（CFO）王征介紹了全年業績。');
  await page.keyboard.press('Enter');
  await expect(row0).toHaveAttribute('data-status', 'edited');
  await expect.poll(() => marked(page, 0, 'hant')).toBe('王征');
  await expect.poll(() => marked(page, 0, 'hans')).toBe('王征');

  // Tag 45000 with the "Number" label by its key (2), and comment from the Simplified column.
  await selectText(page, 1, 'hant', '45000');
  await expect(bar).toBeVisible();
  await page.keyboard.press('2');
  await expect.poll(() => marked(page, 1, 'hant')).toBe('45000');
  await selectText(page, 2, 'hans', '王征');
  await bar.getByTestId('annotate-comment').click();
  await page.getByTestId('annotate-comment-input').fill('王徵 or 王征?');
  await page.getByTestId('annotate-comment-save').click();
  // The Simplified selection maps back onto the Traditional characters.
  await expect.poll(() => marked(page, 2, 'hant')).toBe('王徵');
  await expect.poll(() => marked(page, 2, 'hans')).toBe('王征');

  // The side list: quotes, a reply, resolve; the API agrees on the anchor.
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Alt+a');
  const panel = page.getByTestId('annotations-panel');
  await expect(panel.getByTestId('annotation-item')).toHaveCount(3);
  await expect(panel.getByTestId('annotation-quote').first()).toHaveText('王征');
  await panel.getByTestId('annotation-reply').first().click();
  await page.getByTestId('annotation-reply-input').fill('Filing says 王征.');
  await page.getByTestId('annotation-reply-input').press('Enter');
  await expect(panel.getByTestId('annotation-item').first()).toContainText('Filing says 王征.');
  const docId = (await api<{ id: number; title: string }[]>(server, 'listDocuments', {})).find((d) => d.title === '註記測試')!.id;
  const annos = await api<Annotation[]>(server, 'listAnnotations', { documentId: docId });
  expect(annos.map((a) => [a.exact, a.orphaned])).toEqual([
    ['王征', false],
    ['45000', false],
    ['王徵', false],
  ]);
  await page.getByTestId('row-1').click();
  await page.screenshot({ path: join(SHOTS, 'annotations.png') });

  // Deleting is explicit and reversible: the item is kept under "Deleted" and restored.
  await panel.getByTestId('annotation-delete').nth(1).click();
  await expect(panel.getByTestId('annotation-item')).toHaveCount(2);
  await expect(page.getByTestId('row-1').locator('mark.anno')).toHaveCount(0);
  await panel.getByTestId('annotations-show-deleted').check();
  await panel.getByTestId('annotation-restore').click();
  await expect.poll(() => marked(page, 1, 'hant')).toBe('45000');

  // Deleting the commented text orphans the comment: kept, shown as such with its last quote.
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('edit-textarea').fill('首席財務官介紹了全年業績。');
  await page.keyboard.press('Enter');
  const orphan = panel.locator('[data-testid="annotation-item"][data-orphaned="true"]');
  await expect(orphan).toHaveCount(1);
  await expect(orphan.getByTestId('annotation-orphaned')).toBeVisible();
  await expect(orphan.getByTestId('annotation-quote')).toHaveText('王征');
  noPageErrors(page);
});

test('replace all 王震→王征 across the document is one undo step; undo restores text and approval', async ({ page, server }) => {
  const text = '財務總監王震介紹了業績。\n\n王震表示，GPU數量達45000個。\n\n此前王徵曾經說明。\n\n最後王震總結。';
  const { segments } = await importText(server, '取代測試', text);
  await api(server, 'setStatus', { segmentIds: [segments[1].id], status: 'approved' });
  await open(page, server, '取代測試');
  await expect(page.getByTestId('row-1')).toHaveAttribute('data-status', 'approved');

  await page.getByTestId('row-0').click();
  await page.keyboard.press(`${MOD}+h`);
  const panel = page.getByTestId('replace-panel');
  await expect(page.getByTestId('replace-find')).toBeFocused();
  await page.keyboard.type('王震');
  await page.getByTestId('replace-with').fill('王征');
  await expect(page.getByTestId('replace-summary')).toHaveText('3 matches in 3 segments');
  await expect(panel.getByTestId('replace-hit')).toHaveCount(3);
  await expect(panel.getByTestId('replace-hit').first().locator('del')).toHaveText('震');
  await expect(panel.getByTestId('replace-hit').first().locator('ins')).toHaveText('征');
  await expect(page.getByTestId('replace-approved-warning')).toContainText('1 approved segment will go back to Edited');
  // Across scripts, 王征 would also find 王徵 — shown, not applied here.
  await page.getByTestId('replace-cross').check();
  await expect(page.getByTestId('replace-summary')).toHaveText('3 matches in 3 segments');
  await page.getByTestId('replace-cross').uncheck();
  // A bad regular expression is explained, not run.
  await page.getByTestId('replace-regex').check();
  await page.getByTestId('replace-find').fill('王(震');
  await expect(page.getByTestId('replace-error')).toContainText('The regular expression is not valid');
  await expect(page.getByTestId('replace-all')).toBeDisabled();
  await page.getByTestId('replace-find').fill('王(震)');
  await expect(page.getByTestId('replace-summary')).toHaveText('3 matches in 3 segments');
  await page.screenshot({ path: join(SHOTS, 'replace.png') });

  await page.getByTestId('replace-all').click();
  for (const i of [0, 1, 3]) {
    await expect(page.getByTestId(`row-${i}`)).toContainText('王征');
    await expect(page.getByTestId(`row-${i}`)).toHaveAttribute('data-status', 'edited');
  }
  await expect(page.getByTestId('row-2')).toContainText('王徵');
  await expect(page.getByTestId('replace-summary')).toHaveText('No matches.');
  await expect(page.getByTestId('undo-label')).toContainText('Replace “王(震)” with “王征”');

  // The first changed row has the keyboard (the notice names Ctrl+Z): one undo, at once.
  await expect(page.getByTestId('row-0')).toBeFocused();
  await page.keyboard.press(`${MOD}+z`);
  for (const i of [0, 1, 3]) await expect(page.getByTestId(`row-${i}`)).toContainText('王震');
  await expect(page.getByTestId('row-1')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('row-0')).toHaveAttribute('data-status', 'unreviewed');
  noPageErrors(page);
});

test('keyboard-only approval of three segments moves to the next unreviewed one and moves the progress bar', async ({ page, server }) => {
  const { segments } = await importText(server, '鍵盤審閱', '第一句。\n\n第二句。\n\n第三句。\n\n第四句。\n\n第五句。');
  await api(server, 'setStatus', { segmentIds: [segments[1].id], status: 'approved' });
  await open(page, server, '鍵盤審閱');
  await expect(page.getByTestId('progress-approved')).toContainText('1 approved');
  const bar = page.locator('.progress-track .bar-approved');
  await expect(bar).toHaveAttribute('style', /width: 20%/);

  await gotoSegment(page, 1);
  await page.keyboard.press(`${MOD}+Enter`);
  // Segment 2 was approved already: the next unreviewed one is 3.
  await expect(page.getByTestId('row-2')).toBeFocused();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(page.getByTestId('row-3')).toBeFocused();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(page.getByTestId('row-4')).toBeFocused();
  await expect(page.getByTestId('progress-approved')).toContainText('4 approved');
  await expect(bar).toHaveAttribute('style', /width: 80%/);
  for (const i of [0, 1, 2, 3]) await expect(page.getByTestId(`row-${i}`)).toHaveAttribute('data-status', 'approved');

  // Enter edits, Esc cancels; F8 goes to the next segment needing attention; ? shows the sheet.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-textarea')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('row-4')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('row-2')).toBeFocused();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('row-4')).toBeFocused();
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Next Segment Needing Attention');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
  noPageErrors(page);
});

test('filters above the grid: status, changed, annotated, text — and the keys move inside the filtered rows', async ({ page, server }) => {
  const lines = Array.from({ length: 8 }, (_, i) => (i === 5 ? `第${i + 1}句提到王震。` : `第${i + 1}句。`));
  const { segments } = await importText(server, '篩選測試', lines.join('\n\n'));
  await api(server, 'setStatus', { segmentIds: [segments[2].id], status: 'approved' });
  await api(server, 'editSegment', { segmentId: segments[4].id, text: '第5句（已改）。' });
  await api(server, 'addAnnotation', { segmentId: segments[6].id, start: 0, end: 3, kind: 'comment', body: 'check' });
  await open(page, server, '篩選測試');
  const rows = page.locator('[data-testid="grid-body"] [role="row"]');
  await expect(rows).toHaveCount(8);

  await page.getByTestId('filter-status').selectOption('approved');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('row-2')).toBeVisible();
  await expect(page.getByTestId('filter-count')).toHaveText('1 of 8');

  await page.getByTestId('filter-status').selectOption('all');
  await page.getByTestId('filter-changed').check();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('row-4')).toContainText('已改');
  await page.getByTestId('filter-changed').uncheck();

  await page.getByTestId('filter-annotated').check();
  await expect(rows).toHaveCount(1);
  await expect.poll(() => marked(page, 6, 'hant')).toBe('第7句');
  await page.getByTestId('filter-annotated').uncheck();

  await page.getByTestId('filter-text').fill('王震');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('row-5')).toBeVisible();
  await page.getByTestId('filter-text').fill('');

  // Unreviewed only: arrows skip the hidden rows; segment numbers stay the document's.
  await page.getByTestId('filter-status').selectOption('unreviewed');
  await expect(rows).toHaveCount(6);
  await page.getByTestId('row-1').click();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('row-3')).toBeFocused();
  await expect(page.getByTestId('row-3').locator('.cell-num')).toHaveText('4');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('row-5')).toBeFocused();
  await page.getByTestId('filter-clear').click();
  await expect(rows).toHaveCount(8);
  noPageErrors(page);
});

test('history: revert to an earlier version; the change log lists and counts changes; repetitions get the same correction', async ({ page, server }) => {
  const text = '王震介紹了業績。\n\n其他句子。\n\n王震介紹了業績。\n\n王震介紹了業績。';
  const { segments } = await importText(server, '歷史測試', text);
  await api(server, 'setStatus', { segmentIds: [segments[3].id], status: 'approved' });
  await open(page, server, '歷史測試');

  // Correct segment 1: the other two occurrences of its machine text are offered the same correction.
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('edit-textarea').fill('王征介紹了業績。');
  await page.keyboard.press('Enter');
  const reps = page.getByTestId('repetitions-bar');
  await expect(reps).toContainText('occurs 2 more times');
  await expect(reps).toContainText('Approved repetitions that change go back to Edited');
  await reps.getByTestId('repetitions-apply').click();
  await expect(reps).toHaveCount(0);
  await expect(page.getByTestId('row-2')).toContainText('王征');
  await expect(page.getByTestId('row-3')).toHaveAttribute('data-status', 'edited');

  // A second correction, then revert to the first version from the history panel.
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('edit-textarea').fill('王征介紹了全年業績。');
  await page.keyboard.press('Enter');
  await page.getByTestId('repetitions-bar').getByTestId('repetitions-dismiss').click();
  await page.keyboard.press('Alt+h');
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('revision').first()).toContainText('Reason: manual edit');
  await history.getByTestId('revert').first().click();
  await expect(page.getByTestId('row-0').locator('.cell-hans')).toHaveText('王征介绍了业绩。');
  await expect(history.getByTestId('revision').first()).toContainText('Reason: revert');
  // Back to the machine text.
  await history.getByTestId('revision-machine').getByTestId('revert').click();
  await expect(page.getByTestId('row-0')).toHaveAttribute('data-status', 'unreviewed');
  await expect(page.getByTestId('row-0').locator('ins')).toHaveCount(0);

  // The change log: everything of the document, newest first, filterable, with counts.
  await page.keyboard.press('Alt+l');
  const log = page.getByTestId('changelog-dialog');
  await expect(log).toBeVisible();
  await expect(page.getByTestId('changelog-summary')).toHaveText('2 of 4 segments changed · 4 characters changed');
  await expect(log.getByTestId('changelog-entry').first()).toContainText('revert');
  await page.getByTestId('changelog-reason').selectOption('propagate');
  await expect(log.getByTestId('changelog-entry')).toHaveCount(4);
  await page.getByTestId('changelog-reason').selectOption('');
  await page.screenshot({ path: join(SHOTS, 'changelog.png') });
  await page.keyboard.press('Escape');
  await expect(log).toHaveCount(0);
  noPageErrors(page);
});

test('the review-workflow panels have no serious accessibility violations (light and dark)', async ({ page, server }) => {
  test.slow(); // axe-core scans the whole page several times (light and dark): CPU-bound on 2 cores
  const { segments } = await importText(server, '無障礙測試', '王震介紹了業績。\n\n王震表示，GPU數量達45000個。\n\n最後王震總結。');
  await api(server, 'editSegment', { segmentId: segments[0].id, text: '王征介紹了業績。' });
  await open(page, server, '無障礙測試');
  const check = async (what: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${what} (${scheme}): ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };

  // Alt+C without a selection comments on the whole selected segment.
  await page.getByTestId('row-1').click();
  await page.keyboard.press('Alt+c');
  await expect(page.getByTestId('annotate-comment-input')).toBeFocused();
  await check('comment box');
  await page.keyboard.type('Whole sentence: check the number.');
  await page.keyboard.press('Enter');
  await expect.poll(() => marked(page, 1, 'hant')).toBe('王震表示，GPU數量達45000個。');

  await page.getByTestId('filter-changed').check();
  await check('filters');
  await page.getByTestId('filter-clear').click();
  await selectText(page, 2, 'hant', '王震');
  await expect(page.getByTestId('annotate-bar')).toBeVisible();
  await check('annotate bar');
  await page.keyboard.press('Escape');
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Alt+a');
  await expect(page.getByTestId('annotations-panel')).toBeVisible();
  await check('annotations panel');
  // The label set is configurable: add a label with its own key, then tag with it.
  await page.getByTestId('edit-labels').click();
  const fresh = page.getByTestId('label-row-new');
  await fresh.getByRole('textbox', { name: 'Label name' }).fill('Speaker');
  await fresh.getByRole('textbox', { name: 'Key' }).fill('6');
  await fresh.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('label-row-new').getByRole('textbox', { name: 'Label name' })).toHaveValue('');
  await check('label editor');
  await page.getByTestId('edit-labels').click();
  await expect(page.getByTestId('annotations-panel')).toContainText('Speaker');
  await selectText(page, 2, 'hant', '最後');
  await expect(page.getByTestId('annotate-bar')).toContainText('Speaker');
  await page.keyboard.press('6');
  await expect.poll(() => marked(page, 2, 'hant')).toBe('最後');
  await expect(page.getByTestId('annotations-panel').getByTestId('annotation-item').last()).toContainText('Speaker');
  await page.keyboard.press(`${MOD}+Shift+h`); // the menu accelerator (Ctrl+H also works on Linux/Windows)
  await page.keyboard.type('王震');
  await expect(page.getByTestId('replace-hit')).toHaveCount(2);
  await check('find and replace');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('revert').first()).toBeVisible();
  await check('history with revert');
  await page.keyboard.press('Alt+l');
  await expect(page.getByTestId('changelog-entry').first()).toBeVisible();
  await check('change log');
  noPageErrors(page);
});
