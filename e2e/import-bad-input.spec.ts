/**
 * A file that is not text is refused in the import dialog with the core's message naming the
 * file (shared/text/encoding.ts, the same line the CLI prints); nothing is stored. A file whose
 * byte-order mark does not match its text names the right encoding, and choosing it imports.
 */
import { api, expect, test } from './fixtures';

test('a byte-order mark before no text is refused naming the file; the wrong byte order names the right one', async ({ app: page, server }) => {
  const listed = await api<{ id: number }[]>(server, 'listDocuments', {});
  const before = listed.length;
  const dialog = page.getByTestId('import-dialog');

  await page.getByTestId('file-input').setInputFiles({ name: 'junk.txt', mimeType: 'text/plain', buffer: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]) });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('junk.txt: The file starts with a UTF-16LE byte-order mark, but read as UTF-16LE it is not text');
  await expect(alert).toContainText('probably a binary file, or damaged');
  await expect(dialog.getByTestId('import-submit')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await api<unknown[]>(server, 'listDocuments', {})).length).toBe(before);

  const english = 'Quarterly revenue rose 12 percent.\nNet profit was flat.\n';
  await page.getByTestId('file-input').setInputFiles({ name: 'swapped.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(english, 'utf16le').swap16()]) });
  await expect(dialog.getByRole('alert')).toContainText('It reads as UTF-16BE text instead (the byte-order mark is wrong): choose UTF-16BE as the encoding');
  await dialog.getByTestId('import-encoding').selectOption('utf-16be');
  await expect(dialog.getByTestId('import-preview')).toContainText('Quarterly revenue rose 12 percent.');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByTestId('import-submit').click();
  await expect(dialog).toHaveCount(0);
  const after = await api<{ id: number }[]>(server, 'listDocuments', {});
  expect(after.length).toBe(before + 1);
  // other specs of this worker open the newest document: leave none behind
  for (const d of after.filter((x) => !listed.some((y) => y.id === x.id))) await api(server, 'trashDocument', { documentId: d.id });
});
