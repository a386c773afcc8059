/**
 * Export dialog in browser mode: a marked DOCX is a download of real bytes (a zip) whose
 * word/document.xml holds the correction as tracked changes (w:del / w:ins).
 */
import { readFileSync } from 'node:fs';
import type { Segment } from '../shared/domain/schemas';
import { docxParts, paragraphTexts, trackedChanges } from '../shared/export/docx-test-helpers';
import { api, importOwn, expect, MOD, test } from './fixtures';
import { HAS_XMLLINT, XLIFF12_SCHEMA, xmllint } from '../core/testing/xmllint';

test('exports a marked DOCX with tracked changes from the Export dialog', async ({ page, server }) => {
  const text = '董事長王震表示，收入爲11.8億。\n下一段 <script>&amp; 𠀋。\n';
  const r = await importOwn(server, { fileName: 'docx-export.txt', data: Buffer.from(text, 'utf8').toString('base64'), projectName: 'Export', title: 'DOCX export' });
  const segs = await api<Segment[]>(server, 'getSegments', { documentId: r.documentId });
  const seg = segs.find((s) => s.text.includes('王震'))!;
  await api(server, 'editSegment', { segmentId: seg.id, text: seg.text.replace('王震', '王征') });

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /DOCX export/);
  await page.getByTestId('row-0').click();
  await page.keyboard.press(`${MOD}+e`);
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('export-format').selectOption('docx');
  await dialog.getByTestId('export-hant').check();
  await dialog.getByTestId('export-marked').check();
  await expect(dialog.getByTestId('export-claims')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  expect(download.suggestedFilename()).toMatch(/\.zh-Hant\.marked\.docx$/);
  await expect(page.getByTestId('row-0')).toBeFocused(); // the keyboard back where it was
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]); // a zip, not base64 text
  const xml = docxParts(bytes.toString('base64'))['word/document.xml'];
  expect(xml).toContain('<w:ins ');
  expect(trackedChanges(xml).map((c) => [c.kind, c.text])).toEqual([
    ['del', '震'],
    ['ins', '征'],
  ]);
  expect(xml).not.toContain('<script>');
  expect(paragraphTexts(xml)).toEqual(['董事長王征表示，收入爲11.8億。', '下一段 <script>&amp; 𠀋。']);
  expect(errors).toEqual([]);
});

test('the HTML change report renders in Chromium: summary, diffs, hostile text inert; screenshot', async ({ page, server }) => {
  const text = '首席財務官王震表示，收入爲11.8億。\n註釋 <img src=x onerror="window.__pwned=1"> 完。\n首席財務官王徵介紹，成本為3.2億，收入為11.8億。\n';
  const r = await importOwn(server, { fileName: 'report.txt', data: Buffer.from(text, 'utf8').toString('base64'), projectName: 'Export', title: 'Report <b>test</b>' });
  const { projectId } = await api<{ projectId: number }>(server, 'getDocument', { documentId: r.documentId });
  // the checks' name group fixed in one step, the variant finding dismissed with a reason
  const checked = await api<{ findings: { id: number; rule: string }[]; snapshot?: number }>(server, 'runChecks', { documentId: r.documentId });
  const group = checked.findings.find((f) => f.rule === 'entity-consistency')!;
  await api(server, 'applyFix', { findingId: group.id, scope: 'group', snapshot: checked.snapshot });
  const variant = checked.findings.find((f) => f.rule === 'variant-mixing')!;
  await api(server, 'dismissFinding', { findingId: variant.id, reason: 'quoted from the filing', scope: 'group' });
  // a hand edit, its undo and redo: rows of the operations section; then the reviewer's approval
  const seg = (await api<Segment[]>(server, 'getSegments', { documentId: r.documentId })).find((s) => s.text.includes('成本'))!;
  await api(server, 'editSegment', { segmentId: seg.id, text: seg.text.replace('3.2億', '3.2億元') });
  await api(server, 'undo', { projectId });
  await api(server, 'redo', { projectId });
  const first = (await api<Segment[]>(server, 'getSegments', { documentId: r.documentId }))[0];
  await api(server, 'setStatus', { segmentIds: [first.id], status: 'approved' });
  const report = (locale: 'en' | 'zh-Hant') =>
    api<{ fileName: string; mime: string; content: string }>(server, 'exportDocument', { documentId: r.documentId, format: 'report-html', script: 'hant', timeZone: 'Asia/Taipei', locale });
  const out = await report('en');
  expect(out.mime).toMatch(/text\/html/);

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.setContent(out.content, { waitUntil: 'load' });
  await expect(page.locator('h1')).toContainText('Change report: Report <b>test</b>'); // the title is text, not markup
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await expect(page.locator('del', { hasText: '震' }).first()).toBeVisible();
  await expect(page.locator('ins', { hasText: '征' }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  // self-contained: nothing fetched from anywhere
  expect(await page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(0);
  // the CJK glyphs render (a box would mean a missing font): wider than a Latin letter
  const w = await page.evaluate(() => {
    const s = document.createElement('span');
    s.textContent = '征';
    document.body.append(s);
    const width = s.getBoundingClientRect().width;
    s.remove();
    return width;
  });
  expect(w).toBeGreaterThan(8);
  // the operations section: one row per operation, undo and redo as such, times with their offset
  const ops = page.locator('table.operations tr');
  await expect(ops).toHaveCount(7); // header + fix, dismiss, edit, undo, redo, status
  await expect(ops.nth(1)).toContainText('replaced 2 characters in 2 segments');
  await expect(ops.nth(1)).toContainText('UTC+08:00');
  await expect(ops.nth(2)).toContainText('dismissed a finding: quoted from the filing');
  await expect(ops.nth(3)).toContainText('inserted 1 character');
  await expect(page.locator('table.operations .kind-undo')).toHaveText('undo');
  await expect(page.locator('table.operations .kind-redo')).toHaveText('redo');
  await expect(ops.nth(6)).toContainText('approved 1 segment');
  // the findings fixed and dismissed, with their reasons; the automatic fix counted apart
  await expect(page.getByRole('heading', { name: 'Findings fixed (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Findings dismissed (1)' })).toBeVisible();
  await expect(page.locator('td', { hasText: 'quoted from the filing' }).first()).toBeVisible();
  await page.setViewportSize({ width: 1000, height: 1400 });
  await expect(page.locator('p.meta').first()).toContainText('times in Asia/Taipei (UTC+08:00)');
  await page.screenshot({ path: 'docs/screenshots/change-report.png', fullPage: false });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('h1')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // the same report for a reviewer whose UI is in Traditional Chinese
  await page.setContent((await report('zh-Hant')).content, { waitUntil: 'load' });
  await expect(page.locator('h1')).toContainText('修改報告：Report <b>test</b>');
  await expect(page.locator('table.operations .kind-undo')).toHaveText('復原');
  await expect(page.locator('table.operations tr').nth(1)).toContainText('替換 2 字 於 2 段');
  // operation labels, finding messages and rule names worded from their stored keys: no English left
  await expect(page.locator('table.operations tr').nth(1)).toContainText('修正 2 處人名寫法不一致');
  await expect(page.locator('table.operations tr').nth(2)).toContainText('略過檢查結果：異體字混用');
  await expect(page.locator('table.operations tr').nth(4)).toContainText('復原「編輯第 3 段」');
  await expect(page.locator('td', { hasText: '是同一個字的兩種寫法' }).first()).toBeVisible();
  expect(await page.locator('body').innerText()).not.toMatch(/Fix 2|Dismiss|Edit segment|Undo|Redo|Mark segment|two forms of one character|entity-consistency|variant-mixing/);
  await page.screenshot({ path: 'docs/screenshots/change-report-zh-Hant.png', fullPage: false });
  expect(errors).toEqual([]);
});

test('exports XLIFF 1.2 from the Export dialog: a download that validates against the strict schema and keeps control characters', async ({ page, server }) => {
  const text = '董事長王震表示，收入爲11.8億。\n下一段 <b>&amp; 𠀋。\n';
  const r = await importOwn(server, { fileName: 'xliff12.txt', data: Buffer.from(text, 'utf8').toString('base64'), projectName: 'Export', title: 'XLIFF 1.2 export' });
  const segs = await api<Segment[]>(server, 'getSegments', { documentId: r.documentId });
  const seg = segs.find((s) => s.text.includes('王震'))!;
  await api(server, 'editSegment', { segmentId: seg.id, text: seg.text.replace('王震', '王征\u000b') });

  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /XLIFF 1\.2 export/);
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+e`);
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-format').selectOption('xliff12');
  await expect(dialog.getByTestId('export-format')).toHaveValue('xliff12');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xliff12\.xlf$/);
  const xml = readFileSync((await download.path())!, 'utf8');
  expect(xml).toContain('version="1.2"');
  expect(xml).toContain('王征<x id="cp1" ctype="x-jiaodui-cp-000B"');
  if (HAS_XMLLINT) expect(xmllint(xml, XLIFF12_SCHEMA).stderr).toContain('validates');
  // the app reads its own file back: no change
  expect(await api<{ changed: number }>(server, 'importXliff', { documentId: r.documentId, content: xml })).toMatchObject({ changed: 0 });
});
