/**
 * Dictionary glosses and machine translation in browser mode: hovering 算力 in the sample
 * shows its CC-CEDICT entry; machine translation against a fake OpenAI-compatible server
 * started here (the browser-mode server makes the requests from Node): settings, cancel
 * mid-job, then translate everything untranslated with progress; About / Licences. The gloss
 * from the keyboard (Look Up Word, Alt+D), and the undo label in Traditional Chinese.
 */
import { startFakeProvider, type FakeProvider } from '../core/mt/testing';
import { api, expect, holdChunk, MOD, runCommand, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import type { DocumentMeta, Segment } from '../shared/domain/schemas';
import type { MtJob } from '../shared/mt/schemas';

let fake: FakeProvider;
test.beforeAll(async () => {
  fake = await startFakeProvider('openai');
});
test.afterAll(async () => {
  await fake.close();
});

/** The sample itself (other specs in this worker import copies of it), open on the page. */
async function sampleDocument(server: Parameters<typeof api>[0], page: Page): Promise<DocumentMeta> {
  const docs = await api<DocumentMeta[]>(server, 'listDocuments', {});
  const doc = docs.find((d) => d.fileName === 'sensetime-2023-results-call.zh-Hant.txt' && d.projectName === 'Samples') ?? docs.find((d) => d.fileName === 'sensetime-2023-results-call.zh-Hant.txt')!;
  await page.evaluate((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), doc.id);
  await page.reload();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯/);
  await expect(page.getByTestId('status-bar')).toBeVisible();
  return doc;
}

/** Go to a segment with Ctrl+G (by its number in the grid, index + 1). */
async function gotoSegment(page: Page, seg: Segment): Promise<void> {
  await page.keyboard.press(`${MOD}+g`);
  await page.getByTestId('goto-input').fill(String(seg.index + 1));
  await page.getByTestId('goto-input').press('Enter');
}

/** Go to the first segment of `doc` with 算力, and see it in the segment's Traditional cell. */
async function gotoSuanli(server: Parameters<typeof api>[0], page: Page, doc: DocumentMeta): Promise<{ seg: Segment; cell: Locator }> {
  const segs = await api<Segment[]>(server, 'getSegments', { documentId: doc.id });
  const seg = segs.find((s) => s.text.includes('算力'))!;
  await gotoSegment(page, seg);
  const cell = page.getByTestId(`row-${seg.index}`).locator('.cell-hant');
  await expect(cell).toContainText('算力');
  return { seg, cell };
}

test('hovering 算力 in the sample shows its dictionary entry', async ({ app: page, server }) => {
  const doc = await sampleDocument(server, page);
  const { cell } = await gotoSuanli(server, page, doc);
  // the middle of 力 (ICU's segmenter alone would give 力)
  const point = await cell.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf('算力');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + 1);
      r.setEnd(n, i + 2);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.move(point!.x - 30, point!.y);
  await page.mouse.move(point!.x, point!.y, { steps: 3 });
  const pop = page.getByTestId('gloss-popover');
  await expect(pop).toBeVisible({ timeout: 15_000 }); // the first lookup builds the dictionary cache
  await expect(page.getByTestId('gloss-word')).toHaveText('算力');
  await expect(pop).toContainText('suàn lì');
  await expect(pop).toContainText('computing power');
  await expect(pop.getByTestId('gloss-entry').first()).toHaveAttribute('data-source', 'cc-cedict');
  await page.screenshot({ path: test.info().outputPath('gloss-popover.png') });
  // the glossed word is highlighted in the text (CSS Custom Highlight API), the DOM untouched
  expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('jiaodui-gloss'))).toBe(true);
  // moving away or pressing Escape hides it
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);
});

test("Alt+D pressed before the dictionary popover's code arrived opens the gloss when it arrives", async ({ app: page, server }) => {
  // hold the popover's chunk (lazy.tsx): the key is pressed while nothing handles it yet
  const chunk = await holdChunk(page, '**/assets/GlossPopover-*.js');
  const doc = await sampleDocument(server, page);
  const { seg } = await gotoSuanli(server, page, doc);
  await expect.poll(chunk.asked).toBe(true);
  const first = seg.text.search(/\p{Script=Han}/u);
  const expected = await api<{ word: string }>(server, 'glossAt', { text: seg.text, offset: first, documentId: doc.id });
  await page.keyboard.press('Alt+d');
  const pop = page.getByTestId('gloss-popover');
  await expect(pop).toHaveCount(0);
  chunk.release();
  await expect(pop).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('gloss-word')).toHaveText(expected.word);
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);
});

test('Look Up Word (Alt+D) opens the gloss from the keyboard: the caret in the editor, else the first word of the segment; Esc returns the focus', async ({ app: page, server }) => {
  const doc = await sampleDocument(server, page);
  const { seg } = await gotoSuanli(server, page, doc);
  const pop = page.getByTestId('gloss-popover');

  // no caret or selection: the first Han word of the selected segment
  const first = seg.text.search(/\p{Script=Han}/u);
  const expected = await api<{ word: string }>(server, 'glossAt', { text: seg.text, offset: first, documentId: doc.id });
  await page.evaluate(() => ((window as unknown as { __before: Element | null }).__before = document.activeElement));
  await page.keyboard.press('Alt+d');
  await expect(pop).toBeVisible({ timeout: 15_000 }); // the first lookup may build the dictionary cache
  await expect(pop).toHaveAttribute('role', 'dialog');
  await expect(page.getByTestId('gloss-word')).toHaveText(expected.word);
  await expect(pop).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement === (window as unknown as { __before: Element | null }).__before)).toBe(true);

  // in the editor: the word at the caret (between 算 and 力)
  await page.keyboard.press('Enter');
  const ta = page.getByTestId('edit-textarea');
  await expect(ta).toBeFocused();
  await ta.evaluate((el: HTMLTextAreaElement) => {
    const i = el.value.indexOf('算力') + 1;
    el.setSelectionRange(i, i);
  });
  await page.keyboard.press('Alt+d');
  await expect(pop).toBeVisible();
  await expect(page.getByTestId('gloss-word')).toHaveText('算力');
  await expect(pop).toContainText('computing power');
  await expect(pop).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('gloss-keyboard.png') });
  // Esc closes the popover only: the editor keeps its text and caret
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);
  await expect(ta).toBeFocused();
  expect(await ta.evaluate((el: HTMLTextAreaElement) => el.selectionStart - el.value.indexOf('算力'))).toBe(1);
  await page.keyboard.press('Escape');
  await expect(ta).toHaveCount(0);

  // the command is in the palette (and so in the menus)
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('Look Up Word');
  await expect(page.getByTestId('palette')).toContainText('Alt+D');
  await page.keyboard.press('Escape');
});

test('in Traditional Chinese the status bar names the undo step, and About the licences, in Chinese', async ({ app: page, server }) => {
  await api(server, 'updateSettings', { locale: 'zh-Hant' });
  try {
    const doc = await sampleDocument(server, page);
    const segs = await api<Segment[]>(server, 'getSegments', { documentId: doc.id });
    const seg = segs.filter((s) => !s.furniture).at(-1)!;
    await gotoSegment(page, seg);
    await page.keyboard.press('Enter');
    await page.getByTestId('edit-textarea').fill(`${seg.text}（校）`);
    await page.keyboard.press('Enter');
    const undo = page.getByTestId('undo-label');
    await expect(undo).toHaveText(`復原：編輯第 ${seg.index + 1} 段`);
    await page.keyboard.press(`${MOD}+z`);
    // Undone (the worker's server is shared, so the step now on top may be any earlier one,
    // even an edit of this same segment): the text is back, and the label is still Chinese.
    await expect.poll(async () => (await api<Segment[]>(server, 'getSegments', { documentId: doc.id })).find((s) => s.id === seg.id)?.text).toBe(seg.text);
    await expect(undo).toHaveText(/[\u4e00-\u9fff]/);
    await expect(undo).not.toContainText('Edit segment');

    // the licences say what each item is for in Chinese too
    await runCommand(page, 'About Jiaodui');
    const cedict = page.getByTestId('about-licence-row').filter({ hasText: 'CC-BY-SA-4.0' });
    await expect(cedict.getByTestId('about-use')).toContainText('辭典釋義');
    await expect(cedict.getByTestId('about-copyright')).toHaveText('© MDBG 及 CC-CEDICT 貢獻者');
    await page.keyboard.press('Escape');
  } finally {
    await api(server, 'updateSettings', { locale: 'en' });
  }
});

test('machine translation: settings, cancel mid-job, translate all untranslated with progress', async ({ app: page, server }) => {
  const doc = await sampleDocument(server, page);
  await runCommand(page, 'Machine Translation Settings');
  const dialog = page.getByTestId('mt-settings');
  await expect(dialog).toBeVisible();
  await page.getByTestId('mt-url').fill(fake.url);
  await page.getByTestId('mt-model').fill('fake-model');
  await page.getByTestId('mt-rps').fill('50');
  await page.getByTestId('mt-key').fill('sk-e2e-secret');
  // browser mode: the key lives in memory only, and the dialog says so
  await expect(page.getByTestId('mt-key-storage')).toContainText('this session only');
  // …as information, not in the colour of errors
  const [note, danger] = await page.getByTestId('mt-key-storage').evaluate((el) => {
    const probe = el.appendChild(document.createElement('span'));
    probe.style.color = 'var(--danger)';
    const colours = [getComputedStyle(el).color, getComputedStyle(probe).color];
    probe.remove();
    return colours;
  });
  expect(note).not.toBe(danger);
  await page.getByTestId('mt-save').click();
  await expect(dialog).toHaveCount(0);
  const settings = await api<Record<string, unknown>>(server, 'getMtSettings', {});
  expect(settings).toMatchObject({ url: fake.url, model: 'fake-model', keySet: true, keyStorage: 'session' });
  expect(JSON.stringify(settings)).not.toContain('sk-e2e-secret');

  // a slow provider: cancel after a few segments
  fake.delayMs = 250;
  await runCommand(page, 'Machine-Translate All Untranslated');
  const progress = page.getByTestId('mt-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-state', 'running');
  await expect.poll(async () => Number(await page.getByTestId('mt-progress-bar').getAttribute('value')), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.getByTestId('mt-cancel').click();
  await expect(progress).toHaveAttribute('data-state', 'cancelled');
  const bar = page.getByTestId('mt-progress-bar');
  const done = Number(await bar.getAttribute('value'));
  const total = Number(await bar.getAttribute('max'));
  expect(done).toBeLessThan(total);
  await page.getByTestId('mt-close').click();
  await expect(progress).toHaveCount(0);
  const requestsAtCancel = fake.requests.length;
  await page.waitForTimeout(600);
  expect(fake.requests.length).toBeLessThanOrEqual(requestsAtCancel + 1);

  // the rest, quickly: only what is still untranslated is sent
  fake.delayMs = 0;
  await runCommand(page, 'Machine-Translate All Untranslated');
  await expect(progress).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('translate-done.png') });
  const rest = Number(await bar.getAttribute('max'));
  expect(rest).toBe(total - done);
  await expect(page.getByTestId('mt-progress-label')).toHaveText(`${rest} of ${rest} segments`);
  expect(fake.requests.every((r) => r.headers.authorization === 'Bearer sk-e2e-secret')).toBe(true);

  const segs = await api<Segment[]>(server, 'getSegments', { documentId: doc.id });
  const prose = segs.filter((s) => !s.furniture);
  expect(prose.every((s) => s.english?.text === `EN(${s.text})`)).toBe(true);
  // machine output awaits review, and the whole job is one undo step
  expect(prose.every((s) => s.english?.status === 'unreviewed')).toBe(true);
  await expect(page.getByTestId('status-bar')).toContainText(`Machine-translate ${rest} segments`);
  await page.getByTestId('mt-close').click();

  // nothing left: a notice, no job
  await runCommand(page, 'Machine-Translate All Untranslated');
  await expect(page.getByText('Nothing to translate')).toBeVisible();
  const job = await api<MtJob>(server, 'startTranslation', { documentId: doc.id, scope: 'untranslated' });
  expect(job.total).toBe(0);
});

test('About and licences lists CC-CEDICT and every library', async ({ app: page }) => {
  await runCommand(page, 'About Jiaodui and Licences');
  const about = page.getByTestId('about-dialog');
  await expect(about).toBeVisible();
  await expect(page.getByTestId('about-cedict')).toContainText('CC-CEDICT');
  await expect(about).toContainText('CC-BY-SA-4.0');
  await expect(about).toContainText('Apache-2.0');
  await expect(about.locator('[data-npm="better-sqlite3"]')).toContainText('MIT');
  await page.keyboard.press('Escape');
  await expect(about).toHaveCount(0);
});
