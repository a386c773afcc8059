/**
 * One card per place across scopes: the project check's finding and the document's own at the
 * same place are one card with both reasons; Dismiss dismisses both.
 */
import { api, importOwn, expect, MOD, test, openDocument } from './fixtures';

// our own sentences: 爲 three times and 為 once in the first document, 爲 only in the other two
const A = '董事會認爲今年營收將成長。\n\n公司因爲需求增加而擴產。\n\n管理層以爲市場仍有空間。\n\n公司將為客戶提供新服務。\n';
const B = '分析師認爲股價仍被低估。\n\n公司因爲成本下降而獲利。\n';
const C = '董事長認爲景氣已經回升。\n\n市場以爲降息在即。\n';

test('a project check’s finding and the document’s own at one place: one card with both reasons, dismissed together', async ({ page, server }) => {
  const [a] = await Promise.all(
    [A, B, C].map((t, i) => importOwn(server, { fileName: `${'abc'[i]}.txt`, data: Buffer.from(t).toString('base64'), projectName: 'Cards e2e' })),
  );
  await api(server, 'runChecks', { documentId: a.documentId });
  await openDocument(page, server, a.documentId);
  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  const cards = panel.locator('[data-testid="finding"][data-rule="variant-mixing"]');
  await expect(cards).toHaveCount(1);
  await expect(cards).not.toContainText('2 reasons');
  await panel.getByRole('button', { name: 'Project', exact: true }).click();
  // still one card at 為, now with the project's reason too
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('flagged for 2 reasons');
  await expect(cards).toContainText('this project mostly uses 爲');
  await cards.getByTestId('dismiss').click();
  // Escape takes the reason field away and gives the keyboard back to Dismiss…; Enter asks again
  await cards.getByRole('textbox').press('Escape');
  await expect(cards.getByTestId('dismiss')).toBeFocused();
  await page.keyboard.press('Enter');
  await cards.getByRole('textbox').fill('house style');
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(0);
  const stored = await api<{ findings: { rule: string; scope: string; dismissedReason: string | null; mergedIds?: number[] }[] }>(server, 'listFindings', { documentId: a.documentId });
  const mixing = stored.findings.filter((f) => f.rule === 'variant-mixing');
  expect(mixing.map((f) => [f.dismissedReason, f.mergedIds?.length])).toEqual([['house style', 1]]);
});

// a fourth document with 為 once among 爲: the project's minority places are in the first and this one
const D = '董事會認爲需求增加。\n\n管理層以爲市場仍有空間。\n\n公司將為員工加薪。\n';

test('Fix all on a merged card fixes every group it shows (this document’s place and another document’s)', async ({ page, server }) => {
  const [a, , , d] = await Promise.all(
    [A, B, C, D].map((t, i) => importOwn(server, { fileName: `${'abcd'[i]}.txt`, data: Buffer.from(t).toString('base64'), projectName: 'Cards fix all e2e' })),
  );
  await api(server, 'runChecks', { documentId: a.documentId });
  await openDocument(page, server, a.documentId);
  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  await panel.getByRole('button', { name: 'Project', exact: true }).click();
  const cards = panel.locator('[data-testid="finding"][data-rule="variant-mixing"]');
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('flagged for 2 reasons');
  await page.screenshot({ path: 'test-results/merged-card-fix-all.png' });
  await cards.getByTestId('fix-all').click();
  await expect(cards).toHaveCount(0);
  const texts = async (documentId: number) => (await api<{ text: string }[]>(server, 'getSegments', { documentId })).map((s) => s.text);
  expect(await texts(a.documentId)).toContain('公司將爲客戶提供新服務。');
  expect(await texts(d.documentId)).toContain('公司將爲員工加薪。');
});

test('a save that adds a half-width mark: the card counts it at once (no Run checks)', async ({ page, server }) => {
  // our own sentences: two half-width commas in the first row, none in the second
  const text = '公司今天公布財報,營收成長,獲利持平。\n\n董事長表示，明年將擴大投資。\n';
  const a = await importOwn(server, { fileName: 'halfwidth.txt', data: Buffer.from(text).toString('base64'), projectName: 'Cards halfwidth e2e' });
  await openDocument(page, server, a.documentId);
  await page.keyboard.press(`${MOD}+Shift+F`);
  const card = page.getByTestId('findings-panel').locator('[data-testid="finding"][data-rule="halfwidth-punctuation"]');
  await expect(card).toContainText('2 half-width punctuation marks in Chinese text (2× ,)');
  // the second row gets one too, saved from its editor
  await page.getByTestId('row-1').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  await editor.fill('董事長表示,明年將擴大投資。');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(card).toContainText('3 half-width punctuation marks in Chinese text (3× ,)');
  await expect(card.locator('.loc-btn')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/halfwidth-card-after-save.png' });
});
