/**
 * A fact-checker's day (issue 18), in the browser: select a span → Claim → claimant picked
 * from the project's people → a note-only evidence item → assign → verdict → publish →
 * export ClaimReview and read it back; keyboard triage of five candidates in the wide
 * claims view (Alt+W) without the mouse; and the wide view's screenshots in both UI
 * languages (docs/screenshots/claims-wide.png, claims-wide-zh-Hant.png).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ClaimCandidateT, ClaimT } from '../shared/claims/schemas';
import { api, importOwn, expect, ROOT, test, type JiaoduiServer } from './fixtures';

const SAMPLE = join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');
const OUT = join(ROOT, 'docs', 'screenshots');

async function openSample(page: Page, server: JiaoduiServer, projectName: string): Promise<number> {
  const { documentId } = await importOwn(server, { fileName: `${projectName}.txt`, data: readFileSync(SAMPLE).toString('base64'), projectName });
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);
  return documentId;
}

/** Select `needle` in the first row's Traditional (hant) or Simplified (hans) cell holding it, as a mouse drag would. */
async function selectText(page: Page, column: 'hant' | 'hans', needle: string): Promise<void> {
  await page.evaluate(
    ({ column, needle }) => {
      for (const cell of document.querySelectorAll(`[data-testid^="row-"] .cell-${column}`)) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const i = n.data.indexOf(needle);
          if (i >= 0) {
            cell.scrollIntoView({ block: 'center' }); // the label bar is placed at the selection
            document.getSelection()!.setBaseAndExtent(n, i, n, i + needle.length);
            return;
          }
        }
      }
      throw new Error(`"${needle}" is not in one text node of a ${column} cell`);
    },
    { column, needle },
  );
}

/** The ClaimReview items of an export (an array, a single item or an @graph). */
function claimReviews(json: unknown): Record<string, unknown>[] {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && '@graph' in json ? (json as { '@graph': unknown[] })['@graph'] : [json];
  return (list as Record<string, unknown>[]).filter((x) => x && x['@type'] === 'ClaimReview');
}

test('a claim from a selection: claimant from the people list, a note as evidence, assigned, published, exported as ClaimReview', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const documentId = await openSample(page, server, 'Claims day');

  // select a span in the Simplified column → the label bar offers Claim
  await selectText(page, 'hans', '生成式AI去年收入为11.8亿');
  const bar = page.getByTestId('annotate-bar');
  await expect(bar.getByTestId('annotate-claim')).toBeVisible();
  await bar.getByTestId('annotate-claim').click();
  const panel = page.getByTestId('claims-panel');
  const editor = panel.getByTestId('claim-editor');
  await expect(editor).toBeVisible();
  // the Simplified selection landed on the Traditional characters
  await expect(editor.getByTestId('claim-span-text').locator('mark')).toHaveText('生成式AI去年收入爲11.8億');
  let [stored] = await api<ClaimT[]>(server, 'listClaims', { documentId });
  expect(stored.exact).toBe('生成式AI去年收入爲11.8億');

  // the span shrinks and extends by a character
  await editor.getByTestId('claim-span-end-').click();
  await expect(editor.getByTestId('claim-span-text').locator('mark')).toHaveText('生成式AI去年收入爲11.8');
  await editor.getByTestId('claim-span-end+').click();
  await expect(editor.getByTestId('claim-span-text').locator('mark')).toHaveText('生成式AI去年收入爲11.8億');

  // the claim restated, the claimant picked from the project's people (the speakers and names found; never A/答)
  await expect(editor.locator('datalist[data-testid="claim-people"] option[value="徐立"]')).toHaveCount(1);
  const names = await editor.locator('datalist[data-testid="claim-people"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(names).toContain('徐立');
  expect(names).not.toContain('A');
  expect(names).not.toContain('答');
  await editor.getByTestId('claim-edit-text').fill('商湯2023年生成式AI收入為11.8億元人民幣');
  await editor.getByTestId('claim-edit-text').press('Enter');
  await editor.getByTestId('claim-edit-claimant').fill('徐立');
  await editor.getByTestId('claim-edit-claimant').press('Enter');

  // a note-only evidence item: kept, with who and when
  await editor.getByTestId('claim-evidence-kind').selectOption('note');
  await expect(editor.getByTestId('claim-evidence-url')).toHaveCount(0);
  await editor.getByTestId('claim-evidence-note').fill('company statement only');
  await editor.getByTestId('claim-evidence-add').click();
  const item = editor.getByTestId('claim-evidence-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-kind', 'note');
  await expect(item).toContainText('company statement only');
  await expect(item.locator('.claim-evidence-by')).not.toBeEmpty();

  // a segment of a project document as evidence: the quote with the document and segment number, who and when
  await editor.getByTestId('claim-evidence-kind').selectOption('segment');
  await editor.getByTestId('claim-evidence-document').selectOption(String(documentId));
  await editor.getByTestId('claim-evidence-segment').fill('14');
  await editor.getByTestId('claim-evidence-add').click();
  await expect(item).toHaveCount(2);
  await expect(item.nth(1)).toHaveAttribute('data-kind', 'segment');
  await expect(item.nth(1)).toContainText('segment 14');
  // removed again (the claim's history keeps it)
  await item.nth(1).getByRole('button', { name: 'Remove evidence item 2' }).click();
  await expect(item).toHaveCount(1);

  // assign, rate, publish
  await editor.getByTestId('claim-edit-assignee').fill('林編輯');
  await editor.getByTestId('claim-edit-assignee').press('Enter');
  await editor.getByTestId('claim-edit-verdict').selectOption('mostly-true');
  await editor.getByTestId('claim-edit-ratingNote').fill('Matches the annual results; the company did not give the segment split elsewhere.');
  await editor.getByTestId('claim-edit-ratingNote').press('Enter');
  await editor.getByTestId('claim-edit-status').selectOption('published');
  await expect.poll(async () => (await api<ClaimT[]>(server, 'listClaims', { documentId }))[0]?.status).toBe('published');
  [stored] = await api<ClaimT[]>(server, 'listClaims', { documentId });
  expect(stored).toMatchObject({ text: '商湯2023年生成式AI收入為11.8億元人民幣', claimant: '徐立', assignee: '林編輯', verdict: 'mostly-true', status: 'published' });
  expect(stored.evidence).toHaveLength(1);
  expect(stored.evidence[0]).toMatchObject({ kind: 'note', note: 'company statement only' });
  expect(stored.evidence[0].author).toBeTruthy();
  expect(stored.publishedAt).toBeTruthy();
  // every change in the claim's history, with who and when
  await editor.getByTestId('claim-history').locator('summary').click();
  await expect(editor.getByTestId('claim-history').locator('li')).not.toHaveCount(0);
  await expect(editor.getByTestId('claim-history')).toContainText('verdict: unverified → mostly true');
  await expect(editor.getByTestId('claim-history')).toContainText('assignee: ∅ → 林編輯');
  await expect(editor.getByTestId('claim-history')).toContainText('evidence: 0 → 1');
  await expect(editor.getByTestId('claim-history')).toContainText('status: new → published');

  const axe = await new AxeBuilder({ page }).include('[data-testid="claims-panel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);

  // export ClaimReview and read it back
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('claims-export-claimreview').click()]);
  const reviews = claimReviews(JSON.parse(readFileSync((await download.path())!, 'utf8')));
  expect(reviews).toHaveLength(1);
  const r = reviews[0] as { claimReviewed: string; itemReviewed: { author?: { name: string } }; reviewRating: { alternateName?: string; ratingValue?: number }; datePublished: string };
  expect(r.claimReviewed).toContain('11.8億');
  expect(r.itemReviewed.author?.name).toBe('徐立');
  expect(r.reviewRating.alternateName ?? '').toMatch(/mostly true/i);
  expect(r.datePublished).toBe(stored.publishedAt!.slice(0, 10));

  // the “Check fact” label is a claim label: its key (5) on a selection makes a claim, not an annotation
  await selectText(page, 'hant', '傳統AI業務去年收入爲18.4億');
  await expect(bar.locator('[data-claim="true"]')).toBeVisible();
  await page.keyboard.press('5');
  await expect.poll(async () => (await api<ClaimT[]>(server, 'listClaims', { documentId })).map((c) => c.exact)).toContain('傳統AI業務去年收入爲18.4億');
  expect((await api<{ labelId: number | null }[]>(server, 'listAnnotations', { documentId })).length).toBe(0);
  // a whole segment from the keyboard: Alt+K on the selected row, without a selection
  await page.getByTestId('grid').focus();
  await page.keyboard.press('Control+g');
  await page.getByTestId('goto-input').fill('5');
  await page.getByTestId('goto-input').press('Enter');
  const row = page.getByTestId('row-4');
  await expect(row).toBeFocused();
  const wholeText = (await api<{ text: string }[]>(server, 'getSegments', { documentId }))[4].text;
  await page.keyboard.press('Alt+k');
  await expect.poll(async () => (await api<ClaimT[]>(server, 'listClaims', { documentId })).map((c) => c.exact)).toContain(wholeText);
  await expect(panel.getByTestId('claim-editor')).toContainText(wholeText);
  expect(errors).toEqual([]);
});

test('keyboard triage of five candidates in the wide claims view, without the mouse', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const documentId = await openSample(page, server, 'Claims triage');
  const before = await api<ClaimCandidateT[]>(server, 'listClaimCandidates', { documentId });
  expect(before.length).toBeGreaterThanOrEqual(6);

  await page.getByTestId('grid').focus();
  await page.keyboard.press('Alt+w');
  const wide = page.getByTestId('claims-wide');
  await expect(wide).toBeVisible();
  const rows = wide.getByTestId('claims-wide-row');
  await expect(rows).toHaveCount(before.length);
  const focused = wide.locator('[data-testid="claims-wide-row"]:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveAttribute('data-kind', 'candidate');

  // A, R, A, R, A: each acts on the focused row and moves on; the keyboard never leaves the list
  const texts: string[] = [];
  for (const key of ['a', 'r', 'a', 'r', 'a']) {
    const key0 = await focused.getAttribute('data-key');
    texts.push((await focused.locator('.col-text').innerText()).trim());
    await page.keyboard.press(key);
    await expect(focused).toHaveCount(1);
    await expect(focused).not.toHaveAttribute('data-key', key0!);
  }
  await expect(wide.getByTestId('claims-count-new')).toHaveAttribute('data-count', '3');
  const claims = await api<ClaimT[]>(server, 'listClaims', { documentId });
  expect(claims.map((c) => c.exact)).toEqual([texts[0], texts[2], texts[4]]);
  const rejected = (await api<ClaimCandidateT[]>(server, 'listClaimCandidates', { documentId, includeRejected: true })).filter((c) => c.rejected).map((c) => c.text);
  expect(rejected.sort()).toEqual([texts[1], texts[3]].sort());

  // ↑ to the last claim made, Enter edits it; Esc closes the editor and the keyboard is back on its row
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-kind', 'claim');
  const claimKey = await focused.getAttribute('data-key');
  await page.keyboard.press('Enter');
  const editor = wide.getByTestId('claim-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('claim-edit-text')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(focused).toHaveAttribute('data-key', claimKey!);

  // R on a claim discards it: hidden (discarded are hidden by default), counted, the keyboard on the next row
  await page.keyboard.press('r');
  await expect(wide.locator(`[data-key="${claimKey}"]`)).toHaveCount(0);
  await expect(focused).toHaveCount(1);
  await expect(wide.getByTestId('claims-count-discarded')).toHaveAttribute('data-count', '1');
  await expect.poll(async () => (await api<ClaimT[]>(server, 'listClaims', { documentId, includeDiscarded: true })).filter((c) => c.status === 'discarded').length).toBe(1);
  // Ctrl+Z brings it back (an operation like every claim change)
  await page.keyboard.press('Control+z');
  await expect(wide.locator(`[data-key="${claimKey}"]`)).toHaveCount(1);

  // Esc leaves the view: the grid again
  await focused.focus();
  await page.keyboard.press('Escape');
  await expect(wide).toHaveCount(0);
  await expect(page.getByTestId('grid')).toBeVisible();

  // a new label flagged as a claim label in the label editor: a span tagged with it is a claim
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Alt+a');
  await page.getByTestId('edit-labels').click();
  const fresh = page.getByTestId('label-row-new');
  await fresh.getByRole('textbox', { name: 'Label name' }).fill('Quote check');
  await fresh.getByRole('textbox', { name: 'Key' }).fill('7');
  await fresh.getByTestId('label-claim').check();
  await fresh.getByRole('button', { name: 'Add' }).click();
  await expect.poll(async () => (await api<{ name: string; claim: boolean }[]>(server, 'listLabels', {})).find((l) => l.name === 'Quote check')?.claim).toBe(true);
  await page.getByTestId('edit-labels').click();
  const claimsBefore = (await api<ClaimT[]>(server, 'listClaims', { documentId })).length;
  await selectText(page, 'hant', '上線的GPU數量達到了45000個');
  await expect(page.getByTestId('annotate-bar')).toContainText('Quote check');
  await page.keyboard.press('7');
  await expect.poll(async () => (await api<ClaimT[]>(server, 'listClaims', { documentId })).length).toBe(claimsBefore + 1);
  expect((await api<ClaimT[]>(server, 'listClaims', { documentId })).map((c) => c.exact)).toContain('上線的GPU數量達到了45000個');
  expect(await api<unknown[]>(server, 'listAnnotations', { documentId })).toEqual([]);
  expect(errors).toEqual([]);
});

test('the wide claims view: filters, sorting, counts, cross-checks; screenshots in both UI languages', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const documentId = await openSample(page, server, 'Claims wide');
  // a fact-checking day under way, set up through the API
  const candidates = await api<ClaimCandidateT[]>(server, 'listClaimCandidates', { documentId });
  const pick = (q: string) => candidates.find((c) => c.text.includes(q))!;
  const made: ClaimT[] = [];
  for (const q of ['11.8億', '18.4億', '3.8億', '收入翻了三倍', '45000']) {
    const c = pick(q);
    made.push(await api<ClaimT>(server, 'addClaim', { segmentId: c.segmentId, start: c.start, end: c.end }));
  }
  const set = (i: number, args: Record<string, unknown>) => api<ClaimT>(server, 'updateClaim', { claimId: made[i].id, ...args });
  await set(0, { verdict: 'mostly-true', assignee: '林編輯', status: 'published', ratingNote: 'annual results, segment table' });
  await set(1, { verdict: 'true', assignee: '林編輯', status: 'ready-for-review' });
  await set(2, { assignee: '陳記者', status: 'in-progress' });
  await set(3, { assignee: '陳記者', status: 'in-progress', verdict: 'misleading' });
  await set(4, { status: 'discarded' });
  await api(server, 'addClaimEvidence', { claimId: made[0].id, evidence: { kind: 'url', url: 'https://example.org/sensetime-2023-annual-results', note: 'segment revenue table' } });
  await api(server, 'addClaimEvidence', { claimId: made[0].id, evidence: { kind: 'note', note: 'company statement only' } });
  await page.reload();
  await expect(page.getByTestId('grid')).toBeVisible();

  // the shortcuts sheet lists the wide view's keys: Alt+W, A, R, Enter and the sort keys
  await page.getByTestId('grid').focus();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByTestId('shortcuts-dialog');
  await expect(sheet).toBeVisible();
  const section = sheet.locator('.shortcut-section', { hasText: 'In the claims table' });
  for (const [key, what] of [
    ['Alt+W', 'Claims Table (Full Width)'],
    ['A', 'Accept the candidate'],
    ['R', 'Reject the candidate'],
    ['Enter', 'Edit the claim'],
    ['S', 'Sort by the next column'],
    ['Shift+S', 'Sort by the previous column'],
    ['D', 'Reverse the sort direction'],
  ]) {
    await expect(section.locator('tr', { has: page.locator('kbd', { hasText: new RegExp(`^${key.replace('+', '\\+')}$`) }) })).toContainText(what);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  await page.getByTestId('grid').focus();
  await page.keyboard.press('Alt+w');
  const wide = page.getByTestId('claims-wide');
  await expect(wide).toBeVisible();
  const rows = wide.getByTestId('claims-wide-row');
  const claimRows = rows.and(wide.locator('[data-kind="claim"]'));
  // discarded hidden by default, counted in the header
  await expect(claimRows).toHaveCount(4);
  await expect(wide.getByTestId('claims-count-discarded')).toHaveAttribute('data-count', '1');
  await expect(wide.getByTestId('claims-count-in-progress')).toHaveAttribute('data-count', '2');
  await wide.getByTestId('claims-wide-show-discarded').check();
  await expect(claimRows).toHaveCount(5);
  await wide.getByTestId('claims-wide-show-discarded').uncheck();

  // filters: assignee, status (also from the header counts), verdict, claimant
  await wide.getByTestId('claims-wide-filter-assignee').selectOption('陳記者');
  await expect(rows).toHaveCount(2);
  await wide.getByTestId('claims-wide-filter-verdict').selectOption('misleading');
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-key', `claim:${made[3].id}`);
  await wide.getByTestId('claims-wide-filter-verdict').selectOption('');
  await wide.getByTestId('claims-wide-filter-assignee').selectOption('');
  await wide.getByTestId('claims-count-published').click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-key', `claim:${made[0].id}`);
  await wide.getByTestId('claims-count-published').click();
  await wide.getByTestId('claims-wide-filter-claimant').selectOption('王震');
  await expect(rows.first()).toHaveAttribute('data-key', `claim:${made[3].id}`);
  await wide.getByTestId('claims-wide-filter-claimant').selectOption('');

  // sorting: by status in workflow order, then reversed; evidence count
  await wide.getByTestId('claims-wide-show-candidates').uncheck();
  await wide.getByTestId('claims-sort-status').click();
  await expect(claimRows.locator('.col-status')).toHaveText(['in progress', 'in progress', 'ready for review', 'published']);
  await wide.getByTestId('claims-sort-status').click();
  await expect(claimRows.first().locator('.col-status')).toHaveText('published');
  await wide.getByTestId('claims-sort-evidence').click();
  await wide.getByTestId('claims-sort-evidence').click();
  await expect(claimRows.first().locator('.col-evidence')).toHaveText('2');
  await wide.getByTestId('claims-sort-segment').click();

  // the same from the keyboard, on a focused row (no Tab to the headers): S walks the columns
  // (Shift+S back), D reverses; aria-sort follows, and the keyboard stays on its row
  const focused = wide.locator('[data-testid="claims-wide-row"]:focus');
  await claimRows.first().focus();
  const rowKey = await focused.getAttribute('data-key');
  await expect(wide.getByTestId('claims-col-segment')).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('s'); // segment (the last column) → claim text
  await expect(wide.getByTestId('claims-col-text')).toHaveAttribute('aria-sort', 'ascending');
  await expect(wide.getByTestId('claims-col-segment')).not.toHaveAttribute('aria-sort');
  await expect(focused).toHaveAttribute('data-key', rowKey!);
  for (let i = 0; i < 4; i++) await page.keyboard.press('s'); // claimant, type, verdict, status
  await expect(wide.getByTestId('claims-col-status')).toHaveAttribute('aria-sort', 'ascending');
  await expect(claimRows.locator('.col-status')).toHaveText(['in progress', 'in progress', 'ready for review', 'published']);
  await expect(wide.getByTestId('claims-wide-shown')).toContainText('sorted by Status ▲');
  await page.keyboard.press('d');
  await expect(wide.getByTestId('claims-col-status')).toHaveAttribute('aria-sort', 'descending');
  await expect(claimRows.first().locator('.col-status')).toHaveText('published');
  await expect(focused).toHaveAttribute('data-key', rowKey!);
  await page.keyboard.press('Shift+S');
  await expect(wide.getByTestId('claims-col-verdict')).toHaveAttribute('aria-sort', 'ascending');
  await expect(wide.getByTestId('claims-col-status')).not.toHaveAttribute('aria-sort');
  for (let i = 0; i < 4; i++) await page.keyboard.press('s'); // status, assignee, evidence, segment: document order again
  await expect(wide.getByTestId('claims-col-segment')).toHaveAttribute('aria-sort', 'ascending');
  await expect(focused).toHaveAttribute('data-key', rowKey!);

  // cross-checks next to the claims they concern (growth stated two ways: 200% vs 翻了三倍)
  await expect(wide.locator(`[data-key="claim:${made[3].id}"]`).getByTestId('claims-wide-check').first()).toBeVisible();

  // the editor beside the table, on the published claim
  const published = wide.locator(`[data-key="claim:${made[0].id}"]`);
  await published.focus();
  await page.keyboard.press('Enter');
  await expect(wide.getByTestId('claim-editor')).toBeVisible();
  await expect(wide.getByTestId('claim-editor').getByTestId('claim-evidence-item')).toHaveCount(2);
  await wide.getByTestId('claim-editor').getByTestId('claim-edit-text').blur();
  const axe = await new AxeBuilder({ page }).include('[data-testid="claims-wide"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  await page.screenshot({ path: join(OUT, 'claims-wide.png') });

  // the same view in Traditional Chinese
  await api(server, 'updateSettings', { locale: 'zh-Hant' });
  await page.reload();
  await expect(page.getByTestId('grid')).toBeVisible();
  await page.getByTestId('grid').focus();
  await page.keyboard.press('Alt+w');
  await expect(wide).toBeVisible();
  await expect(wide.getByTestId('claims-count-published')).toContainText('已發布');
  await wide.getByTestId('claims-wide-show-candidates').uncheck();
  await published.focus();
  await page.keyboard.press('Enter');
  await expect(wide.getByTestId('claim-editor')).toBeVisible();
  await wide.getByTestId('claim-editor').getByTestId('claim-edit-text').blur();
  await page.screenshot({ path: join(OUT, 'claims-wide-zh-Hant.png') });
  await api(server, 'updateSettings', { locale: 'en' });
  expect(errors).toEqual([]);
});

