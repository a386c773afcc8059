/**
 * Screenshots of the main screens for docs/screenshots/ (and for looking at them):
 * review light/dark/zh-Hant, editing, history, import dialog, palette, search results.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { DocumentMeta, Segment } from '../shared/domain/schemas';
import { api, expect, MOD, ROOT, test } from './fixtures';

const OUT = join(ROOT, 'docs', 'screenshots');
const SAMPLE = join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt');

test.describe.configure({ mode: 'serial' });

let sample: DocumentMeta;

test.beforeAll(async ({ server }) => {
  mkdirSync(OUT, { recursive: true });
  const docs = await api<DocumentMeta[]>(server, 'listDocuments', {});
  sample = docs.find((d) => d.fileName === 'sensetime-2023-results-call.zh-Hant.txt')!;
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
