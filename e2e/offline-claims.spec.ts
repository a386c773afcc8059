/**
 * Claims made, candidates rejected and claims deleted while the team server cannot be reached are
 * kept like claim edits (offline-retry.spec.ts), across a reload too, listed as not sent yet, and
 * sent when the server is back — each with the request id drawn when the reviewer asked, so a
 * first try that reached the server but whose answer was lost is not stored twice; a deletion
 * carries the claim's version, so a claim changed meanwhile opens the conflict view instead.
 * The page's calls to the team server are held (502 team-unreachable, what the local server
 * answers when the team server is away) while another lead works on the server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { api, disconnectTeams, expect, ROOT, test, recordToasts, toastsSeen } from './fixtures';
import { TeamServer } from './team-server';

test.describe.configure({ mode: 'serial' });

let dir = '';
let origin = '';
let documentId = 0;
const server = new TeamServer();
const cli = (...args: string[]) => server.cli(...args);

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiaodui-offline-claims-e2e-'));
  server.db = join(dir, 'team.db');
  origin = await server.start('127.0.0.1:0');
  documentId = (JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Offline claims', '--title', '離線陳述')) as { documentId: number }).documentId;
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

type TeamClaim = { id: number; segmentId: number; start: number; end: number; notes: string };
type TeamCandidate = { segmentId: number; start: number; end: number; text: string; rejected: boolean; claimId: number | null };
const teamClaims = (): TeamClaim[] => JSON.parse(cli('claims', String(documentId), '--format', 'json')) as TeamClaim[];
const teamCandidates = (): TeamCandidate[] => JSON.parse(cli('claims', String(documentId), '--candidates', '--format', 'json')) as TeamCandidate[];
const teamSegments = () => (JSON.parse(cli('show', String(documentId), '--format', 'json')) as { segments: { id: number }[] }).segments;
const addClaim = (segmentId: number) => server.addClaim(documentId, segmentId);

const connectAndOpen = (page: Page, name: string) => server.connectAndOpen(page, name, '離線陳述');

const signIn = (name: string) => server.signIn(name);

const unreachable = (route: Route) =>
  route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'team-unreachable', message: `The team server ${origin} cannot be reached (test).` } }) });

const storedClaims = (page: Page) =>
  page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('jiaodui.keptWrites@')).flatMap(([, v]) => (JSON.parse(v) as { claims: { call: { method: string } }[] }).claims.map((c) => c.call.method)));

test('accepted, rejected and deleted while away: kept across a reload, listed as not sent, stored once when the server is back (a lost answer included)', async ({ app: page }) => {
  const segs = teamSegments();
  const doomed = addClaim(segs[2].id);
  const open = teamCandidates().filter((c) => c.claimId === null && !c.rejected);
  expect(open.length).toBeGreaterThan(2);
  const [toAccept, toReject] = [open[0], open[1]];
  await connectAndOpen(page, 'Kai');
  await page.getByTestId('claims-button').click();
  const panel = page.getByTestId('claims-panel');
  await expect(panel.locator(`[data-testid="claim-row"][data-claim-id="${doomed}"]`)).toBeVisible();

  // the page's claim writes (and its whoAmI, until the reload) fail as unreachable; the FIRST accept
  // reaches the server and is stored, but its answer is lost on the way back
  let whoAway = true;
  let lost = 0;
  const away = async (route: Route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/api/addClaim') && lost === 0) {
      lost++;
      await route.fetch();
      return unreachable(route);
    }
    if (/\/api\/(addClaim|rejectClaimCandidate|restoreClaimCandidate|deleteClaim)$/.test(path) || (whoAway && path.endsWith('/api/whoAmI'))) return unreachable(route);
    return route.fallback();
  };
  await page.route('**/remote/*/api/*', away);

  const candidate = (c: TeamCandidate) => panel.getByTestId('claim-candidate').filter({ hasText: c.text.slice(0, 12) }).first();
  await candidate(toAccept).getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('toast').last()).toContainText('the claim change is kept');
  await candidate(toReject).getByTestId('claim-candidate-reject').click();
  await panel.locator(`[data-testid="claim-row"][data-claim-id="${doomed}"]`).getByTestId('claim-delete').click();
  // what waits is shown: the claim being made and the rejection listed, the deletion marked on its claim
  const makes = panel.getByTestId('claim-pending-make');
  await expect(makes).toHaveCount(2);
  await expect(makes.nth(0)).toHaveAttribute('data-kind', 'create');
  await expect(makes.nth(1)).toHaveAttribute('data-kind', 'reject');
  await expect(panel.locator(`[data-testid="claim-pending"][data-claim-id="${doomed}"]`)).toContainText('deleted');
  await expect.poll(() => storedClaims(page)).toEqual(['addClaim', 'decideCandidate', 'deleteClaim']);
  await page.screenshot({ path: 'test-results/offline-claims-pending.png' });
  // the lost answer: the claim is stored on the server once already; nothing else is
  expect(lost).toBe(1);
  expect(teamClaims().filter((c) => c.segmentId === toAccept.segmentId && c.start === toAccept.start)).toHaveLength(1);
  expect(teamClaims().map((c) => c.id)).toContain(doomed);

  // the window reloads while the writes are still held: they come back, listed as not sent yet
  whoAway = false;
  await recordToasts(page);
  await page.reload();
  await expect.poll(() => toastsSeen(page)).toContainEqual(expect.stringContaining('Not sent yet, kept from an earlier session: 3 changes'));
  await page.getByTestId('claims-button').click();
  await expect(page.getByTestId('claims-panel').getByTestId('claim-pending-make')).toHaveCount(2);

  // back: each request is answered once — the accept's id finds its stored first try, no second claim
  await page.unroute('**/remote/*/api/*', away);
  await expect.poll(() => storedClaims(page), { timeout: 30_000 }).toEqual([]);
  const made = teamClaims().filter((c) => c.segmentId === toAccept.segmentId && c.start === toAccept.start);
  expect(made).toHaveLength(1);
  expect(teamClaims().map((c) => c.id)).not.toContain(doomed);
  expect(teamCandidates().find((c) => c.segmentId === toReject.segmentId && c.start === toReject.start)?.rejected ?? true).toBe(true);
  await expect(page.getByTestId('claims-panel').getByTestId('claim-pending-make')).toHaveCount(0);
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
});

test('a claim deleted while away and changed on the server meanwhile: the retry opens the conflict view; keep theirs keeps it, nothing lost', async ({ app: page }) => {
  const segs = teamSegments();
  const claimId = addClaim(segs[5].id);
  await connectAndOpen(page, 'Lu');
  const bo = await signIn('Bo');
  await page.getByTestId('claims-button').click();
  const row = page.getByTestId('claims-panel').locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(row).toBeVisible();

  const away = (route: Route) => (/\/api\/(deleteClaim|whoAmI)$/.test(new URL(route.request().url()).pathname) ? unreachable(route) : route.fallback());
  await page.route('**/remote/*/api/*', away);
  await row.getByTestId('claim-delete').click();
  await expect(page.locator(`[data-testid="claim-pending"][data-claim-id="${claimId}"]`)).toContainText('deleted');
  // meanwhile Bo adds a note to the claim on the server
  const claim = teamClaims().find((c) => c.id === claimId)!;
  await bo('updateClaim', { claimId, notes: 'Bo found the source', version: (claim as unknown as { version: number }).version });

  await page.unroute('**/remote/*/api/*', away);
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('your deletion was not done');
  await expect(dialog.getByTestId('conflict-theirs-notes')).toContainText('Bo found the source');
  await expect(dialog.getByRole('button', { name: 'Merge by hand…' })).toHaveCount(0);
  // nothing deleted yet; keep theirs keeps the claim with Bo's note
  expect(teamClaims().find((c) => c.id === claimId)?.notes).toBe('Bo found the source');
  await dialog.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(dialog).toHaveCount(0);
  expect(teamClaims().find((c) => c.id === claimId)?.notes).toBe('Bo found the source');
  await expect(page.locator(`[data-testid="claim-pending"][data-claim-id="${claimId}"]`)).toHaveCount(0);
});

test('a reload while the team server is away shows its library as last seen (not live, read-only); it is read again when the server is back', async ({ app: page }) => {
  await connectAndOpen(page, 'Su');
  const library = page.getByTestId('library');
  const docs = library.locator('[data-testid^="project-"] .doc-open');
  const teamDoc = docs.filter({ hasText: '離線陳述' });
  await expect(teamDoc).toBeVisible();
  await expect(page.getByTestId('library-stale')).toHaveCount(0);

  const port = new URL(origin).port;
  await server.stop(5000);
  // while the server is away a document is added to its database (the CLI opens it directly)
  cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Offline claims', '--title', '回來後才看到');
  await page.reload();
  await expect(page.getByTestId('team-banner')).toContainText('cannot be reached');
  // the library as last seen, marked not live with the time, and read-only: no details, no rename, no new project
  await expect(page.getByTestId('library-stale')).toContainText('Not live: the team server cannot be reached');
  await expect(teamDoc).toBeVisible();
  await expect(docs.filter({ hasText: '回來後才看到' })).toHaveCount(0);
  await expect(library.locator('[data-testid^="project-"] .doc-more')).toHaveCount(0);
  await expect(page.getByTestId('new-project')).toBeDisabled();
  await page.screenshot({ path: 'test-results/offline-library-stale.png' });

  // back: read again, live (the document added meanwhile appears), editable again
  await server.start(`127.0.0.1:${port}`);
  await expect(page.getByTestId('team-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('library-stale')).toHaveCount(0);
  await expect(docs.filter({ hasText: '回來後才看到' })).toBeVisible();
  await expect(library.locator('[data-testid^="project-"] .doc-more').first()).toBeVisible();
});

test("the other backends' library sections follow their change feeds: an import there appears without a reload", async ({ app: page, server: local }) => {
  const added = JSON.parse(cli('users', 'add', 'Yi', '--role', 'lead', '--format', 'json')) as { signInUrl: string };
  await page.getByTestId('connect-team').click();
  const dialog = page.getByTestId('connect-dialog');
  await dialog.getByTestId('connect-signin').fill(added.signInUrl);
  await dialog.getByTestId('connect-submit').click();
  await expect(dialog).toHaveCount(0);
  // working on this computer: the team server's section lists its library as read now…
  const teamSection = page.locator('[data-testid^="backend-c-"]', { hasText: new URL(origin).host });
  await expect(teamSection.getByRole('button', { name: '離線陳述' }).first()).toBeVisible();
  await expect(teamSection.getByText('團隊新稿')).toHaveCount(0);
  // …and again when its feed says a document was imported there
  cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Offline claims', '--title', '團隊新稿');
  await expect(teamSection.getByText('團隊新稿')).toBeVisible();

  // working on the team server: this computer's section follows this computer's feed likewise
  await teamSection.getByRole('button', { name: '離線陳述' }).first().click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /離線陳述/);
  const localSection = page.getByTestId('backend-local');
  await expect(localSection).toBeVisible();
  await expect(localSection.getByText('本機新稿')).toHaveCount(0);
  // a text of its own (not the sample: the other specs look the sample up on this shared server), trashed afterwards
  const file = join(dir, 'local-desk.txt');
  writeFileSync(file, '本機新稿：公司今天公布上月營收。\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jiaodui.mjs'), '--db', local.dbPath, 'import', file, '--project', 'Local desk', '--title', '本機新稿'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  try {
    await expect(localSection.getByText('本機新稿')).toBeVisible();
  } finally {
    await api(local, 'trashDocument', { documentId: (JSON.parse(r.stdout) as { documentId: number }).documentId });
  }
});
