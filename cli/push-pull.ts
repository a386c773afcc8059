/**
 * `jiaodui push PROJECT --to URL [--token T] [--as NAME]` and `jiaodui pull PROJECT --from URL
 * [--token T] [--as NAME]` (issue 19): a one-time copy of a project between this database and a
 * team server, as a project bundle (shared/bundle/schema.ts, core/bundle.ts) through the
 * contract's exportProjectBundle / importProjectBundle, locally through the dispatcher and
 * remotely over HTTP (cli/remote.ts). The receiving side stores the bundle in one transaction
 * and proves the stored copy has the bundle's digest. A project of the same name on the
 * receiving side is never overwritten: the copy is refused unless given another name (--as) or
 * told to replace it (--replace-existing: the copy is stored first under a passing name, then the old
 * project is renamed aside — "NAME (replaced 2026-12-02 18:30)", kept with all its history — and
 * the copy takes NAME; a failure at any step leaves both projects whole).
 */
import type { z } from 'zod';
import type { CliMoveOutput } from '../shared/contract/cli';
import type { ContractCaller } from './call';
import { UsageError } from './args';
import { findProject } from './check-project';
import { exitCodeOf, parseServerUrl, parseSignInToken, RemoteError, REMOTE_EXIT, reuseSession, signIn, type RemoteSession } from './remote';
import { savedTeamSession } from '../core/remote/connections';
import { isJiaoduiError } from '../shared/errors';
import { plural } from './output';

type Flags = Record<string, string | boolean | undefined>;

/** What push and pull print with --format json. */
export type MoveOutput = z.infer<typeof CliMoveOutput>;

/** "Pushed "name" — 3 documents, 1,204 revisions, digest ab12cd34ef56… matches" */
export function moveLine(o: MoveOutput): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const count = (x: number, one: string) => plural(x, one, undefined, n);
  const verb = o.direction === 'push' ? `Pushed "${o.project.name}" to ${o.server}` : `Pulled "${o.project.name}" from ${o.server}`;
  return `${verb} — ${count(o.counts.documents, 'document')}, ${count(o.counts.revisions, 'revision')}, ${count(o.counts.annotations, 'annotation')}, ${count(o.counts.claims, 'claim')}, digest ${o.digest.slice(0, 12)}… matches\n`;
}

function flagsOf(command: 'push' | 'pull', args: string[], f: Flags): { ref: string; server: URL; token: string | null; name: string | undefined; replace: boolean } {
  const where = command === 'push' ? 'to' : 'from';
  const usage = `jiaodui ${command} PROJECT --${where} URL [--token T] [--as NAME | --replace-existing]`;
  const [ref, extra] = args;
  if (!ref) throw new UsageError(`Missing PROJECT (a name or id): ${usage}.`);
  if (extra !== undefined) throw new UsageError(`One PROJECT at a time (got "${extra}" too); quote a name with spaces.`);
  const url = f[where];
  if (typeof url !== 'string') throw new UsageError(`Missing --${where} URL (the team server's address): ${usage}.`);
  if (f[command === 'push' ? 'from' : 'to'] !== undefined) throw new UsageError(`${command} takes --${where}, not --${command === 'push' ? 'from' : 'to'}.`);
  if (f.token !== undefined && typeof f.token !== 'string') throw new UsageError(`--token needs a sign-in address from jiaodui users add, or its token: ${usage}.`);
  if (f.as !== undefined && (typeof f.as !== 'string' || !f.as.trim())) throw new UsageError('--as needs the new project name.');
  if (f['replace-existing'] === true && f.as !== undefined) throw new UsageError('Use --as NAME or --replace-existing, not both.');
  return { ref, server: parseServerUrl(url, `--${where}`), token: typeof f.token === 'string' ? parseSignInToken(f.token) : null, name: typeof f.as === 'string' ? f.as.trim() : undefined, replace: f['replace-existing'] === true };
}

/** A refusal of the local service with the exit code push/pull give it (a name taken, a newer or damaged bundle). */
function withExitCode(e: unknown): unknown {
  if (!isJiaoduiError(e) || e instanceof RemoteError) return e;
  const exit = exitCodeOf(e.code);
  return exit === undefined ? e : new RemoteError(e.code, e.message, exit);
}

/**
 * A session on the server: signed in with the --token given (and signed out at the end), else the
 * session the app keeps for that server (connected with "Connect to a team server…"; left signed in).
 */
async function withSession<T>(server: URL, token: string | null, connectionsFile: string, work: (remote: RemoteSession) => Promise<T>): Promise<T> {
  let remote: RemoteSession;
  if (token !== null) {
    remote = await signIn(server, token, { onWait: (s) => process.stderr.write(`jiaodui: ${server.origin} limits sign-ins from this address; trying again in ${s} s\n`) });
  } else {
    const saved = savedTeamSession(connectionsFile, server.origin);
    if (!saved) {
      throw new UsageError(
        `Missing --token: give a sign-in address from jiaodui users add (or its token), or connect to ${server.origin} in the app first (Connect to a team server…), whose session push and pull then use.`,
      );
    }
    remote = await reuseSession(server, saved);
  }
  try {
    return await work(remote);
  } finally {
    await remote.signOut();
  }
}

function taken(name: string, where: string): RemoteError {
  return new RemoteError('conflict', `${where} already has a project named "${name}"; nothing was copied. Give the copy another name with --as NEW_NAME, or replace it with --replace-existing (the old one is kept, renamed).`, REMOTE_EXIT.nameTaken);
}

/** The minute of a replacement, for the names of the old project and the passing one. */
function stamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

type ProjectRef = { id: number; name: string };
type Store = {
  projects(): Promise<ProjectRef[]> | ProjectRef[];
  rename(projectId: number, name: string): Promise<unknown> | unknown;
};

/**
 * --replace-existing, after the copy was stored as `incoming`: the old project of that name is renamed
 * aside (kept whole), then the copy takes the name. Returns the copy's final name.
 */
async function swapIn(store: Store, incoming: ProjectRef, target: string, when: string): Promise<string> {
  const old = (await store.projects()).find((p) => p.id !== incoming.id && p.name.toLowerCase() === target.toLowerCase());
  if (old) await store.rename(old.id, `${target} (replaced ${when})`);
  await store.rename(incoming.id, target);
  return target;
}

export async function runPush(api: ContractCaller, args: string[], f: Flags, json: boolean, connectionsFile: string): Promise<number> {
  const { ref, server, token, name, replace } = flagsOf('push', args, f);
  const project = findProject(api.call('listProjects', {}), ref);
  if (!project) throw new UsageError(`There is no project "${ref.trim()}" here (jiaodui list shows the documents and their projects).`);
  const bundle = api.call('exportProjectBundle', { projectId: project.id });
  const target = name ?? bundle.name;
  const r = await withSession(server, token, connectionsFile, async (remote) => {
    // the name first, so a taken one costs no upload (the server checks again inside its transaction)
    const exists = (await remote.call('listProjects', {})).some((p) => p.name.toLowerCase() === target.toLowerCase());
    if (exists && !replace) throw taken(target, server.origin);
    if (!exists) return remote.call('importProjectBundle', { bundle, ...(name !== undefined ? { name } : {}) });
    const when = stamp();
    const stored = await remote.call('importProjectBundle', { bundle, name: `${target} (incoming ${when})` });
    const store: Store = { projects: () => remote.call('listProjects', {}), rename: (projectId, newName) => remote.call('renameProject', { projectId, name: newName }) };
    return { ...stored, project: { ...stored.project, name: await swapIn(store, stored.project, target, when) } };
  });
  if (r.digest !== bundle.digest) throw new RemoteError('bundle-digest', `${server.origin} stored the project with digest ${r.digest.slice(0, 12)}…, not ${bundle.digest.slice(0, 12)}….`, REMOTE_EXIT.digest);
  return report(json, { direction: 'push', server: server.origin, project: r.project, digest: r.digest, counts: r.counts });
}

export async function runPull(api: ContractCaller, args: string[], f: Flags, json: boolean, connectionsFile: string): Promise<number> {
  const { ref, server, token, name, replace } = flagsOf('pull', args, f);
  const local = api.call('listProjects', {});
  const bundle = await withSession(server, token, connectionsFile, async (remote) => {
    const project = findProject(await remote.call('listProjects', {}), ref);
    if (!project) throw new UsageError(`${server.origin} has no project "${ref.trim()}".`);
    const target = name ?? project.name;
    if (!replace && local.some((p) => p.name.toLowerCase() === target.toLowerCase())) throw taken(target, 'This database');
    return remote.call('exportProjectBundle', { projectId: project.id });
  });
  const target = name ?? bundle.name;
  const exists = local.some((p) => p.name.toLowerCase() === target.toLowerCase());
  let r;
  try {
    if (!exists) r = api.call('importProjectBundle', { bundle, ...(name !== undefined ? { name } : {}) });
    else {
      const when = stamp();
      const stored = api.call('importProjectBundle', { bundle, name: `${target} (incoming ${when})` });
      const store: Store = { projects: () => api.call('listProjects', {}), rename: (projectId, newName) => api.call('renameProject', { projectId, name: newName }) };
      r = { ...stored, project: { ...stored.project, name: await swapIn(store, stored.project, target, when) } };
    }
  } catch (e) {
    throw withExitCode(e);
  }
  return report(json, { direction: 'pull', server: server.origin, project: r.project, digest: r.digest, counts: r.counts });
}

function report(json: boolean, o: MoveOutput): number {
  process.stdout.write(json ? JSON.stringify(o, null, 2) + '\n' : moveLine(o));
  return 0;
}
