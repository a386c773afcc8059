/**
 * The grid, second pass (issue 17): three text columns at 1440 px (chosen, hidden, narrowed by
 * a side panel), the Speaker column collapsing, focus after choosing a document in the
 * library, per-row QA marks following the findings query through a fix and its undo, the
 * has-findings filter and Alt+Q, Ctrl+Enter undone in one step, English moved between rows
 * drawn as a move, and the label bar and the dictionary popover never shown together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { ImportResult, Segment, StoredFinding, UndoState } from '../shared/domain/schemas';
import { api, importOwn, expect, holdChunk, MOD, ROOT, runCommand, test, type JiaoduiServer } from './fixtures';

const OUT = join(ROOT, 'docs', 'screenshots');
const SAMPLE = join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');
const ENGLISH = join(ROOT, 'tests', 'fixtures', 'parallel', 'sensetime-2023.en.txt');


async function importSample(server: JiaoduiServer, name: string): Promise<ImportResult> {
  return importOwn(server, { fileName: `${name}.txt`, data: readFileSync(SAMPLE).toString('base64'), projectName: name });
}

async function open(page: Page, server: JiaoduiServer, documentId: number): Promise<void> {
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯/);
}

/** The screen box of the first `word` in row `row`'s Traditional cell (one text node holds it). */
async function wordBox(page: Page, row: number, word: string): Promise<{ x: number; y: number; w: number; h: number }> {
  const box = await page
    .getByTestId(`row-${row}`)
    .locator('.cell-hant')
    .evaluate((el, word) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? '').indexOf(word);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          return { x: b.left, y: b.top, w: b.width, h: b.height };
        }
      }
      return null;
    }, word);
  expect(box).not.toBeNull();
  return box!;
}

async function noSeriousA11y(page: Page, selectors: string[]): Promise<void> {
  let b = new AxeBuilder({ page });
  for (const s of selectors) b = b.include(s);
  const bad = (await b.analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

test('three columns at 1440 px: chosen, hidden, narrowed by a side panel; English moved between rows drawn as a move', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { documentId } = await importSample(server, 'Grid three columns');
  await api(server, 'attachParallelText', { documentId, kind: 'english', fileName: 'en.txt', data: readFileSync(ENGLISH).toString('base64') });
  await open(page, server, documentId);
  expect(page.viewportSize()?.width).toBe(1440);

  // Traditional, Simplified and English side by side (the third column chosen automatically: the English once attached)
  const grid = page.getByTestId('grid');
  await expect(grid).toHaveAttribute('data-columns', '3');
  await expect(page.getByTestId('third-switcher')).toBeVisible();
  await expect(page.getByTestId('third-english')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('row-4').locator('.cell-hant')).toContainText('商湯科技');
  await expect(page.getByTestId('row-4').locator('.cell-hans')).toContainText('商汤科技');
  await expect(page.getByTestId('english-4')).toContainText('Recently, SenseTime (00020) held a results call.');
  // the three text columns share the width evenly
  const widths = await page
    .getByTestId('row-4')
    .locator('.cell-text')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
  expect(widths).toHaveLength(3);
  expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(2);
  await noSeriousA11y(page, ['.grid-head', '[data-testid="row-4"]']);
  await page.getByTestId('row-8').click();
  await page.screenshot({ path: join(OUT, 'three-columns.png') });

  // the same in the Chinese interface
  await runCommand(page, 'language');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByTestId('third-switcher')).toContainText('英文');
  await page.screenshot({ path: join(OUT, 'three-columns-zh-Hant.png') });
  await runCommand(page, '切換語言');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A side panel leaves no room for three: two columns; closing it brings the third back.
  await page.getByTestId('findings-button').click();
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await expect(grid).toHaveAttribute('data-columns', '2');
  await page.getByTestId('findings-button').click();
  await expect(page.getByTestId('findings-panel')).toHaveCount(0);
  await expect(grid).toHaveAttribute('data-columns', '3');

  // The reviewer chooses: the source in the third column, or no third column at all (kept per document).
  await page.getByTestId('third-source').click();
  await expect(page.getByTestId('source-4')).toBeVisible();
  await page.getByTestId('column-third-hide').click();
  await expect(grid).toHaveAttribute('data-columns', '2');
  await page.reload();
  await expect(grid).toHaveAttribute('data-columns', '2');
  await page.getByTestId('column-third-show').click();
  await expect(grid).toHaveAttribute('data-columns', '3');
  await expect(page.getByTestId('english-4')).toBeVisible();

  // Alignment: distinct icons and tooltips; moving row 5's English down is drawn as a move in both rows.
  await page.getByTestId('row-4').click();
  const tools = page.getByTestId('row-4');
  await expect(tools.getByTestId('align-down')).toHaveAttribute('title', /row below/);
  await expect(tools.getByTestId('align-merge')).toHaveAttribute('title', /Join the next row/);
  const icon = async (id: string) => tools.getByTestId(id).locator('svg path').getAttribute('d');
  expect(await icon('align-down')).not.toBe(await icon('align-merge'));
  await tools.getByTestId('align-down').click();
  await expect(page.getByTestId('english-4').getByTestId('moved-out')).toContainText('Recently, SenseTime (00020) held a results call.');
  await expect(page.getByTestId('english-4').getByTestId('moved-out')).toHaveAttribute('title', 'Moved to row 6');
  await expect(page.getByTestId('english-5').getByTestId('moved-in')).toContainText('Recently, SenseTime (00020) held a results call.');
  await expect(page.getByTestId('english-5').getByTestId('moved-in')).toHaveAttribute('title', 'Moved here from row 5');
  // no red/green edit for the moved sentence
  await expect(page.getByTestId('english-4').locator('del.diff-del')).toHaveCount(0);
  await expect(page.getByTestId('english-5').locator('ins.diff-ins')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('english-4').getByTestId('moved-out')).toHaveCount(0);

  // The English in the third column: Ctrl+Enter in its editor saves and approves in one step, undone at once.
  await page.getByTestId('row-6').click();
  await page.keyboard.press('Alt+e');
  const en = page.getByTestId('english-textarea');
  await expect(en).toBeFocused();
  await expect(grid).toHaveAttribute('data-columns', '3'); // edited where it is, Simplified still beside it
  await en.fill('In computing power, SenseCore exceeded 12,000P.');
  await en.press(`${MOD}+Enter`);
  await expect(page.getByTestId('english-6')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('status-bar')).toContainText('Edit and approve English of segment 7');
  await page.getByTestId('row-6').click();
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('english-6')).toHaveAttribute('data-status', 'unreviewed');
  await expect(page.getByTestId('english-6')).not.toContainText('SenseCore exceeded 12,000P.');
  expect(errors).toEqual([]);
});

test('the Speaker column collapses without speakers; a document chosen in the library takes the focus (arrows and End at once)', async ({ page, server }) => {
  const { documentId } = await importSample(server, 'Grid focus');
  const plain = await importOwn(server, {
    fileName: 'no-speakers.txt',
    data: Buffer.from('第一段沒有說話人。\n\n第二段也沒有。\n\n第三段。\n\n第四段。\n').toString('base64'),
    projectName: 'Grid focus',
  });
  await open(page, server, documentId);
  await expect(page.locator('.grid-head .cell-speaker')).toHaveCount(1); // the sample has speakers

  await page.getByTestId(`doc-${plain.documentId}`).locator('.doc-open').click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /第一段沒有說話人/);
  await expect(page.getByTestId('row-0')).toBeFocused();
  await expect(page.locator('.grid-head .cell-speaker')).toHaveCount(0);
  await expect(page.getByTestId('row-0').locator('.cell-speaker')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.getByTestId('row-3')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('row-3')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('row-2')).toBeFocused();

  // back to the sample from the library: focus on its grid again
  await page.getByTestId(`doc-${documentId}`).locator('.doc-open').click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯/);
  await expect(page.getByTestId('row-0')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('row-1')).toBeFocused();
});

test('row QA marks follow the findings query through a fix and its undo; has-findings filter; Alt+Q', async ({ page, server }) => {
  const { documentId } = await importSample(server, 'Grid QA marks');
  await open(page, server, documentId);
  await expect(page.getByTestId('qa-mark')).toHaveCount(0); // nothing checked yet

  // A doubled full stop in row 10: the segment's checks find it as it is saved, and the row shows a mark.
  const row = page.getByTestId('row-9');
  // select, then Enter edits (a double-click on a row outside the view lands after the grid scrolled it)
  await row.click();
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  const ta = page.getByTestId('edit-textarea');
  await expect(ta).toBeFocused();
  const original = await ta.inputValue();
  await ta.fill(original.replace('。', '。。'));
  await ta.press('Enter');
  const mark = row.getByTestId('qa-mark');
  await expect(mark).toHaveAttribute('data-count', '1');
  await expect(mark).toHaveAttribute('data-severity', /error|warning|info/);
  await expect(mark).toHaveAttribute('title', /1 open findings/);

  // the has-findings filter beside the status filter
  await page.getByTestId('filter-findings').check();
  await expect(page.locator('[data-testid="grid-body"] [role="row"]')).toHaveCount(1);
  await expect(row).toBeVisible();
  await page.getByTestId('filter-findings').uncheck();
  await expect(page.getByTestId('row-0')).toBeVisible();

  // Alt+Q moves to the next row with findings, Alt+Shift+Q back
  await page.getByTestId('row-2').click();
  await page.keyboard.press('Alt+q');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeFocused();
  await page.getByTestId('row-20').click();
  await page.keyboard.press('Alt+Shift+q');
  await expect(row).toHaveAttribute('aria-selected', 'true');

  // The Findings button in the top bar (shortcut in its tooltip) runs the checks: more rows get marks.
  await expect(page.getByTestId('findings-button')).toHaveAttribute('title', /Ctrl\+Shift\+F/);
  await expect(page.getByTestId('claims-button')).toHaveAttribute('title', /Ctrl\+Shift\+K/);
  await page.getByTestId('findings-button').click();
  const panel = page.getByTestId('findings-panel');
  await expect(panel.getByTestId('finding').first()).toBeVisible();
  // the panel may first list row 10's own finding; the document's run (in a worker thread) stores the rest
  const stored = () => api<{ findings: StoredFinding[] }>(server, 'listFindings', { documentId });
  const rowsOf = (r: { findings: StoredFinding[] }) =>
    new Set(r.findings.filter((f) => !f.dismissedReason).flatMap((f) => [f, ...f.related].filter((l) => l.documentId === documentId).map((l) => l.segmentIndex)));
  await expect.poll(async () => rowsOf(await stored()).size).toBeGreaterThan(1);
  const report = await stored();
  const marked = rowsOf(report);
  const first = Math.min(...marked);
  await expect(page.getByTestId(`row-${first}`).getByTestId('qa-mark')).toBeVisible();
  // the marks count what the panel lists under its filter (state/findings-filter.ts): with the rule
  // filter on "doubled", only rows with a doubled finding keep a mark; back to all rules, all return
  const doubledRows = new Set(report.findings.filter((f) => f.rule === 'doubled' && !f.dismissedReason).flatMap((f) => [f, ...f.related]).map((l) => `row-${l.segmentIndex}`));
  const markedRows = () => page.locator('[data-testid="grid-body"] [role="row"]:has([data-testid="qa-mark"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  await panel.getByTestId('findings-rule').selectOption('doubled');
  await expect(row.getByTestId('qa-mark')).toHaveAttribute('data-count', '1');
  if (!doubledRows.has(`row-${first}`)) await expect(page.getByTestId(`row-${first}`).getByTestId('qa-mark')).toHaveCount(0);
  expect((await markedRows()).every((r) => doubledRows.has(r))).toBe(true);
  await panel.getByTestId('findings-rule').selectOption('all');
  await expect(page.getByTestId(`row-${first}`).getByTestId('qa-mark')).toBeVisible();
  await row.click();
  await page.screenshot({ path: join(OUT, 'findings-row-markers.png') });
  await noSeriousA11y(page, ['[data-testid="row-9"]', '[data-testid="filter-bar"]', '.topbar']);
  // the same in the Chinese interface
  await runCommand(page, 'language');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByTestId(`row-${first}`).getByTestId('qa-mark')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'findings-row-markers-zh-Hant.png') });
  await runCommand(page, '切換語言');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Fix it from the panel: the mark goes; undo: it comes back (the findings query is refetched after each).
  const doubled = panel.locator('[data-testid="finding"][data-rule="doubled"]');
  await expect(doubled).toHaveCount(1);
  await doubled.getByTestId('fix-one').click();
  await expect(mark).toHaveCount(0);
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(mark).toHaveAttribute('data-count', '1');
});

test("Ctrl+Enter saves, approves and moves on in one operation: one undo takes both back; an open correction is not dropped by another row's editor or a reload; nothing to undo is a notice", async ({ page, server }) => {
  const { documentId } = await importSample(server, 'Grid one undo');
  await open(page, server, documentId);
  const before = (await api<Segment[]>(server, 'getSegments', { documentId }))[13];
  const row = page.getByTestId('row-13');
  // select, then Enter edits (a double-click on a row outside the view lands after the grid scrolled it)
  await row.click();
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  const ta = page.getByTestId('edit-textarea');
  await ta.fill(before.text.replace('11.8億', '11.8億元'));
  await expect(page.getByTestId('save-state')).toHaveText('Segment 14: not saved yet');
  // another row's editor does not drop the open correction: it keeps its text and the keyboard
  await page.getByTestId('row-15').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Segment 14 has an unsaved correction' })).toBeVisible();
  await expect(ta).toBeFocused();
  await expect(ta).toHaveValue(before.text.replace('11.8億', '11.8億元'));
  // leaving the page (a reload, a closed tab) keeps it too: back in its editor, unsaved
  await page.reload();
  await expect(page.getByTestId('toast').filter({ hasText: 'Restored your unsaved edit of row 14' })).toBeVisible();
  await expect(ta).toHaveValue(before.text.replace('11.8億', '11.8億元'));
  expect((await api<Segment[]>(server, 'getSegments', { documentId }))[13].text).toBe(before.text);
  await ta.press(`${MOD}+Enter`);
  await expect(row).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('row-13')).not.toHaveAttribute('aria-selected', 'true'); // moved on
  const after = (await api<Segment[]>(server, 'getSegments', { documentId }))[13];
  expect(after).toMatchObject({ text: before.text.replace('11.8億', '11.8億元'), status: 'approved' });
  const history = await api<{ field: string; operationId: number }[]>(server, 'segmentHistory', { segmentId: before.id });
  expect(history.map((h) => h.field)).toEqual(['zh', 'status']);
  expect(new Set(history.map((h) => h.operationId)).size).toBe(1);
  await expect(page.getByTestId('status-bar')).toContainText('Edit and approve segment 14');

  await page.keyboard.press(`${MOD}+z`);
  await expect(row).toHaveAttribute('data-status', 'unreviewed');
  await expect(row.locator('.cell-hant')).not.toContainText('11.8億元');
  const undone = (await api<Segment[]>(server, 'getSegments', { documentId }))[13];
  expect(undone).toMatchObject({ text: before.text, status: 'unreviewed' });
  const projectId = (await api<{ projectId: number }>(server, 'getDocument', { documentId })).projectId;
  expect((await api<UndoState>(server, 'undoState', { projectId })).canUndo).toBe(false);
  // one more Ctrl+Z: nothing to undo is a notice, not a failed save
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('toast').filter({ hasText: 'Nothing to undo.' })).toBeVisible();
  await expect(page.getByTestId('error-toast')).toHaveCount(0);
  await expect(page.getByTestId('status-bar')).not.toContainText('Not saved');
});

/** The sample open at row 14, with the correction the Esc tests type there (11.8億 → 11.8億元). */
async function row14(page: Page, server: JiaoduiServer, project: string) {
  const { documentId } = await importSample(server, project);
  await open(page, server, documentId);
  const before = (await api<Segment[]>(server, 'getSegments', { documentId }))[13];
  const row = page.getByTestId('row-13');
  await row.click();
  return { documentId, before, typed: before.text.replace('11.8億', '11.8億元'), row, ta: page.getByTestId('edit-textarea') };
}

test('Esc never loses typing: unchanged it just closes; changed, a notice offers the correction back (Restore, Alt+Z) and Ctrl+Z still undoes saved edits', async ({ page, server }) => {
  const { documentId, before, typed, row, ta } = await row14(page, server, 'Grid esc restore');
  // unchanged: Esc closes, nothing to say
  await page.keyboard.press('Enter');
  await expect(ta).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ta).toHaveCount(0);
  await expect(row).toBeFocused();
  await expect(page.getByTestId('toast')).toHaveCount(0);
  // changed: Esc closes and says so, the row keeps the keyboard; Alt+Z puts the text back in its editor
  await page.keyboard.press('Enter');
  await ta.fill(typed);
  await page.keyboard.press('Escape');
  await expect(ta).toHaveCount(0);
  await expect(row).toBeFocused();
  const notice = page.getByTestId('toast').filter({ hasText: 'Discarded your correction of segment 14.' });
  await expect(notice.getByTestId('toast-action')).toHaveText(/Restore/);
  expect((await api<Segment[]>(server, 'getSegments', { documentId }))[13].text).toBe(before.text);
  await page.keyboard.press('Alt+z');
  await expect(ta).toBeFocused();
  await expect(ta).toHaveValue(typed);
  await expect(notice).toHaveCount(0);
  // discarded again, then the notice's button restores it; Enter saves it
  await page.keyboard.press('Escape');
  await notice.getByTestId('toast-action').click();
  await expect(ta).toHaveValue(typed);
  await ta.press('Enter');
  await expect(row.locator('.cell-hant')).toContainText('11.8億元');
  // Ctrl+Z undoes the saved edit as before; Alt+Z has nothing left to restore
  await row.focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(row.locator('.cell-hant')).not.toContainText('11.8億元');
  expect((await api<Segment[]>(server, 'getSegments', { documentId }))[13].text).toBe(before.text);
  await page.keyboard.press('Alt+z');
  await expect(page.getByTestId('toast').filter({ hasText: 'No discarded correction to restore.' })).toBeVisible();
  await expect(ta).toHaveCount(0);
});

test('a discarded correction survives a reload: Alt+Z puts it back in its editor; once saved, nothing is left to restore', async ({ page, server }) => {
  const { documentId, typed, row, ta } = await row14(page, server, 'Grid esc reload');
  await page.keyboard.press('Enter');
  await ta.fill(typed);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('toast').filter({ hasText: 'Discarded your correction of segment 14.' })).toBeVisible();

  // the window is reloaded (a crash, a closed window would be the same): the notice is gone, the correction is not
  await page.reload();
  await expect(row).toBeVisible();
  await row.click();
  await page.keyboard.press('Alt+z');
  await expect(ta).toBeFocused();
  await expect(ta).toHaveValue(typed);
  await ta.press('Enter');
  await expect(row.locator('.cell-hant')).toContainText('11.8億元');
  expect((await api<Segment[]>(server, 'getSegments', { documentId }))[13].text).toBe(typed);

  // restored and saved: after another reload there is nothing to restore
  await page.reload();
  await row.click();
  await page.keyboard.press('Alt+z');
  await expect(page.getByTestId('toast').filter({ hasText: 'No discarded correction to restore.' })).toBeVisible();
  await expect(ta).toHaveCount(0);
});

test('a notice never hides the row it is about: at 1280×720 the last row, its correction discarded, stands above the notice', async ({ page, server }) => {
  const { documentId, segments } = await importSample(server, 'Grid notice room');
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, server, documentId);
  await page.getByTestId('row-3').click();
  await page.keyboard.press('End');
  const last = page.getByTestId(`row-${segments - 1}`);
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('edit-textarea').fill('搶先評論。');
  await page.keyboard.press('Escape');
  const notice = page.getByTestId('toast').filter({ hasText: `Discarded your correction of segment ${segments}.` });
  await expect(notice).toBeVisible();
  // the grid keeps room below its rows for the notice: the row ends above it (before, the notice covered the row's text)
  await expect.poll(async () => (await last.boundingBox())!.y + (await last.boundingBox())!.height).toBeLessThanOrEqual((await notice.boundingBox())!.y);
  // dismissed, the room goes with it
  const body = page.getByTestId('grid-body');
  const withRoom = await body.evaluate((el) => el.scrollHeight);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await expect.poll(() => body.evaluate((el) => el.scrollHeight)).toBeLessThan(withRoom);
});

test('Ctrl+Shift+F and Ctrl+Shift+K put the keyboard in their panels (the first place, the first candidate); Esc gives it back to the row; notices stay off the panel', async ({ page, server }) => {
  const { documentId } = await importSample(server, 'Grid panel focus');
  await open(page, server, documentId);
  const row = page.getByTestId('row-4');
  await row.click();
  await expect(row).toBeFocused();
  await page.keyboard.press(`${MOD}+Shift+F`);
  const findings = page.getByTestId('findings-panel');
  await expect(findings.locator('.finding-list .loc-btn').first()).toBeFocused();
  // the arrows and Tab work in the panel now; Esc closes it and the row has the keyboard again
  await page.keyboard.press('Escape');
  await expect(findings).toHaveCount(0);
  await expect(row).toBeFocused();
  await page.keyboard.press(`${MOD}+Shift+K`);
  const claims = page.getByTestId('claims-panel');
  await expect(claims.getByTestId('claim-candidate').first()).toBeFocused();
  // a notice meanwhile stacks up from the document pane's corner: over none of the panel's controls, nor the status bar
  await page.keyboard.press('Alt+z');
  const notice = page.getByTestId('toast').filter({ hasText: 'No discarded correction to restore.' });
  await expect(notice).toBeVisible();
  const [box, panelBox, barBox] = [await notice.boundingBox(), await claims.boundingBox(), await page.getByTestId('status-bar').boundingBox()];
  expect(box!.x + box!.width).toBeLessThanOrEqual(panelBox!.x);
  expect(box!.y + box!.height).toBeLessThanOrEqual(barBox!.y);
  await expect(claims.getByTestId('claim-candidate').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(claims).toHaveCount(0);
  await expect(row).toBeFocused();
  // the shortcut again closes the panel it opened, and gives the keyboard back too
  await page.keyboard.press(`${MOD}+Shift+F`);
  await expect(findings.locator('.finding-list .loc-btn').first()).toBeFocused();
  await page.keyboard.press(`${MOD}+Shift+F`);
  await expect(findings).toHaveCount(0);
  await expect(row).toBeFocused();
});

test('popovers never overlap: a selection shows the label bar only; hover shows the gloss; the label bar closes it', async ({ page, server }) => {
  const { documentId } = await importSample(server, 'Grid popovers');
  await open(page, server, documentId);
  // hover a word once: the dictionary popover (even when the hover came before the popover's code, lazy.tsx)
  const box = await wordBox(page, 8, '算力');
  const gloss = page.getByTestId('gloss-popover');
  await page.mouse.move(box.x + 2, box.y + box.h / 2);
  await page.mouse.move(box.x + box.w / 4, box.y + box.h / 2, { steps: 3 });
  await expect(gloss).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('annotate-bar')).toHaveCount(0);

  // select the word: the label bar opens, the gloss closes, and hovering brings no gloss while it is up
  await page.mouse.move(box.x + 1, box.y + box.h / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.w - 1, box.y + box.h / 2, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('annotate-bar')).toBeVisible();
  await expect(gloss).toHaveCount(0);
  await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2, { steps: 3 });
  await page.waitForTimeout(600); // longer than the hover delay: no gloss may appear meanwhile
  await expect(gloss).toHaveCount(0);
  await expect(page.getByTestId('annotate-bar')).toBeVisible();

  // Alt+D asks for the gloss of the selection: it shows instead of the label bar until Esc
  await page.keyboard.press('Alt+d');
  await expect(gloss).toBeVisible();
  await expect(page.getByTestId('annotate-bar')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(gloss).toHaveCount(0);
});

test("a pointer that came to rest on a word before the dictionary popover's code arrived gets the gloss without moving again", async ({ page, server }) => {
  const { documentId } = await importSample(server, 'Grid early hover');
  // hold the popover's chunk (lazy.tsx) until the pointer has stopped on the word: nothing listens to the moves yet
  const chunk = await holdChunk(page, '**/assets/GlossPopover-*.js');
  const glossCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/glossAt') glossCalls.push(r.url());
  });
  await open(page, server, documentId);
  const box = await wordBox(page, 8, '算力');
  await page.mouse.move(box.x + 2, box.y + box.h / 2);
  await page.mouse.move(box.x + box.w / 4, box.y + box.h / 2, { steps: 3 });
  await expect.poll(chunk.asked).toBe(true);
  expect(glossCalls).toEqual([]);
  chunk.release();
  const gloss = page.getByTestId('gloss-popover');
  await expect(gloss).toBeVisible();
  await expect(page.getByTestId('gloss-word')).toContainText('算');
  expect(glossCalls).toHaveLength(1);
});
