/**
 * Live updates (issue 16): a window follows the change feed (GET /api/feed). A correction
 * made with the CLI on the same database, and a save in a second browser window, appear in
 * the open window without a reload — fetched by id, not by refetching the document.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { api, expect, ROOT, test } from './fixtures';

interface Seg {
  id: number;
  index: number;
  text: string;
}

const CLI = join(ROOT, 'bin', 'jiaodui.mjs');

/** Run `jiaodui --db … ARGS` as its own process (the page keeps running meanwhile). */
function cli(dbPath: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--db', dbPath, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function sampleDocument(server: Parameters<typeof api>[0]) {
  // the newest live document is the one the app opens; specs that import their own trash it afterwards
  const docs = await api<{ id: number; title: string }[]>(server, 'listDocuments', {});
  const documentId = docs[0].id;
  const segs = await api<Seg[]>(server, 'getSegments', { documentId });
  return { documentId, segs };
}

test('a CLI edit appears in the open window without reload', async ({ app: page, server }, testInfo) => {
  const { documentId, segs } = await sampleDocument(server);
  const target = segs.find((s) => s.index >= 3 && s.text.length > 6)!;
  const row = page.getByTestId(`row-${target.index}`);
  await expect(row).toBeVisible();
  // a marker that a reload would wipe
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/(\w+)/.exec(r.url());
    if (m && r.method() === 'POST') calls.push(m[1]);
  });

  const added = '（已由命令列核對）';
  const r = await cli(server.dbPath, 'edit', String(documentId), String(target.id), '--text', target.text + added);
  expect(r.code, r.out).toBe(0);

  await expect(row).toContainText(added);
  await expect(row).toHaveAttribute('data-status', 'edited');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  // the window fetched that row by id; it did not refetch the document
  expect(calls).toContain('getSegmentsById');
  expect(calls).not.toContain('getSegments');
  await page.screenshot({ path: testInfo.outputPath('live-update-after-cli-edit.png') });
});

test("a second window sees the first window's save", async ({ app: first, server, browser }) => {
  const { segs } = await sampleDocument(server);
  const target = segs.find((s) => s.index >= 5 && s.text.length > 6)!;
  const context = await browser.newContext();
  try {
    const second = await context.newPage();
    await second.goto(server.url);
    await expect(second.getByTestId('grid')).toBeVisible();
    await expect(first.getByTestId(`row-${target.index}`)).toBeVisible();

    // correct the row in the second window, through the editor
    const row = second.getByTestId(`row-${target.index}`);
    await row.click();
    await second.keyboard.press('Enter');
    const editor = second.getByTestId('edit-textarea');
    await expect(editor).toBeFocused();
    const added = '（第二個視窗）';
    await editor.fill((await editor.inputValue()) + added);
    await second.keyboard.press('Enter');
    await expect(editor).toHaveCount(0);
    await expect(row).toContainText(added);

    // the first window shows it without a reload
    await expect(first.getByTestId(`row-${target.index}`)).toContainText(added);
    await expect(first.getByTestId(`row-${target.index}`)).toHaveAttribute('data-status', 'edited');
  } finally {
    await context.close();
  }
});

test('a glossary entry saved elsewhere appears in the open glossary panel without reload', async ({ app: page, server }) => {
  const { documentId } = await sampleDocument(server);
  const doc = await api<{ projectId: number }>(server, 'getDocument', { documentId });
  await page.getByTestId('glossary-button').click();
  const panel = page.getByTestId('glossary-panel');
  await expect(panel).toBeVisible();
  const term = '即時詞條測試';
  await expect(panel.locator(`[data-term="${term}"]`)).toHaveCount(0);
  // another client (the test's own HTTP calls carry no window id: for the feed they are elsewhere)
  const entry = await api<{ entry: { id: number } }>(server, 'saveGlossaryEntry', { projectId: doc.projectId, term, type: 'term' });
  try {
    await expect(panel.locator(`[data-term="${term}"]`)).toHaveCount(1);
  } finally {
    await api(server, 'deleteGlossaryEntry', { id: entry.entry.id });
  }
});

test('open search results and the library follow CLI writes without reload (the query cache, invalidated by the feed)', async ({ app: page, server }) => {
  const { documentId, segs } = await sampleDocument(server);
  const target = segs.find((s) => s.index >= 6 && s.text.length > 6)!;
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const marker = '即時搜尋標記';
  await page.getByTestId('search-input').fill(marker);
  const results = page.getByTestId('search-results');
  await expect(results).toContainText(`No matches for “${marker}”`);

  // a CLI edit puts the marker into a row: the open results show it
  const edit = await cli(server.dbPath, 'edit', String(documentId), String(target.id), '--text', target.text + marker);
  expect(edit.code, edit.out).toBe(0);
  await expect(page.getByTestId('search-hit-0')).toContainText(marker);
  await expect(results).toContainText(`1 result for “${marker}”`);

  // a CLI import: the library of the open window lists it
  const title = '命令列匯入即時測試';
  const imp = await cli(server.dbPath, 'import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Live import', '--title', title);
  expect(imp.code, imp.out).toBe(0);
  const importedId = Number(/"documentId":\s*(\d+)/.exec(imp.out)?.[1]);
  try {
    await expect(page.getByTestId('library')).toContainText(title);
    await expect(page.getByTestId('library')).toContainText('Live import');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  } finally {
    // later specs open the newest document, expecting the sample
    await api(server, 'trashDocument', { documentId: importedId });
    await api(server, 'editSegment', { segmentId: target.id, text: target.text });
  }
});
