/**
 * Errors in the UI language (shared/error-messages.ts, renderer/src/i18n-errors.ts): in the
 * zh-Hant interface a refused import says why in Chinese — the message's key and parameters
 * came over the HTTP bridge beside the English text —, naming the file as the English does.
 */
import { join } from 'node:path';
import { api, expect, MOD, ROOT, test } from './fixtures';

test('the zh-Hant interface words an import refusal in Chinese (errors are key + params)', async ({ app: page, server }) => {
  const before = (await api<unknown[]>(server, 'listDocuments', {})).length;
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');

  const dialog = page.getByTestId('import-dialog');
  await page.getByTestId('file-input').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  const alert = dialog.getByRole('alert');
  await expect(alert).toHaveText('empty.txt：檔案是空的（0 位元組）。請選擇含有要校對文字的檔案。');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);

  // a PNG: the kind of file is worded in Chinese too; no English prose is left (names and extensions may stay)
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await page.getByTestId('file-input').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: png });
  await expect(alert).toContainText('scan.png：這看起來是PNG 圖片，不是純文字檔');
  const text = await alert.innerText();
  expect(text.replace(/scan\.png|PNG|UTF-8|\.txt/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'import-refused-zh-Hant.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  expect((await api<unknown[]>(server, 'listDocuments', {})).length).toBe(before);

  // back to English for the other tests of this worker
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
