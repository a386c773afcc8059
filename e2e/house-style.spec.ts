/**
 * A project's house style for standard forms (shared/checks/house-style.ts): unset, the converter's
 * 佔 is an information card naming the setting; set to the standard forms in the project's settings
 * (the library's settings button), the card becomes a warning; in Traditional Chinese the dialog
 * speaks it. Writes docs/screenshots/house-style-card.png, house-style-settings.png and
 * house-style-settings.zh-Hant.png.
 */
import { join } from 'node:path';
import { api, importOwn, expect, MOD, ROOT, test, openDocument } from './fixtures';
import type { ProjectSettings } from '../shared/domain/schemas';
import { getConverter } from '../shared/text/convert';

const SHOTS = join(ROOT, 'docs', 'screenshots');
// our own Taiwan release with the Ministry's 占 and 拚, as a converter hands it over: 佔 and 拼
const RELEASE = '電動機車廠今天公布上月營收新台幣18.6億元，年增9%，換電站營收占比升至三成。\n\n總經理說，下半年拚海外市場，電池業務占營收約15%，台北與高雄門市同步擴點。\n';
const CONVERTED = getConverter('s2tw').convert(getConverter('t2s').convert(RELEASE));

// The specs share one server (fixtures.ts): importOwn trashes ours; put the UI language back, pass or fail.
test.afterEach(async ({ server }) => {
  await api(server, 'updateSettings', { locale: 'en' });
});

test('standard forms: information while unset, a warning once the project keeps the standard forms; both UI languages', async ({ page, server }) => {
  const doc = await importOwn(server, { fileName: 'scooters.txt', data: Buffer.from(CONVERTED).toString('base64'), projectName: 'House style e2e' });
  const projectId = (await api<{ projectId: number }>(server, 'getDocument', { documentId: doc.documentId })).projectId;
  await api(server, 'runChecks', { documentId: doc.documentId });
  await page.setViewportSize({ width: 1400, height: 900 });
  await openDocument(page, server, doc.documentId);
  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  const card = panel.locator('[data-testid="finding"][data-rule="taiwan-standard"]', { hasText: '佔' });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Set Standard forms in the project's settings");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'house-style-card.png') });

  const library = page.getByTestId('library');
  await library.getByTestId(`project-settings-${projectId}`).click();
  const dialog = page.getByTestId('project-settings-dialog');
  await expect(dialog).toContainText('Standard forms (house style)');
  await expect(dialog.getByTestId('standard-forms-unset')).toBeChecked();
  await expect(dialog.getByTestId('standard-forms-version')).toContainText('Nobody has set it yet.');
  await dialog.getByTestId('standard-forms-ministry').check();
  await page.screenshot({ path: join(SHOTS, 'house-style-settings.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Checks re-run in 1 document.')).toBeVisible();
  // the card is now a warning with the standard's message
  await expect(card).toContainText("is the form the converter (OpenCC) writes; Taiwan's standard is 占");
  expect((await api<ProjectSettings>(server, 'getProjectSettings', { projectId })).standardForms).toBe('ministry');

  // someone else changes it meanwhile: the window's save is refused, nothing is overwritten
  await library.getByTestId(`project-settings-${projectId}`).click();
  await expect(dialog.getByTestId('standard-forms-ministry')).toBeChecked();
  await dialog.getByTestId('standard-forms-unset').check();
  await api(server, 'updateProjectSettings', { projectId, standardForms: 'press', version: 1 });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/changed by .* to "press" since you read them/)).toBeVisible();
  expect((await api<ProjectSettings>(server, 'getProjectSettings', { projectId })).standardForms).toBe('press');
  await expect(dialog.getByTestId('standard-forms-press')).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Traditional Chinese
  await api(server, 'updateSettings', { locale: 'zh-Hant' });
  await page.reload();
  await expect(page.getByTestId('grid')).toBeVisible();
  await page.getByTestId('library').getByTestId(`project-settings-${projectId}`).click();
  await expect(dialog).toContainText('標準用字（用字慣例）');
  await expect(dialog).toContainText('報章慣用（兩種寫法皆可）');
  await page.screenshot({ path: join(SHOTS, 'house-style-settings.zh-Hant.png') });
  await api(server, 'updateSettings', { locale: 'en' });
});
