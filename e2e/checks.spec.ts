/**
 * Checks in the browser: the findings panel lists the 王震/王徵 name group on the sample,
 * and applying the suggested 王征 fixes both segments in one undoable step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, importOwn, expect, MOD, ROOT, test, openDocument } from './fixtures';

/** Import our own paragraphs as a document of `projectName`, open it and the findings panel; the panel and its per-place card of conversion-ambiguity. */
async function openOwnFindings(page: Page, server: Parameters<typeof importOwn>[0], paragraphs: string[], fileName: string, projectName: string) {
  const imported = await importOwn(server, { fileName, data: Buffer.from(paragraphs.join('\n\n')).toString('base64'), projectName });
  await openDocument(page, server, imported.documentId);
  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  return { imported, panel, family: panel.locator('[data-testid="finding-places"][data-rule="conversion-ambiguity"]') };
}

test('the findings panel groups 王震 and 王徵; one click fixes both; undo restores', async ({ page, server }) => {
  const data = readFileSync(join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt')).toString('base64');
  const imported = await importOwn(server, { fileName: 'checks-sample.txt', data, projectName: 'Checks e2e' });
  await openDocument(page, server, imported.documentId);

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
  const imported = await importOwn(server, { fileName: 'checks-zh.txt', data, projectName: 'Checks zh-Hant' });
  await openDocument(page, server, imported.documentId);
  await switchLanguage(page);
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
  await switchLanguage(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test("a company's name the converter could not spell: one card for its places, Fix all, and the card in zh-Hant", async ({ page, server }) => {
  // our own Taiwan report (宏樑開發, 采豐生活) through OpenCC's t2s then s2t: the converter wrote 梁 and 採
  const { imported, panel } = await openOwnFindings(
    page,
    server,
    [
      '宏梁開發今天公佈上半年財報，營收爲新臺幣12億元，較去年同期增加一成二，毛利率也同步改善。',
      '公司表示，新建案銷售順利，宏梁明年將再推出兩個住宅案，預計全年營收可望創新高。',
      '百貨業者採豐生活（2945）指出，春節期間來客數成長，採豐會員人數也創新高。',
    ],
    'checks-company-names.txt',
    'Checks company names',
  );
  const card = (name: string) => panel.locator('[data-testid="finding"][data-rule="conversion-ambiguity"]').filter({ has: page.locator('.finding-msg', { hasText: `${name}: a company's name` }) });
  await expect(card('宏梁')).toHaveCount(1);
  await expect(card('宏梁').locator('.finding-msg')).toContainText('Check how the company spells its name — perhaps 宏樑');
  await expect(card('宏梁').locator('.loc-btn')).toHaveCount(2);
  await expect(card('採豐').locator('.finding-msg')).toContainText('perhaps 采豐');
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'findings-company-name.png') });

  await card('宏梁').getByTestId('fix-all').click();
  await expect(card('宏梁')).toHaveCount(0);
  await expect(card('採豐')).toHaveCount(1);
  const texts = (await api<{ text: string }[]>(server, 'getSegments', { documentId: imported.documentId })).map((s) => s.text).join('');
  expect(texts).toContain('宏樑開發');
  expect(texts).not.toContain('宏梁');

  await switchLanguage(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  const zh = panel.locator('[data-testid="finding"][data-rule="conversion-ambiguity"]').filter({ hasText: '經機器轉換的公司名稱' });
  await expect(zh.locator('.finding-msg')).toContainText('請核對公司自己的寫法，可能應為采豐');
  await switchLanguage(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

/** Switch the UI language from the command palette, waiting for the palette's command before choosing it (a loaded machine). */
async function switchLanguage(page: Page): Promise<void> {
  await page.keyboard.press(`${MOD}+k`);
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('language');
  await expect(page.getByTestId('palette-item-view.language')).toBeVisible();
  await page.keyboard.press('Enter');
}

test("s2twp's Taiwan words: one card, the explanation once, a short line per place with its own Fix and Dismiss (keyboard)", async ({ page, server }) => {
  // our own Taiwan writing (設備, 用戶, 項目) through OpenCC's t2s then s2twp: the converter wrote 裝置, 使用者, 專案
  const { imported, panel, family } = await openOwnFindings(
    page,
    server,
    [
      '新竹一家半導體裝置商今天公佈第三季財報，營收年增18%，主要來自先進封裝裝置出貨。',
      '公司表示，客戶端的使用者數已見改善，今年新建的廠房專案也按進度推進。',
      '財務長指出，臺灣與日本的使用者調查顯示，工廠裡的裝置明年仍需擴充。',
    ],
    'checks-s2twp.txt',
    'Checks s2twp',
  );
  // the document's s2twp words are one family: one card, its places in text order
  const lines = family.getByTestId('finding-place');
  const linesOf = (word: string) => lines.filter({ has: page.locator('mark.finding-hit', { hasText: word }) });
  await expect(family).toHaveCount(1);
  await expect(lines.locator('mark.finding-hit')).toHaveText(['裝置', '裝置', '使用者', '專案', '使用者', '裝置']);
  await expect(family.getByTestId('places-count')).toHaveText('6 places');
  // the explanation once, no per-place repetition; no place is a long card of its own any more
  await expect(family.locator('.finding-msg')).toHaveCount(1);
  await expect(family.locator('.finding-msg')).toContainText("This document reads as the output of OpenCC's Taiwan phrasing (s2twp)");
  await expect(family.locator('.finding-msg')).toContainText('(裝置、使用者、專案)');
  await expect(panel.locator('[data-testid="finding"]').filter({ hasText: 'check this one in its sentence' })).toHaveCount(0);
  // every line: its place in context, its own Fix and Dismiss; no Fix all on the card
  await expect(family.getByTestId('fix-all')).toHaveCount(0);
  await expect(family.getByTestId('fix-one')).toHaveText(['Fix → 設備', 'Fix → 設備', 'Fix → 用戶', 'Fix → 項目', 'Fix → 用戶', 'Fix → 設備']);
  await expect(family.getByTestId('dismiss')).toHaveCount(6);
  await expect(lines.first().locator('.finding-quote')).toHaveText('家半導體裝置商今天公');
  // each line is one short row inside the card: place, Fix and Dismiss… side by side, nothing cut off
  const cardBox = (await family.boundingBox())!;
  for (const line of await lines.all()) {
    const [place, fixButton, dismissButton] = await Promise.all([line.locator('.loc-btn'), line.getByTestId('fix-one'), line.getByTestId('dismiss')].map(async (l) => (await l.boundingBox())!));
    expect(dismissButton.x + dismissButton.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    expect(Math.abs(place.y - fixButton.y)).toBeLessThan(8);
    expect(Math.abs(fixButton.y - dismissButton.y)).toBeLessThan(8);
  }
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'findings-vocabulary-places.png') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="findings-panel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);

  // keyboard: from a place's jump button, Tab reaches its Fix; Enter fixes that place only, and the
  // keyboard goes on to the next place's jump button (never its Fix: each place is looked at)
  await lines.first().locator('.loc-btn').focus();
  await page.keyboard.press('Tab');
  await expect(lines.first().getByTestId('fix-one')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(linesOf('裝置')).toHaveCount(2);
  await expect(lines.first().locator('.loc-btn')).toBeFocused();
  await expect(lines.first().locator('.finding-quote')).toHaveText('先進封裝裝置出貨。');
  const segments = await api<{ text: string }[]>(server, 'getSegments', { documentId: imported.documentId });
  expect(segments.map((s) => [...s.text.matchAll(/裝置|設備/g)].map((m) => m[0]))).toEqual([['設備', '裝置'], [], ['裝置']]);

  // Tab past Fix to Dismiss…, Enter asks for a reason; Escape goes back to Dismiss…
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(lines.first().getByTestId('dismiss')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lines.first().getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(lines.first().getByTestId('dismiss')).toBeFocused();
  // Enter again, a reason, Enter: that place only is dismissed, the keyboard on the next place
  await page.keyboard.press('Enter');
  await page.keyboard.type("the writer's own word");
  await page.keyboard.press('Enter');
  await expect(linesOf('裝置')).toHaveCount(1);
  await expect(lines).toHaveCount(4);
  await expect(lines.first().locator('.loc-btn')).toBeFocused();
  await expect(lines.first().locator('mark.finding-hit')).toHaveText('使用者');
  const stored = await api<{ findings: { text: string; dismissedReason: string | null; messageData: { key: string } | null }[] }>(server, 'listFindings', { documentId: imported.documentId });
  const vocabulary = stored.findings.filter((f) => f.messageData?.key === 'conversion.vocabulary.document');
  expect(vocabulary.filter((f) => f.dismissedReason).map((f) => [f.text, f.dismissedReason])).toEqual([['裝置', "the writer's own word"]]);
  expect(vocabulary.filter((f) => !f.dismissedReason).map((f) => f.text).sort()).toEqual(['使用者', '使用者', '專案', '裝置']);
  // shown again with the dismissed ones: the dismissed place is a line of its card, with its reason
  await panel.getByLabel(/Show dismissed/).check();
  await expect(linesOf('裝置')).toHaveCount(2);
  await expect(linesOf('裝置').filter({ hasText: "Dismissed: the writer's own word" })).toHaveCount(1);
  await panel.getByLabel(/Show dismissed/).uncheck();

  // the zh-Hant interface: the explanation, the count and the buttons in Chinese, no English prose
  // (from the panel: Esc there would close it)
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  // the panel stays open across the switch
  await expect(family).toHaveCount(1);
  await expect(family.getByTestId('places-count')).toHaveText('4 處');
  await expect(family.locator('.finding-msg')).toContainText('本文件看來是 OpenCC 臺灣用語轉換（s2twp）的輸出');
  await expect(linesOf('使用者').first().getByTestId('fix-one')).toHaveText('修正為 用戶');
  const zh = await family.allInnerTexts();
  expect(zh.flatMap((t) => t.replace(/OpenCC|s2twp/g, '').match(/[A-Za-z]{3,}/g) ?? [])).toEqual([]);
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: join(ROOT, 'test-results', 'findings-vocabulary-places-zh-Hant.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('while the first check of a document runs, the panel says it is checking, never "No findings here." nor counts of 0', async ({ page, server }) => {
  const data = readFileSync(join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt')).toString('base64');
  const imported = await importOwn(server, { fileName: 'checks-first-run.txt', data, projectName: 'Checks first run' });
  await openDocument(page, server, imported.documentId);
  // every note the panel shows, however briefly, from before it opens
  await page.evaluate(() => {
    const w = window as unknown as { notesSeen: string[]; warningCounts: string[] };
    const seen: string[] = (w.notesSeen = []);
    const counts: string[] = (w.warningCounts = []);
    new MutationObserver(() => {
      for (const n of document.querySelectorAll('[data-testid="findings-panel"] .empty-note')) if (!seen.includes(n.textContent ?? '')) seen.push(n.textContent ?? '');
      const c = document.querySelector('[data-testid="findings-panel"] .sev-chip.sev-warning .count')?.textContent;
      if (c && counts[counts.length - 1] !== c) counts.push(c);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  await expect(panel.locator('[data-testid="finding"][data-rule="entity-consistency"]')).toHaveCount(1);
  await expect(panel.getByTestId('findings-checking')).toHaveCount(0);
  const { notesSeen, warningCounts } = await page.evaluate(() => {
    const w = window as unknown as { notesSeen: string[]; warningCounts: string[] };
    return { notesSeen: w.notesSeen, warningCounts: w.warningCounts };
  });
  expect(notesSeen).toEqual(['Checking the document…']);
  // the counts wait for the answer too: never the never-checked document's 0
  expect(warningCounts.filter((c) => c !== '…')).toEqual([await panel.locator('.sev-chip.sev-warning .count').innerText()]);
});

test('a one-character fix names the character it replaces: Fix 覆 → 復, applied in place', async ({ page, server }) => {
  const { imported, panel } = await openOwnFindings(page, server, ['集團表示，旅客人次已回覆至疫情前水平的八成。'], 'checks-fix-label.txt', 'Checks fix label');
  const card = panel.locator('[data-rule="conversion-ambiguity"]').filter({ hasText: '回覆' });
  await expect(card).toHaveCount(1);
  const fix = card.getByTestId('fix-one');
  await expect(fix).toHaveText('Fix 覆 → 復');
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: join(ROOT, 'test-results', 'findings-fix-label.png') });
  await fix.click();
  await expect
    .poll(async () => (await api<{ text: string }[]>(server, 'getSegments', { documentId: imported.documentId }))[0].text)
    .toBe('集團表示，旅客人次已回復至疫情前水平的八成。');
});

test('a Hong Kong release through s2twp: its Taiwan words one card worded for Hong Kong, a fix to the word Hong Kong writes, in both languages', async ({ page, server }) => {
  // our own Hong Kong writing through OpenCC's t2s then s2twp: 智能 became 智慧, 主板 主機板, 網絡 網路
  const { panel, family } = await openOwnFindings(
    page,
    server,
    [
      '華澤智慧科技控股有限公司（股份代號：2651）今日公佈全年業績，收入按年增長12%至86.5億港元。',
      '集團於聯交所主機板上市，智慧家電業務收益按年增長15%。',
      '行政總裁表示，分銷網路覆蓋香港及內地，並投資資訊科技系統。',
    ],
    'checks-hk-s2twp.txt',
    'Checks HK s2twp',
  );
  await expect(family).toHaveCount(1);
  await expect(family.locator('.finding-msg')).toContainText('This document is written for Hong Kong');
  await expect(family.getByTestId('finding-place').locator('mark.finding-hit')).toHaveText(['智慧', '主機板', '智慧', '網路']);
  await expect(family.getByTestId('fix-one')).toHaveText(['Fix → 智能', 'Fix → 主板', 'Fix → 智能', 'Fix → 網絡']);
  // Hong Kong's own 資訊科技 is no finding
  await expect(panel.locator('mark.finding-hit', { hasText: '資訊' })).toHaveCount(0);
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'findings-vocabulary-hong-kong.png') });

  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(family.locator('.finding-msg')).toContainText('本文件是寫給香港讀者的');
  await expect(family.getByTestId('fix-one').first()).toHaveText('修正為 智能');
  const zh = await family.allInnerTexts();
  expect(zh.flatMap((t) => t.replace(/OpenCC|s2twp/g, '').match(/[A-Za-z]{3,}/g) ?? [])).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
