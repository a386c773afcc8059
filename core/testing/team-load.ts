/**
 * The team server's load run (issue 19), shared by `npm run bench:team` (bench/team-load.ts:
 * 20 reviewers, 60 s, the latency figures) and the invariants test (core/team-load.test.ts:
 * a few reviewers for a few seconds, no timing assertion).
 *
 * Against a real `jiaodui serve --team` process (bin/jiaodui.mjs: the built CLI when fresh)
 * on a new database in `dir`, loopback only:
 *   - setup, in this process, before the server starts: the document (the sample repeated to
 *     `documentBytes`), one team account per simulated reviewer plus a checker and an exporter,
 *     each signed in (its one-time token exchanged for a session, as POST /api/session would;
 *     the server's sign-in rate limit, 10 then one per 6 s per address, would make 22 sign-ins
 *     from one address take a minute) — each then calls with its own session cookie;
 *   - `alone`: one reviewer's saves with nothing else running (the reference);
 *   - the load: every reviewer saves a correction of one of its own segments every
 *     `intervalMs` (random phase), sending the text's version as read (the app's save), while
 *     the checker runs the whole document's and the project's checks in turn and the exporter
 *     exports docx, xliff and the change report in turn, each back to back; every
 *     `pairEveryMs` two reviewers save different texts of one untouched segment from the same
 *     version at once (a seeded same-base pair: exactly one of the two must get 409);
 *   - `kill`: the load goes on for `killSeconds`, the server gets SIGKILL at a random moment
 *     in its middle and is started again on the same database and port; the reviewers carry on
 *     (a save that got no answer is unknown: its reviewer reads the segment again first);
 *   - verification, with the server stopped: every save answered 200 is a revision of its
 *     segment with its text (lost = those that are not); no save outside the pairs got 409.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openService, PACKAGE_ROOT, SAMPLE_FILE } from '../context';
import { teamSessions } from '../accounts';
import { sessionCookieName } from '../team-policy';
import { spawnScript, type ScriptProcess } from './spawn-script';
import { readFileSync } from 'node:fs';

export interface TeamLoadOptions {
  dir: string;
  reviewers: number;
  /** the load's length (the kill phase comes after) */
  seconds: number;
  intervalMs?: number;
  /** the document's size in UTF-8 bytes (the sample repeated) */
  documentBytes: number;
  /** how many saves the reference series makes alone (0: none) */
  aloneSaves?: number;
  /** one same-base pair every this many ms during the load (and the kill phase) */
  pairEveryMs?: number;
  checker?: boolean;
  exporter?: boolean;
  /** the kill phase's length in seconds (0: no kill phase) */
  killSeconds?: number;
  log?: (line: string) => void;
  /** extra environment for the server process */
  env?: NodeJS.ProcessEnv;
  /** extra arguments for the server's node (e.g. --cpu-prof) */
  nodeArgs?: string[];
}

export interface SaveRecord {
  reviewer: number;
  segmentId: number;
  text: string;
  status: number | 'network';
  /** the revision the 200 answer named (the text's new version) */
  revision: number | null;
  ms: number;
  /** when it was sent (ms since the run started) */
  at: number;
  phase: 'warm-up' | 'alone' | 'load' | 'kill';
  pair: number | null;
}

export interface TeamLoadResult {
  saves: SaveRecord[];
  /** latencies (ms) of the 200-answered saves outside pairs, by phase */
  latency: { alone: number[]; load: number[] };
  acknowledged: number;
  /** acknowledged saves missing from the database at the end */
  lost: SaveRecord[];
  pairs: { seeded: number; answered: number; exactlyOne409: number; interrupted: number };
  /** 409 answers to saves that were not part of a pair (must be 0) */
  unexpectedConflicts: SaveRecord[];
  /** answers other than 200/409 (other than during the kill's downtime) */
  otherErrors: { status: number | 'network'; body: string; phase: string }[];
  checks: { runs: number; errors: string[] };
  exports: { runs: number; errors: string[] };
  kill: { acknowledgedBefore: number; unansweredAtKill: number; restartMs: number; lostOfBefore: number } | null;
}

const BIN = join(PACKAGE_ROOT, 'bin', 'jiaodui.mjs');
const SERVER_LINE = /^http:\/\/127\.0\.0\.1:\d+\/$/m;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function textOfSize(bytes: number): string {
  const s = readFileSync(SAMPLE_FILE, 'utf8');
  let t = '';
  while (Buffer.byteLength(t) < bytes) t += s + '\n\n';
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Account {
  name: string;
  cookie: string;
}

interface Setup {
  dbPath: string;
  port: number;
  origin: string;
  documentId: number;
  projectId: number;
  reviewers: Account[];
  checker: Account;
  exporter: Account;
  /** the segments each reviewer corrects (no two share one), and the pairs' segments */
  owned: { id: number; text: string }[][];
  pairSegments: { id: number; text: string }[];
}

async function setUp(o: TeamLoadOptions): Promise<Setup> {
  const dbPath = join(o.dir, 'team.db');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const cookieName = sessionCookieName(new URL(origin));
  const service = await openService(dbPath, { kind: 'cli' });
  try {
    const { documentId } = service.importDocument({ fileName: 'load.txt', data: new Uint8Array(Buffer.from(textOfSize(o.documentBytes))), projectName: 'Load' });
    const projectId = service.getDocument({ documentId }).projectId;
    const sessions = teamSessions(service);
    const account = (name: string, role: 'reviewer' | 'lead'): Account => {
      const { token } = service.addUser({ name, role });
      return { name, cookie: `${cookieName}=${sessions.exchange(token).session}` };
    };
    const reviewers = Array.from({ length: o.reviewers }, (_, i) => account(`Reviewer ${i + 1}`, 'reviewer'));
    const checker = account('Checker', 'lead');
    const exporter = account('Exporter', 'reviewer');
    // long enough segments, spread over the document; never the same segment for two reviewers
    const segs = service.getSegments({ documentId }).filter((s) => s.text.length >= 8 && !s.furniture);
    const perReviewer = 40;
    const pairCount = 200;
    if (perReviewer * o.reviewers + pairCount > segs.length) throw new Error(`The document has ${segs.length} segments to correct; ${o.reviewers} reviewers need ${perReviewer * o.reviewers + pairCount}: make it larger.`);
    const owned = reviewers.map((_, r) => Array.from({ length: perReviewer }, (_, k) => segs[(k * o.reviewers + r) % segs.length]).map((s) => ({ id: s.id, text: s.text })));
    const taken = new Set(owned.flat().map((s) => s.id));
    const pairSegments = segs.filter((s) => !taken.has(s.id)).slice(0, pairCount).map((s) => ({ id: s.id, text: s.text }));
    return { dbPath, port, origin, documentId, projectId, reviewers, checker, exporter, owned, pairSegments };
  } finally {
    service.db.close();
  }
}

/** A `jiaodui serve --team` process on the setup's database and port. */
async function startServer(s: Setup, o: TeamLoadOptions): Promise<ScriptProcess> {
  const p = spawnScript(BIN, ['--db', s.dbPath, 'serve', '--team', '--listen', `127.0.0.1:${s.port}`], { cwd: PACKAGE_ROOT, env: { ...process.env, ...o.env, JIAODUI_DB: s.dbPath }, nodeArgs: o.nodeArgs });
  await p.waitFor(SERVER_LINE, 120_000);
  return p;
}

interface Answer {
  status: number | 'network';
  body: string;
  ms: number;
}

async function call(s: Setup, who: Account, method: string, args: unknown): Promise<Answer> {
  const t = performance.now();
  try {
    const res = await fetch(`${s.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: who.cookie, Origin: s.origin },
      body: JSON.stringify(args),
    });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - t };
  } catch (e) {
    return { status: 'network', body: (e as Error).message, ms: performance.now() - t };
  }
}

/** The segment's text and version as the server has them now (a reviewer's read after an unanswered save). */
async function readSegment(s: Setup, who: Account, id: number): Promise<{ text: string; version: number | null } | null> {
  const a = await call(s, who, 'getSegmentsById', { segmentIds: [id] });
  if (a.status !== 200) return null;
  const seg = (JSON.parse(a.body) as { value: { text: string; versions: { text: number | null } }[] }).value[0];
  return { text: seg.text, version: seg.versions.text };
}

function revisionOf(body: string, segmentId: number): number | null {
  const r = JSON.parse(body) as { value?: { segments: { id: number; versions: { text: number | null } }[] } };
  return r.value?.segments.find((x) => x.id === segmentId)?.versions.text ?? null;
}

export async function runTeamLoad(o: TeamLoadOptions): Promise<TeamLoadResult> {
  const log = o.log ?? (() => {});
  const interval = o.intervalMs ?? 2000;
  const s = await setUp(o);
  log(`setup: document ${s.documentId}, ${o.reviewers} reviewers, port ${s.port}`);
  let server = await startServer(s, o);
  let down = false;
  const saves: SaveRecord[] = [];
  const t0 = performance.now();
  const otherErrors: TeamLoadResult['otherErrors'] = [];
  let phase: SaveRecord['phase'] = 'warm-up';
  // each reviewer's view of its segments: text and version as last read or saved (null version: never revised)
  const views = s.owned.map((list) => list.map((seg) => ({ id: seg.id, base: seg.text, version: null as number | null, unknown: false, n: 0, busy: false })));
  const turn = views.map(() => 0);

  const save = async (r: number, segmentId: number, text: string, version: number | null, pair: number | null): Promise<SaveRecord> => {
    const at = performance.now() - t0;
    const a = await call(s, s.reviewers[r], 'editSegment', { segmentId, text, version });
    const rec: SaveRecord = { reviewer: r, segmentId, text, status: a.status, revision: a.status === 200 ? revisionOf(a.body, segmentId) : null, ms: a.ms, at, phase, pair };
    saves.push(rec);
    if (a.status !== 200 && a.status !== 409 && !down) otherErrors.push({ status: a.status, body: a.body.slice(0, 300), phase });
    return rec;
  };

  /**
   * One correction by reviewer r of its next segment, in turn (a reviewer never has two saves
   * of one segment under way: the second would be based on a version the first replaces).
   */
  const tick = async (r: number) => {
    const v = views[r][turn[r]++ % views[r].length];
    if (v.busy) return;
    v.busy = true;
    try {
      if (v.unknown) {
        const now = await readSegment(s, s.reviewers[r], v.id);
        if (!now) return;
        v.version = now.version;
        v.unknown = false;
      }
      v.n++;
      const text = `${v.base}〔${r + 1}.${v.n}〕`;
      const rec = await save(r, v.id, text, v.version, null);
      if (rec.status === 200) v.version = rec.revision;
      else v.unknown = true; // a 409 (never expected) or no answer: read it again before the next save
    } finally {
      v.busy = false;
    }
  };

  // --- the reference: one reviewer alone -----------------------------------------------------
  const aloneSaves = o.aloneSaves ?? 0;
  if (aloneSaves) {
    for (let i = 0; i < 3; i++) await tick(0); // the first saves load what the process has not yet
    await sleep(2000); // the server's start-up work (the gloss cache's warm-up) is over
    phase = 'alone';
    for (let i = 0; i < aloneSaves; i++) {
      await tick(0);
      await sleep(100);
    }
  }

  // --- the load ---------------------------------------------------------------------------
  let running = true;
  const checks = { runs: 0, errors: [] as string[] };
  const exportsDone = { runs: 0, errors: [] as string[] };
  const background: Promise<void>[] = [];
  const loop = async (who: Account, calls: [string, unknown][], into: { runs: number; errors: string[] }) => {
    for (let i = 0; running; i++) {
      const [method, args] = calls[i % calls.length];
      const a = await call(s, who, method, args);
      if (a.status === 200) into.runs++;
      else if (!down) into.errors.push(`${method}: ${a.status} ${a.body.slice(0, 200)}`);
      if (a.status === 'network') await sleep(200);
    }
  };
  if (o.checker ?? true) {
    background.push(loop(s.checker, [['runChecks', { documentId: s.documentId }], ['checkProject', { projectId: s.projectId }]], checks));
  }
  if (o.exporter ?? true) {
    const ex = (format: string) => ['exportDocument', { documentId: s.documentId, format, script: 'hant' }] as [string, unknown];
    background.push(loop(s.exporter, [ex('docx'), ex('xliff'), ex('report-html')], exportsDone));
  }

  let pairNo = 0;
  const pairs = { seeded: 0, answered: 0, exactlyOne409: 0, interrupted: 0 };
  const pairSaves: Promise<void>[] = [];
  const seedPair = () => {
    const seg = s.pairSegments[pairNo % s.pairSegments.length];
    const id = ++pairNo;
    pairs.seeded++;
    const a = id % o.reviewers;
    const b = (id + 1) % o.reviewers;
    pairSaves.push(
      (async () => {
        // both read the segment's version, then save different texts from it at once
        const read = await readSegment(s, s.reviewers[a], seg.id);
        if (!read) {
          pairs.interrupted++;
          return;
        }
        const [x, y] = await Promise.all([save(a, seg.id, `${read.text}〔對${id}甲〕`, read.version, id), save(b, seg.id, `${read.text}〔對${id}乙〕`, read.version, id)]);
        if (x.status === 'network' || y.status === 'network') {
          pairs.interrupted++;
          return;
        }
        pairs.answered++;
        const statuses = [x.status, y.status].sort();
        if (statuses[0] === 200 && statuses[1] === 409) pairs.exactlyOne409++;
      })(),
    );
  };

  const runPhase = async (seconds: number, duringPhase?: () => Promise<void>) => {
    const end = performance.now() + seconds * 1000;
    const timers: Promise<void>[] = s.reviewers.map(async (_, r) => {
      await sleep(Math.random() * interval);
      const pending: Promise<void>[] = [];
      for (let next = performance.now(); performance.now() < end; ) {
        pending.push(tick(r));
        next += interval;
        await sleep(Math.max(0, next - performance.now()));
      }
      await Promise.all(pending);
    });
    const pairTimer = (async () => {
      if (!o.pairEveryMs) return;
      for (let next = performance.now() + o.pairEveryMs / 2; next < end; next += o.pairEveryMs) {
        await sleep(Math.max(0, next - performance.now()));
        seedPair();
      }
    })();
    await Promise.all([...timers, pairTimer, duringPhase?.() ?? Promise.resolve()]);
  };

  phase = 'load';
  log(`load: ${o.seconds} s`);
  await runPhase(o.seconds);

  // --- kill -9 mid-load, restart on the same database ---------------------------------------
  let kill: TeamLoadResult['kill'] = null;
  if (o.killSeconds) {
    phase = 'kill';
    log(`kill phase: ${o.killSeconds} s, SIGKILL in its middle`);
    await runPhase(o.killSeconds, async () => {
      await sleep((o.killSeconds! * 1000) / 3 + Math.random() * ((o.killSeconds! * 1000) / 3));
      const answeredBefore = saves.filter((x) => x.status === 200).length;
      down = true;
      await server.kill();
      const t = performance.now();
      server = await startServer(s, o);
      const restartMs = performance.now() - t;
      down = false;
      kill = { acknowledgedBefore: answeredBefore, unansweredAtKill: 0, restartMs, lostOfBefore: 0 };
    });
  }
  running = false;
  await Promise.all([...background, ...pairSaves]);
  await server.stop();

  // --- verification: every acknowledged save is a revision of its segment with its text -------
  const acked = saves.filter((x) => x.status === 200);
  const stored = new Map<number, { segmentId: number; after: string | null }>();
  const check = await openService(s.dbPath, { kind: 'cli' });
  try {
    for (const segmentId of new Set(acked.map((x) => x.segmentId))) {
      for (const rev of check.segmentHistory({ segmentId })) if (rev.field === 'zh') stored.set(rev.id, { segmentId, after: rev.after });
    }
  } finally {
    check.db.close();
  }
  const lost = acked.filter((x) => {
    const row = x.revision === null ? undefined : stored.get(x.revision);
    return !row || row.segmentId !== x.segmentId || row.after !== x.text;
  });
  const k = kill as TeamLoadResult['kill'];
  if (k) {
    const killed = saves.filter((x) => x.phase === 'kill');
    k.unansweredAtKill = killed.filter((x) => x.status === 'network').length;
    const firstAcked = saves.filter((x) => x.status === 200).slice(0, k.acknowledgedBefore);
    k.lostOfBefore = lost.filter((x) => firstAcked.includes(x)).length;
  }
  const ok = (x: SaveRecord) => x.status === 200 && x.pair === null;
  return {
    saves,
    latency: { alone: saves.filter((x) => x.phase === 'alone' && ok(x)).map((x) => x.ms), load: saves.filter((x) => x.phase === 'load' && ok(x)).map((x) => x.ms) },
    acknowledged: saves.filter((x) => x.status === 200).length,
    lost,
    pairs,
    unexpectedConflicts: saves.filter((x) => x.status === 409 && x.pair === null),
    otherErrors,
    checks,
    exports: exportsDone,
    kill: k,
  };
}
