/**
 * Screenshots of the main screens for docs/screenshots/ (and for looking at them):
 * review light/dark/zh-Hant, editing, history, import dialog, palette, search results;
 * the English column, a dictionary gloss, machine translation settings, About / Licences.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { DocumentMeta, Segment } from '../shared/domain/schemas';
import { api, expect, MOD, ROOT, runCommand, test } from './fixtures';

const OUT = join(ROOT, 'docs', 'screenshots');
const SAMPLE = join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');
const ENGLISH = join(ROOT, 'tests', 'fixtures', 'parallel', 'sensetime-2023.en.txt');

test.describe.configure({ mode: 'serial' });

let sample: DocumentMeta;

test.beforeAll(async ({ server }) => {
  mkdirSync(OUT, { recursive: true });
  const docs = await api<DocumentMeta[]>(server, 'listDocuments', {});
  sample = docs.find((d) => d.fileName === 'sensetime-2023-results-call.zh-Hant.txt' && d.projectName === 'Samples')!;
  const segs = await api<Segment[]>(server, 'getSegments', { documentId: sample.id });
  // A realistic mid-review state: a few approved, one corrected, the rest unreviewed.
  const approve = segs.filter((s) => s.index >= 4 && s.index <= 7 && s.status !== 'approved').map((s) => s.id);
  if (approve.length) await api(server, 'setStatus', { segmentIds: approve, status: 'approved' });
  const s8 = segs[8];
  if (s8.text === s8.machineText) await api(server, 'editSegment', { segmentId: s8.id, text: s8.text.replace('相較於', '相比') });
});

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('grid')).toBeVisible();
  await page.getByTestId(`doc-${sample.id}`).getByRole('button', { name: /商湯/ }).first().click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯/);
  await page.getByTestId('row-8').click();
  await expect(page.getByTestId('row-8')).toHaveAttribute('aria-selected', 'true');
}

test('review screen: light, dark, zh-Hant, editing, history', async ({ page, server }) => {
  await openSample(page, server.url);
  await page.screenshot({ path: join(OUT, 'review-light.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(OUT, 'review-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-textarea')).toBeFocused();
  await page.screenshot({ path: join(OUT, 'editing.png') });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('revision').first()).toBeVisible();
  await page.screenshot({ path: join(OUT, 'history.png') });
  await page.keyboard.press('Alt+h');

  // Language: through the palette, then back.
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.getByTestId('status-bar')).toContainText('已儲存');
  await page.screenshot({ path: join(OUT, 'review-zh-Hant.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(OUT, 'review-zh-Hant-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('import dialog, command palette, search results, shortcuts', async ({ page, server }) => {
  await openSample(page, server.url);

  await page.getByTestId('file-input').setInputFiles({ name: 'sensetime-2023-results-call.zh-Hant.txt', mimeType: 'text/plain', buffer: readFileSync(SAMPLE) });
  await expect(page.getByTestId('import-preview')).toContainText('商湯');
  await page.screenshot({ path: join(OUT, 'import-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);

  await page.keyboard.press(`${MOD}+k`);
  await expect(page.getByTestId('palette')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'command-palette.png') });
  await page.keyboard.press('Escape');

  await page.keyboard.press(`${MOD}+f`);
  await page.keyboard.type('多模態');
  await expect(page.getByTestId('search-hit-0')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="grid-body"] [aria-selected="true"]')).toBeFocused();
  await page.screenshot({ path: join(OUT, 'search-results.png') });

  await page.keyboard.press('F1');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'shortcuts.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('paste-button').click();
  await page.getByTestId('paste-text').fill('第一段：這是貼上的文字。\n\n第二段：財務總監王征介紹了增長預期。');
  await page.screenshot({ path: join(OUT, 'paste-dialog.png') });
  await page.keyboard.press('Escape');
});

/** The middle of `ch` in the first occurrence of `word` in a cell, in page coordinates. */
async function pointInCell(page: Page, selector: string, word: string, ch: number): Promise<{ x: number; y: number }> {
  const p = await page.locator(selector).evaluate(
    (el, [w, k]) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(w as string);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i + (k as number));
        r.setEnd(n, i + (k as number) + 1);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return null;
    },
    [word, ch],
  );
  expect(p).not.toBeNull();
  return p!;
}

test('English column, dictionary gloss, machine translation settings, About and licences', async ({ page, server }) => {
  // The sample with its English rendering (first paragraphs), one English correction, one approved.
  await api(server, 'attachParallelText', { documentId: sample.id, kind: 'english', fileName: 'sensetime-2023.en.txt', data: readFileSync(ENGLISH).toString('base64') });
  const segs = await api<Segment[]>(server, 'getSegments', { documentId: sample.id });
  const s4 = segs[4];
  if (s4.english?.status === 'unreviewed') {
    await api(server, 'editEnglish', { segmentId: s4.id, text: s4.english.text.replace('held a results call', 'held its annual results call') });
    await api(server, 'setEnglishStatus', { segmentIds: [segs[6].id], status: 'approved' });
  }
  await openSample(page, server.url);
  await page.getByTestId('column-english').click();
  await page.getByTestId('row-4').click();
  await page.getByTestId('grid-body').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.getByTestId('english-4').locator('ins.diff-ins').first()).toBeVisible();
  await page.mouse.move(5, 895);
  await page.screenshot({ path: join(OUT, 'review-english.png') });

  // Hovering 算力 (the middle of 力: ICU's segmenter alone would give 力).
  await page.getByTestId('column-hans').click();
  const seg = segs.find((s) => s.text.includes('算力'))!;
  await page.getByTestId(`row-${seg.index}`).click();
  const cell = `[data-testid="row-${seg.index}"] .cell-hant`;
  const point = await pointInCell(page, cell, '算力', 1);
  await page.mouse.move(point.x - 30, point.y);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await expect(page.getByTestId('gloss-popover')).toBeVisible({ timeout: 15_000 }); // the first lookup builds the dictionary cache
  await expect(page.getByTestId('gloss-word')).toHaveText('算力');
  await expect(page.getByTestId('gloss-popover')).toContainText('computing power');
  await page.screenshot({ path: join(OUT, 'gloss-popover.png') });
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 895);

  // Machine translation settings, filled in for a local llama.cpp server (not saved).
  await runCommand(page, 'Machine Translation Settings');
  await expect(page.getByTestId('mt-key-storage')).toBeVisible();
  await page.getByTestId('mt-url').fill('http://127.0.0.1:8080/v1');
  await page.getByTestId('mt-model').fill('qwen2.5-7b-instruct');
  await page.screenshot({ path: join(OUT, 'mt-settings.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mt-settings')).toHaveCount(0);

  // About Jiaodui and licences.
  await runCommand(page, 'About Jiaodui');
  await expect(page.getByTestId('about-licences')).toBeVisible();
  await page.screenshot({ path: join(OUT, 'about-licences.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('column-hans').click();
});
