/**
 * The Export dialog: reading copies leave page furniture out by default (the option follows the
 * format), and the change report is written in the UI language with the browser's time zone.
 */
import { readFileSync } from 'node:fs';
import { api, importOwn, expect, MOD, test } from './fixtures';

test.use({ timezoneId: 'Asia/Taipei' });

test('the furniture option follows the format; the report carries the browser’s time zone and the UI language', async ({ page, server }) => {
  const text = 'share_log\n\n董事長王震表示，收入爲11.8億。\n\n搶先評論\n';
  const r = await importOwn(server, { fileName: 'dialog.txt', data: Buffer.from(text, 'utf8').toString('base64'), projectName: 'Export dialog', title: 'Dialog export' });
  const furniture = (await api<{ furniture: string | null }[]>(server, 'getSegments', { documentId: r.documentId })).filter((s) => s.furniture);
  expect(furniture.length).toBeGreaterThan(0);
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), r.documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /Dialog export/);
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+e`);
  const dialog = page.getByTestId('export-dialog');
  const box = dialog.getByTestId('export-furniture');
  await expect(box).toBeChecked(); // txt: kept
  for (const f of ['md', 'html', 'docx']) {
    await dialog.getByTestId('export-format').selectOption(f);
    await expect(box, f).not.toBeChecked();
  }
  await dialog.getByTestId('export-format').selectOption('html');
  const [reading] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  const html = readFileSync((await reading.path())!, 'utf8');
  expect(html).toContain('董事長王震表示');
  expect(html).not.toContain('share_log');

  await page.keyboard.press(`${MOD}+e`);
  await dialog.getByTestId('export-format').selectOption('html');
  await box.check();
  const [kept] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  expect(readFileSync((await kept.path())!, 'utf8')).toContain('share_log');

  // the change report in Traditional Chinese, times in the browser's zone
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+e`);
  await dialog.getByTestId('export-format').selectOption('report-html');
  const [report] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  const content = readFileSync((await report.path())!, 'utf8');
  expect(content).toContain('<html lang="zh-Hant">');
  expect(content).toContain('時間為 Asia/Taipei（UTC+08:00）');

  // back to English for the other tests of this worker
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
