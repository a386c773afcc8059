/**
 * Findings that follow undo and redo at once (the cross-segment rules re-run), the glossary
 * offer after fixing a name group, and the notice when project-wide results are out of date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, importOwn, expect, MOD, ROOT, test, openDocument, runCommand } from './fixtures';
import type { Segment } from '../shared/domain/schemas';
import type { GlossaryEntry } from '../shared/glossary/schemas';

const SAMPLE = () => readFileSync(join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt')).toString('base64');

test('undo brings the fixed name group back at once, redo clears it; the glossary offer saves 王征 forbidding 王震, 王徵', async ({ page, server }) => {
  const imported = await importOwn(server, { fileName: 'undo-findings.txt', data: SAMPLE(), projectName: 'Findings undo e2e' });
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), imported.documentId);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();

  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  const group = panel.locator('[data-testid="finding"][data-rule="entity-consistency"]').filter({ hasText: '王震' });
  await expect(group).toHaveCount(1);
  await group.getByTestId('fix-all').click();
  await expect(group).toHaveCount(0);

  // the offer, right there
  const offer = panel.getByTestId('glossary-offer');
  await expect(offer.getByTestId('glossary-offer-add')).toHaveText('Add 王征 to the glossary (forbid 王震, 王徵)');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'findings-glossary-offer.png') });

  // undo: the group is back in the list without running the checks again
  await page.getByTestId('grid').focus();
  await page.keyboard.press(`${MOD}+z`);
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('王徵');
  // redo: gone again
  await page.keyboard.press(`${MOD}+Shift+Z`);
  await expect(group).toHaveCount(0);

  // one click saves the glossary entry (project scope: the name is confirmed for the project)
  await offer.getByTestId('glossary-offer-add').click();
  await expect(offer).toHaveCount(0);
  await expect(panel.locator(':focus')).toHaveCount(1); // the keyboard stays in the panel
  await expect(panel.getByRole('status').filter({ hasText: '王征 added to the project glossary' })).toBeVisible();
  const doc = await api<{ projectId: number }>(server, 'getDocument', { documentId: imported.documentId });
  const entries = await api<GlossaryEntry[]>(server, 'listGlossary', { projectId: doc.projectId });
  expect(entries.map((e) => ({ term: e.term, variants: [...e.variants].sort(), type: e.type }))).toEqual([{ term: '王征', variants: ['王徵', '王震'].sort(), type: 'person' }]);
});

test('project-wide results out of date: the panel says so after a later edit and re-runs the project check', async ({ page, server }) => {
  const a = await importOwn(server, { fileName: 'a.txt', data: Buffer.from('公司業績會。\n\n首席執行官張明表示，收入增長。\n').toString('base64'), projectName: 'Stale e2e' });
  const b = await importOwn(server, { fileName: 'b.txt', data: Buffer.from('公司年報。\n\n首席執行官張銘表示，成本下降。\n').toString('base64'), projectName: 'Stale e2e' });
  await openDocument(page, server, a.documentId);
  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  await panel.getByRole('button', { name: 'Project', exact: true }).click();
  await expect(panel.locator('[data-testid="finding"][data-rule="entity-consistency"]')).toHaveCount(1);
  await expect(panel.getByTestId('project-stale')).toHaveCount(0);

  // another writer edits a document of the project: the panel follows the change feed
  const seg = (await api<Segment[]>(server, 'getSegments', { documentId: a.documentId })).find((s) => s.text.includes('張明'))!;
  await api(server, 'editSegment', { segmentId: seg.id, text: seg.text.replace('收入增長', '收入大幅增長') });
  await expect(panel.getByTestId('project-stale')).toContainText('Project-wide results are out of date');
  await panel.getByTestId('project-rerun').click();
  await expect(panel.getByTestId('project-stale')).toHaveCount(0);
  expect((await api<{ projectCheck: { stale: boolean } }>(server, 'listFindings', { documentId: b.documentId })).projectCheck.stale).toBe(false);
});

test('a check run begun before a fix and answering after it does not bring the fixed finding back; a language switch runs no check', async ({ page, server }) => {
  const imported = await importOwn(server, { fileName: 'race.txt', data: Buffer.from('公司業績會。。\n\n收入增長，利潤下降。\n').toString('base64'), projectName: 'Run and fix e2e' });
  const runs: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/runChecks')) runs.push(r.url());
  });
  await openDocument(page, server, imported.documentId);
  await page.keyboard.press(`${MOD}+Shift+F`);
  const panel = page.getByTestId('findings-panel');
  const doubled = panel.locator('[data-testid="finding"][data-rule="doubled"]');
  await expect(doubled).toHaveCount(1);
  expect(runs).toHaveLength(1);

  // the interface language, there and back: the panel keeps its findings and runs no check
  await runCommand(page, 'language');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await runCommand(page, '切換語言');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(doubled).toHaveCount(1);
  expect(runs).toHaveLength(1);

  // Run checks again, its answer held back until the fix below has been applied and refetched
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let computed = false;
  await page.route('**/runChecks', async (route) => {
    const response = await route.fetch(); // the server runs and stores the checks now, before the fix
    computed = true;
    await held;
    await route.fulfill({ response });
  });
  await panel.getByTestId('run-checks').click();
  await expect.poll(() => computed).toBe(true);
  await doubled.getByTestId('fix-one').click();
  await expect(doubled).toHaveCount(0);
  // the run answers now, with the doubled mark it found before the fix: the panel refetches instead of showing it
  const answered = page.waitForResponse((r) => r.url().endsWith('/runChecks'));
  release();
  await answered;
  await expect(panel.getByTestId('run-checks')).toBeEnabled();
  await expect(doubled).toHaveCount(0);
  await expect(page.getByTestId('row-0').getByTestId('qa-mark')).toHaveCount(0);
});
