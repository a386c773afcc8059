/**
 * The library beside a side panel (renderer/src/state/library-room.ts): on a window too narrow for
 * the library, the grid and a panel together, opening a panel lays the library aside until the
 * panel closes; Ctrl+L shows it beside that panel anyway; a wide window keeps both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, importOwn, MOD, openDocument, ROOT, test } from './fixtures';

test('at 1280 px a side panel lays the library aside while it is open; Ctrl+L shows it anyway; at 1440 px both stay', async ({ page, server }) => {
  const data = readFileSync(join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt')).toString('base64');
  const imported = await importOwn(server, { fileName: 'library-room.txt', data, projectName: 'Library room' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDocument(page, server, imported.documentId);
  const library = page.getByTestId('library');
  const toggle = page.getByTestId('toggle-library');
  await expect(library).toBeVisible();

  await page.keyboard.press(`${MOD}+Shift+F`);
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await expect(library).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // the grid keeps its room: wider than with the library beside the panel
  const grid = page.getByTestId('grid');
  const aside = (await grid.boundingBox())!.width;
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'library-aside-1280.png') });

  // Ctrl+L: the library beside this panel anyway, and aside again
  await page.keyboard.press(`${MOD}+l`);
  await expect(library).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect((await grid.boundingBox())!.width).toBeLessThan(aside - 200);
  // kept beside that panel only: another panel lays it aside again
  await page.locator('header').getByRole('button', { name: 'Glossary' }).click();
  await expect(page.getByTestId('glossary-add')).toBeVisible();
  await expect(library).toBeHidden();
  await page.keyboard.press(`${MOD}+Shift+F`);
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await expect(library).toBeHidden();
  await page.keyboard.press(`${MOD}+l`);
  await expect(library).toBeVisible();
  await toggle.click();
  await expect(library).toBeHidden();

  // the panel closed: the library is back, as chosen
  await page.getByTestId('findings-panel').getByRole('button', { name: /close/i }).click();
  await expect(page.getByTestId('findings-panel')).toHaveCount(0);
  await expect(library).toBeVisible();

  // a wide window keeps both
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press(`${MOD}+Shift+F`);
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await expect(library).toBeVisible();
  // narrowed with the panel open: laid aside; widened again: back
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(library).toBeHidden();
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(library).toBeVisible();
});
