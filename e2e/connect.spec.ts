/**
 * Issue 19, step 5: the app (browser mode, `jiaodui serve`) connects to a team server started
 * here (`jiaodui serve --team`). The local server proxies the page's calls and the feed; the page
 * never talks to the team server nor holds its cookie. Connect with a sign-in address → the
 * library has a section for the server → open its document → edit → the team server has the
 * edit, signed by the account. Stop the team server → a banner names it and the unsaved edit
 * stays in the editor; start it again → the edit is saved without a reload. The local server
 * refuses the feed (a connection it does not know) → the banner says other reviewers' changes no
 * longer arrive live, quoting it; Try now, once it is let through, brings them back. The team
 * server fails the feed (500) three times in a row → the banner says it failed, quoting it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { disconnectTeams, expect, MOD, ROOT, test } from './fixtures';
import { TeamServer } from './team-server';
import { TEAM_ANSWER_HEADER } from '../shared/contract/remote';

test.describe.configure({ mode: 'serial' });
const SHOTS = join(ROOT, 'docs', 'screenshots');

let dir = '';
let teamDb = '';
let origin = '';

const server = new TeamServer();
const cli = (...args: string[]) => server.cli(...args);
const startTeam = (listen: string) => server.start(listen);

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiaodui-connect-e2e-'));
  teamDb = join(dir, 'team.db');
  server.db = teamDb;
  origin = await startTeam('127.0.0.1:0');
});

test.afterAll(async () => {
  await server.stop(5000);
  rmSync(dir, { recursive: true, force: true });
});

// The local server is every spec's (fixtures.ts): close the page, then end this test's team connections.
test.afterEach(async ({ page, server: local }) => {
  await page.close();
  await disconnectTeams(local);
});

function teamSegments(documentId: number): { id: number; text: string; status: string }[] {
  return (JSON.parse(cli('show', String(documentId), '--format', 'json')) as { segments: { id: number; text: string; status: string }[] }).segments;
}

test('connect to a team server, open its document, edit it; the server goes away and comes back', async ({ app: page }) => {
  const imported = JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Newsroom', '--title', '團隊稿件')) as { documentId: number };
  const added = JSON.parse(cli('users', 'add', 'Ann', '--role', 'reviewer', '--format', 'json')) as { signInUrl: string };

  // connect from the library, with the sign-in address alone (it names the server)
  await page.getByTestId('connect-team').click();
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('connect-signin').fill('not a sign-in address');
  await dialog.getByTestId('connect-submit').click();
  await expect(dialog.getByTestId('connect-error')).toContainText('not a sign-in address');
  await dialog.getByTestId('connect-signin').fill(added.signInUrl);
  await dialog.getByTestId('connect-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('toast').last()).toContainText(`Connected to ${new URL(origin).host} as Ann`);

  // the library: this computer's projects, then a section for the team server with its project
  const section = page.locator('[data-testid^="backend-c-"]');
  await expect(section).toContainText(`Team server ${new URL(origin).host}`);
  await expect(section).toContainText('Ann (reviewer)');
  await expect(section).toContainText('Newsroom');
  const connId = (await section.getAttribute('data-testid'))!.replace('backend-', '');

  // the page holds no team cookie (only its own local session's: cookies are per host, not port) and never talks to the team server itself
  const cookies = await page.context().cookies(origin);
  expect(cookies.map((c) => c.name)).toEqual([expect.stringMatching(/^jiaodui_session_\d+$/)]);
  const teamRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(origin)) teamRequests.push(r.url());
  });

  // open the team document: the same grid, on the team's backend
  await page.getByTestId(`backend-doc-${connId}-${imported.documentId}`).click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /團隊稿件/);
  await expect(page.getByTestId(`backend-heading-${connId}`)).toContainText(new URL(origin).host);
  await expect(page.getByTestId('backend-local')).toBeVisible(); // this computer's section, beside it
  await expect(page.getByTestId('author')).toContainText('Ann');

  // edit: saved on the team server, signed by Ann
  await page.getByTestId('row-1').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  const first = `${await editor.inputValue()}甲`;
  await editor.fill(first);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toContainText('Saved');
  expect(teamSegments(imported.documentId)[1].text).toBe(first);

  // a correction made on the team server (another reviewer's, here the CLI's) reaches this page through the proxied feed
  const seg2 = teamSegments(imported.documentId)[2];
  cli('edit', String(imported.documentId), String(seg2.id), '--text', `${seg2.text}乙`);
  await expect(page.getByTestId('row-2')).toContainText('乙');
  expect(teamSegments(imported.documentId)[2].status).toBe('edited');

  // the team server stops: a status change is kept (row 2 marked unreviewed: not sent, the row still shows edited)
  const port = new URL(origin).port;
  await server.stop(5000);
  await page.getByTestId('row-2').click();
  await page.keyboard.press(`${MOD}+Shift+Enter`);
  await expect(page.getByTestId('toast').last()).toContainText('the status change is kept and sent when the server is back');
  // the banner names the server, the unsaved edit stays in the editor
  await page.getByTestId('row-1').click();
  await page.keyboard.press('Enter');
  const second = `${first}丙`;
  await editor.fill(second);
  await page.keyboard.press('Enter');
  const banner = page.getByTestId('team-banner');
  await expect(banner).toContainText(`The team server ${new URL(origin).host} cannot be reached`);
  await expect(editor).toHaveValue(second);
  await page.screenshot({ path: 'test-results/connect-unreachable.png' });

  // back on the same address: the banner goes and the kept edit is saved, without a reload
  await startTeam(`127.0.0.1:${port}`);
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('save-state')).toContainText('Saved');
  await expect(editor).toHaveCount(0);
  expect(teamSegments(imported.documentId)[1].text).toBe(second);
  // and the kept status change was sent too (state/status-queue.ts), with the version read before: no conflict here
  await expect.poll(() => teamSegments(imported.documentId)[2].status).toBe('unreviewed');
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
  expect(teamRequests, 'the page itself never calls the team server').toEqual([]);

  // the connection is remembered: a reload comes back on the team document
  await page.reload();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /團隊稿件/);

  // revoked on the team server: "signed out of the team server", not this page's session-ended screen; the edit stays
  cli('users', 'revoke', 'Ann');
  await page.getByTestId('row-3').click();
  await page.keyboard.press('Enter');
  await editor.fill(`${await editor.inputValue()}丁`);
  await page.keyboard.press('Enter');
  await expect(banner).toContainText(`Signed out of the team server ${new URL(origin).host}`);
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
  await expect(editor).toHaveValue(/丁$/);
  await page.keyboard.press('Escape');

  // disconnect (from the heading of the library it works on): back on this computer, no team section left
  await page.getByTestId(`disconnect-${connId}`).click();
  await expect(page.getByTestId('backend-local')).toHaveCount(0);
  await expect(page.locator('[data-testid^="backend-c-"]')).toHaveCount(0);
  await expect(page.getByTestId('grid')).not.toHaveAttribute('aria-label', /團隊稿件/);
});

async function switchLanguage(page: Page, lang: 'en' | 'zh-Hant') {
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('screenshots: the connect dialog and the library with a team section, in both languages', async ({ app: page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const added = JSON.parse(cli('users', 'add', 'Lin Mei', '--role', 'lead', '--format', 'json')) as { signInUrl: string };
  const host = new URL(origin).host;

  // the dialog, filled in (the address may stay empty: the sign-in address names the server)
  await page.getByTestId('connect-team').click();
  const dialog = page.getByTestId('connect-dialog');
  await dialog.getByTestId('connect-address').fill(origin);
  await dialog.getByTestId('connect-signin').fill(added.signInUrl);
  await page.screenshot({ path: join(SHOTS, 'connect-dialog.png') });
  await dialog.getByTestId('connect-submit').click();
  await expect(dialog).toHaveCount(0);

  // working on the team's project: its library with the server's heading, this computer's section below
  const section = page.locator('[data-testid^="backend-c-"]');
  await expect(section).toContainText('Newsroom');
  await section.getByRole('button', { name: '團隊稿件' }).click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /團隊稿件/);
  await expect(page.getByTestId('backend-local')).toContainText('Samples');
  await expect(page.locator('[data-testid^="backend-heading-c-"]')).toContainText(`Team server ${host}`);
  await page.getByTestId('row-3').click();
  await page.screenshot({ path: join(SHOTS, 'library-team.png') });

  await switchLanguage(page, 'zh-Hant');
  await expect(page.locator('[data-testid^="backend-heading-c-"]')).toContainText(`團隊伺服器 ${host}`);
  await expect(page.getByTestId('backend-local')).toContainText('這台電腦');
  await page.screenshot({ path: join(SHOTS, 'library-team-zh-Hant.png') });
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('團隊伺服器');
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('連線到團隊伺服器');
  await dialog.getByTestId('connect-address').fill(origin);
  await dialog.getByTestId('connect-signin').fill(`${origin}/#signin=${'x'.repeat(43)}`);
  await page.screenshot({ path: join(SHOTS, 'connect-dialog-zh-Hant.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await switchLanguage(page, 'en');
});

// after the screenshots: its document would show in their library
test('the local server refuses the change feed: the banner says live changes stopped and quotes it; a saved edit does not end it; Try now brings the feed back', async ({ app: page }) => {
  const imported = JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Newsroom', '--title', '動態稿件')) as { documentId: number };
  const host = new URL(origin).host;
  // the page's feed asks under a connection id the local server does not know (as after a
  // disconnect elsewhere): its real refusal, a 404 with its message; calls go through as before
  let refuse = true;
  await page.route('**/remote/*/api/feed*', (route) => {
    const url = new URL(route.request().url());
    if (refuse) url.pathname = url.pathname.replace(/^\/remote\/c-[0-9a-f]{16}\//, '/remote/c-0000000000000000/');
    return route.continue({ url: url.toString() });
  });
  await server.connectAndOpen(page, 'Kim', '動態稿件');
  const banner = page.getByTestId('team-banner');
  await expect(banner).toContainText(`Other reviewers' changes on the team server ${host} no longer appear here live: it refused the change feed.`);
  await expect(banner.getByTestId('team-banner-reason')).toHaveText('The server said: No team server connection c-0000000000000000 (disconnected?).');
  // this computer no longer knows the connection: besides Try now, Connect again… (it opens the connect dialog)
  await expect(banner.getByRole('button', { name: 'Connect again…' })).toBeVisible();
  await page.screenshot({ path: join(ROOT, 'test-results', 'feed-refused-connection-gone.png') });

  // an edit saved (a call that succeeds) says nothing of the feed: the banner stays
  await page.getByTestId('row-1').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  const mine = `${await editor.inputValue()}甲`;
  await editor.fill(mine);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toContainText('Saved');
  expect(teamSegments(imported.documentId)[1].text).toBe(mine);
  await expect(banner).toContainText('refused the change feed');

  // in Chinese, the server's words too
  await switchLanguage(page, 'zh-Hant');
  await expect(banner).toContainText(`團隊伺服器 ${host} 拒絕了變更動態`);
  await expect(banner.getByTestId('team-banner-reason')).toHaveText('伺服器的回應：沒有團隊伺服器連線 c-0000000000000000（已中斷連線？）。');
  await expect(banner.getByRole('button', { name: '重新連線…' })).toBeVisible();
  await switchLanguage(page, 'en');

  // another reviewer's correction while refused; then the feed is let through and Try now opens it
  // at once: the banner goes and the correction shows (it cannot be replayed: the window reads again)
  const seg2 = teamSegments(imported.documentId)[2];
  cli('edit', String(imported.documentId), String(seg2.id), '--text', `${seg2.text}乙`);
  refuse = false;
  await banner.getByRole('button', { name: 'Try now' }).click();
  await expect(banner).toHaveCount(0, { timeout: 3000 });
  await expect(page.getByTestId('row-2')).toContainText('乙');
  // live again: the next correction arrives by the feed
  const seg3 = teamSegments(imported.documentId)[3];
  cli('edit', String(imported.documentId), String(seg3.id), '--text', `${seg3.text}丙`);
  await expect(page.getByTestId('row-3')).toContainText('丙');
});

test('a change feed the team server keeps failing (5xx) is retried quietly twice, then the banner says so; Try now, once it answers, brings the feed back', async ({ app: page }) => {
  const imported = JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Newsroom', '--title', '失敗動態')) as { documentId: number };
  const host = new URL(origin).host;
  // the team server's own failure, as the proxy passes it on (its answer header, its JSON error)
  let failing = true;
  let failures = 0;
  await page.route('**/remote/*/api/feed*', (route) => {
    if (!failing) return route.continue();
    failures++;
    const id = /\/remote\/(c-[0-9a-f]{16})\//.exec(route.request().url())![1];
    return route.fulfill({ status: 500, headers: { 'content-type': 'application/json', [TEAM_ANSWER_HEADER]: id }, body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The database is locked.' } }) });
  });
  await server.connectAndOpen(page, 'Lin', '失敗動態');
  const banner = page.getByTestId('team-banner');
  await expect(banner).toContainText(`Other reviewers' changes on the team server ${host} no longer appear here live: the server failed to send them, several times in a row.`, { timeout: 15_000 });
  expect(failures).toBeGreaterThanOrEqual(3);
  await expect(banner.getByTestId('team-banner-reason')).toHaveText('The server said: The database is locked.');
  // the server answers again: Try now opens the feed, the banner goes and a correction arrives live
  failing = false;
  await banner.getByRole('button', { name: 'Try now' }).click();
  await expect(banner).toHaveCount(0, { timeout: 3000 });
  const seg4 = teamSegments(imported.documentId)[4];
  cli('edit', String(imported.documentId), String(seg4.id), '--text', `${seg4.text}丁`);
  await expect(page.getByTestId('row-4')).toContainText('丁');
});
