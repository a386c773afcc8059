/**
 * Issue 16 in the app: two windows (browser contexts) edit one segment. The window that saves
 * second, from an old read, is refused and sees the conflict view (base, theirs, mine with
 * diffs); keep mine writes over theirs as a new revision, merge by hand starts from both
 * changes. Nothing is overwritten without a word.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Revision, Segment } from '../shared/domain/schemas';
import type { GlossaryEntry, GlossarySaveResult } from '../shared/glossary/schemas';
import { api, importOwn, expect, test, type JiaoduiServer } from './fixtures';

/** The windows a test opened, closed after it (pass or fail). */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

async function window(browser: Browser, server: JiaoduiServer, title: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  opened.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { __errors?: string[] }).__errors = errors;
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', new RegExp(title));
  return page;
}

/** Open row 0's editor (its text as the window read it). */
async function openEditor(page: Page): Promise<void> {
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-textarea')).toBeFocused();
}

/** Type `text` into the open editor and save with Enter. */
async function saveEditor(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('edit-textarea');
  await editor.fill(text);
  await page.keyboard.press('Enter');
}

async function editRow0(page: Page, text: string): Promise<void> {
  await openEditor(page);
  await saveEditor(page, text);
}

const stored = async (server: JiaoduiServer, documentId: number) => (await api<Segment[]>(server, 'getSegments', { documentId }))[0];

test('two windows edit one segment: the stale save opens the conflict view; keep mine, then merge by hand', async ({ browser, server }) => {
  const r = await importOwn(server, { fileName: 'c.txt', data: Buffer.from('商湯今日公布業績。\n\n第二句。', 'utf8').toString('base64'), projectName: 'Conflicts', title: '衝突測試' });
  const a = await window(browser, server, '衝突測試');
  const b = await window(browser, server, '衝突測試');

  // B opens the editor on the text it read; A saves meanwhile (the live feed may already show
  // it in B's row); B's save, based on the old text, is refused and shown.
  await openEditor(b);
  await editRow0(a, '商湯今天公布業績。');
  await expect(a.getByTestId('save-state')).toContainText('Saved');
  await saveEditor(b, '商湯今日公布了業績。');
  const dialog = b.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  await expect(b.getByTestId('conflict-base')).toHaveText('商湯今日公布業績。');
  await expect(b.getByTestId('conflict-theirs').locator('ins')).toHaveText('天');
  await expect(b.getByTestId('conflict-theirs').locator('del')).toHaveText('日');
  await expect(b.getByTestId('conflict-mine').locator('ins')).toHaveText('了');
  expect((await stored(server, r.documentId)).text).toBe('商湯今天公布業績。'); // nothing overwritten
  await b.screenshot({ path: 'test-results/conflict-view.png' });

  // A opens its editor again (on its own saved text) before B decides.
  await openEditor(a);
  // Keep mine: a new revision over theirs.
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(b.getByTestId('row-0')).toContainText('商湯今日公布了業績。');
  expect((await stored(server, r.documentId)).text).toBe('商湯今日公布了業績。');

  // A saves from what it read before B's save: merge by hand, prefilled with both changes.
  await saveEditor(a, '商湯今天公布業績！');
  const dialogA = a.getByTestId('conflict-dialog');
  await expect(dialogA).toBeVisible();
  await dialogA.getByRole('button', { name: 'Merge by hand…' }).click();
  const merge = a.getByTestId('conflict-merge-text');
  // base 商湯今天公布業績。, theirs 今日…了, mine …！: the changes touch different characters, so both are in
  await expect(merge).toHaveValue('商湯今日公布了業績！');
  await merge.fill('商湯今日公布了全年業績！');
  await dialogA.getByRole('button', { name: 'Save merged text' }).click();
  await expect(dialogA).toHaveCount(0);
  await expect(a.getByTestId('row-0')).toContainText('商汤今日公布了全年业绩！'); // the Simplified column (the first shows the diff)
  const seg = await stored(server, r.documentId);
  expect(seg.text).toBe('商湯今日公布了全年業績！');

  // Every step is an ordinary revision; each "before" is the previous "after".
  const revs = (await api<Revision[]>(server, 'segmentHistory', { segmentId: seg.id })).filter((x) => x.field === 'zh');
  expect(revs.map((x) => x.after)).toEqual(['商湯今天公布業績。', '商湯今日公布了業績。', '商湯今日公布了全年業績！']);
  for (let i = 1; i < revs.length; i++) expect(revs[i].before).toBe(revs[i - 1].after);
  for (const p of [a, b]) expect((p as Page & { __errors?: string[] }).__errors).toEqual([]);
});

test('a glossary entry moved to the whole project meanwhile: a stale save does not move it back; the reviewer picks the scope', async ({ page, server }) => {
  const r = await importOwn(server, { fileName: 's.txt', data: Buffer.from('王征今日公布業績。\n\n第二句。', 'utf8').toString('base64'), projectName: 'Scopes', title: '範圍衝突' });
  const created = await api<GlossarySaveResult>(server, 'saveGlossaryEntry', { documentId: r.documentId, term: '王征', variants: ['王震'], type: 'person' });
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /範圍衝突/);
  await page.getByTestId('glossary-button').click();
  const panel = page.getByTestId('glossary-panel');
  await panel.getByRole('button', { name: 'Edit “王征”' }).click();
  await panel.getByTestId('glossary-note').fill('財務長');
  // another process widens the entry to every document of the project meanwhile
  await api(server, 'saveGlossaryEntry', { id: created.entry.id, projectId: created.entry.projectId, term: '王征', variants: ['王震'], type: 'person' });
  await panel.getByTestId('glossary-save').click();

  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toContainText(/its scope changed after you read it|changed its scope after you read it/);
  await expect(dialog.getByTestId('conflict-field-scope')).toBeVisible();
  await expect(dialog.getByTestId('conflict-base-scope')).toHaveText('this document only');
  await expect(dialog.getByTestId('conflict-theirs-scope')).toHaveText('every document of the project');
  await expect(dialog.getByTestId('conflict-mine-scope')).toHaveText('this document only');
  let entry = (await api<GlossaryEntry[]>(server, 'listGlossary', { projectId: created.entry.projectId })).find((g) => g.id === created.entry.id)!;
  expect(entry).toMatchObject({ scope: 'project', note: '' }); // nothing moved back, nothing overwritten
  await page.screenshot({ path: 'test-results/conflict-view-glossary-scope.png' });

  await dialog.getByRole('button', { name: 'Merge by hand…' }).click();
  await dialog.getByTestId('conflict-merge-scope').selectOption('theirs');
  await dialog.getByRole('button', { name: 'Save merged text' }).click();
  await expect(dialog).toHaveCount(0);
  entry = (await api<GlossaryEntry[]>(server, 'listGlossary', { projectId: created.entry.projectId })).find((g) => g.id === created.entry.id)!;
  expect(entry).toMatchObject({ scope: 'project', note: '財務長', version: 3 });
});

test('a glossary entry saved from an old read opens the same conflict view, field by field; merged by hand', async ({ page, server }) => {
  const r = await importOwn(server, { fileName: 'g.txt', data: Buffer.from('王征今日公布業績。\n\n第二句。', 'utf8').toString('base64'), projectName: 'Conflicts', title: '詞彙衝突' });
  const created = await api<GlossarySaveResult>(server, 'saveGlossaryEntry', { documentId: r.documentId, term: '王征', variants: ['王震'], type: 'person' });
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /詞彙衝突/);
  await page.getByTestId('glossary-button').click();
  const panel = page.getByTestId('glossary-panel');
  await panel.getByRole('button', { name: 'Edit “王征”' }).click();
  await panel.getByTestId('glossary-note').fill('財務長');
  // another process changes the note and the English meanwhile
  await api(server, 'saveGlossaryEntry', { id: created.entry.id, documentId: r.documentId, term: '王征', variants: ['王震'], type: 'person', note: 'CFO', english: 'Wang Zheng' });
  await panel.getByTestId('glossary-save').click();

  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The glossary entry: its note / English changed after you read it');
  await expect(dialog.getByTestId('conflict-base-note')).toHaveText('(none)');
  await expect(dialog.getByTestId('conflict-theirs-note').locator('ins')).toHaveText('CFO');
  await expect(dialog.getByTestId('conflict-mine-note').locator('ins')).toHaveText('財務長');
  await expect(dialog.getByTestId('conflict-theirs-english').locator('ins')).toHaveText('Wang Zheng');
  await expect(dialog.getByTestId('conflict-field-variants')).toHaveCount(0); // nobody else changed them
  let entry = (await api<GlossaryEntry[]>(server, 'listGlossary', { documentId: r.documentId }))[0];
  expect(entry).toMatchObject({ note: 'CFO', english: 'Wang Zheng', version: 2 }); // nothing overwritten
  await page.screenshot({ path: 'test-results/conflict-view-glossary.png' });

  await dialog.getByRole('button', { name: 'Merge by hand…' }).click();
  // the English only they changed: it starts as theirs; the note both changed: it starts as mine
  await expect(dialog.getByTestId('conflict-merge-english')).toHaveValue('Wang Zheng');
  await expect(dialog.getByTestId('conflict-merge-note')).toHaveValue('財務長');
  await dialog.getByTestId('conflict-merge-note').fill('CFO（財務長）');
  await dialog.getByRole('button', { name: 'Save merged text' }).click();
  await expect(dialog).toHaveCount(0);
  entry = (await api<GlossaryEntry[]>(server, 'listGlossary', { documentId: r.documentId }))[0];
  expect(entry).toMatchObject({ term: '王征', variants: ['王震'], note: 'CFO（財務長）', english: 'Wang Zheng', version: 3 });
  await expect(panel.getByTestId('glossary-entry').first()).toContainText('CFO（財務長）');
});
