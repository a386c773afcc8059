/**
 * Checks in the browser: the findings panel lists the 王震/王徵 name group on the sample,
 * and applying the suggested 王征 fixes both segments in one undoable step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { api, expect, MOD, ROOT, test } from './fixtures';
import type { ImportResult } from '../shared/domain/schemas';

test('the findings panel groups 王震 and 王徵; one click fixes both; undo restores', async ({ page, server }) => {
  const data = readFileSync(join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt')).toString('base64');
  const imported = await api<ImportResult>(server, 'importDocument', { fileName: 'checks-sample.txt', data, projectName: 'Checks e2e' });
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), imported.documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();

  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  await expect(panel).toBeVisible();
  const group = panel.locator('[data-testid="finding"][data-rule="entity-consistency"]').filter({ hasText: '王震' });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('王徵');
  // Jumping to a location highlights the finding in the text.
  await group.locator('.loc-btn').filter({ hasText: '王震' }).click();
  await expect(page.locator('mark.finding-hl')).toHaveText(['王震', '王震']); // Traditional and Simplified columns
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'findings.png') });

  const axe = await new AxeBuilder({ page }).include('[data-testid="findings-panel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);

  await group.getByTestId('fix-all').click();
  await expect(group).toHaveCount(0);
  const segments = await api<{ text: string; status: string }[]>(server, 'getSegments', { documentId: imported.documentId });
  const fixed = segments.filter((s) => s.text.includes('王征'));
  expect(fixed).toHaveLength(2);
  expect(segments.some((s) => s.text.includes('王震') || s.text.includes('王徵'))).toBe(false);
  await expect(page.locator('[role="row"] ins').filter({ hasText: '征' }).first()).toBeVisible();

  await page.keyboard.press('Escape');
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect
    .poll(async () => (await api<{ text: string }[]>(server, 'getSegments', { documentId: imported.documentId })).filter((s) => s.text.includes('王征')).length)
    .toBe(0);
});

test('the findings panel in zh-Hant words every message in Chinese (messages are key + params)', async ({ page, server }) => {
  const data = readFileSync(join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt')).toString('base64');
  const imported = await api<ImportResult>(server, 'importDocument', { fileName: 'checks-zh.txt', data, projectName: 'Checks zh-Hant' });
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), imported.documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');

  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  await expect(panel).toBeVisible();
  const group = panel.locator('[data-testid="finding"][data-rule="entity-consistency"]').filter({ hasText: '王震' });
  await expect(group.locator('.finding-msg')).toContainText('可能是同一人');
  const messages = await panel.locator('.finding-msg').allInnerTexts();
  expect(messages.length).toBeGreaterThan(5);
  // no English prose: names such as OpenCC and role abbreviations may stay
  const english = messages.filter((m) => /[A-Za-z]{3,}/.test(m.replace(/OpenCC|CEO|CFO|COO|CTO/g, '')));
  expect(english).toEqual([]);
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'findings-zh-Hant.png') });

  // back to English for the other tests of this worker
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test("s2twp's Taiwan words are one card per place, each with its own Fix and no Fix all", async ({ page, server }) => {
  // our own Taiwan writing (設備, 數據, 項目) through OpenCC's t2s then s2twp: the converter wrote 裝置, 資料, 專案
  const text = [
    '新竹一家半導體裝置商今天公佈第三季財報，營收年增18%，主要來自先進封裝裝置出貨。',
    '公司表示，客戶端的庫存資料已見改善，今年新建的廠房專案也按進度推進。',
    '財務長指出，臺灣與日本的訂單資料顯示，工廠裡的裝置明年仍需擴充。',
  ].join('\n\n');
  const imported = await api<ImportResult>(server, 'importDocument', { fileName: 'checks-s2twp.txt', data: Buffer.from(text).toString('base64'), projectName: 'Checks s2twp' });
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), imported.documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();

  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  const vocabulary = panel.locator('[data-testid="finding"][data-rule="conversion-ambiguity"]').filter({ hasText: 'check this one in its sentence' });
  const cards = (word: string) => vocabulary.filter({ has: page.locator('mark.finding-hit', { hasText: word }) });
  await expect(vocabulary).toHaveCount(6);
  await expect(cards('裝置')).toHaveCount(3);
  await expect(cards('資料')).toHaveCount(2);
  await expect(cards('專案')).toHaveCount(1);
  // every card: one place, its own Fix, no Fix all
  await expect(vocabulary.getByTestId('fix-all')).toHaveCount(0);
  await expect(vocabulary.getByTestId('fix-one')).toHaveCount(6);
  await expect(vocabulary.locator('.loc-btn')).toHaveCount(6);
  await expect(cards('裝置').first().getByTestId('fix-one')).toHaveText('Fix → 設備');
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'findings-vocabulary-places.png') });

  // fixing one place leaves the others (a writer's own 裝置 stays until the reviewer decides)
  await cards('裝置').first().getByTestId('fix-one').click();
  await expect(cards('裝置')).toHaveCount(2);
  const segments = await api<{ text: string }[]>(server, 'getSegments', { documentId: imported.documentId });
  expect(segments.map((s) => [...s.text.matchAll(/裝置|設備/g)].map((m) => m[0]))).toEqual([['設備', '裝置'], [], ['裝置']]);
});
