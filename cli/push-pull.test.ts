/**
 * `jiaodui push` / `pull` (issue 19) against a real team server (`jiaodui serve --team`, its own
 * process and database): push a local project, pull it back into a third database, equal
 * digests; a name in use refused and `--as`; wrong, used and revoked tokens; a reviewer's push
 * refused (403); a bad or unreachable address; over HTTP, a tampered bundle refused by the
 * digest and a newer format refused. Every failure with its own exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BIN, CLI_ENV, cliRunner, cliTestDatabase } from './test-helpers';
import { spawnScript, type ScriptProcess } from '../core/testing/spawn-script';
import { SAMPLE_FILE } from '../core/context';
import { cliOutputSchemas } from '../shared/contract/cli';
import { RemoteError, REMOTE_EXIT, signIn } from './remote';
import { digestOf } from '../core/bundle';
import { connectionsFileFor, TeamConnections } from '../core/remote/connections';

const local = cliTestDatabase('local.db');
const run = local.run;
const serverDb = () => join(local.dir, 'server.db');
const thirdDb = () => join(local.dir, 'third.db');
const onServer = cliRunner(serverDb);
const onThird = cliRunner(thirdDb);

let server: ScriptProcess;
let origin = '';

beforeAll(async () => {
  server = spawnScript(BIN, ['--db', serverDb(), 'serve', '--team', '--listen', '127.0.0.1:0'], { env: { ...process.env, ...CLI_ENV } });
  origin = (await server.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/$/m))[0].replace(/\/$/, '');
});
afterAll(async () => {
  await server?.stop(5000);
});

let accounts = 0;
/** A fresh one-time sign-in address of a new account with this role (what `users add` prints). */
function signInAddress(role: 'reviewer' | 'lead' | 'admin'): string {
  const r = onServer('users', 'add', `Mover ${++accounts}`, '--role', role, '--format', 'json');
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { signInUrl: string }).signInUrl;
}
const tokenOf = (address: string) => address.split('#signin=')[1];
/** The error line (a rate-limited sign-in may print a line about waiting before it). */
const lastLine = (err: string) => err.trimEnd().split('\n').at(-1) + '\n';

describe('jiaodui push / pull with a team server', () => {
  it('pushes a project with its history and pulls it back into a third database: equal digests', () => {
    const imported = run('import', SAMPLE_FILE, '--project', 'Moving', '--format', 'json');
    expect(imported.code, imported.err).toBe(0);
    const documentId = cliOutputSchemas.import.parse(JSON.parse(imported.out)).documentId;
    const segs = (JSON.parse(run('show', String(documentId), '--format', 'json').out) as { segments: { id: number; text: string }[] }).segments;
    expect(run('edit', String(documentId), String(segs[2].id), '--text', `${segs[2].text}（改）`, '--reviewer', 'Ann').code).toBe(0);
    expect(run('edit', String(documentId), String(segs[3].id), '--text', `${segs[3].text}！`, '--reviewer', 'Bo').code).toBe(0);
    expect(run('undo', String(documentId), '--reviewer', 'Bo').code).toBe(0); // an undone step travels too

    const pushed = run('push', 'Moving', '--to', origin, '--token', signInAddress('lead'), '--format', 'json');
    expect(pushed.code, pushed.err).toBe(0);
    const p = cliOutputSchemas.push.parse(JSON.parse(pushed.out));
    expect(p).toMatchObject({ direction: 'push', server: origin, project: { name: 'Moving', documentCount: 1 }, counts: { documents: 1, operations: 3 } });
    expect(p.counts.revisions).toBeGreaterThanOrEqual(4);

    // pulled by a reviewer (reading is a reviewer's) into another database, by id, with the bare token
    const projectId = p.project.id;
    const pulled = onThird('pull', String(projectId), '--from', origin, '--token', tokenOf(signInAddress('reviewer')), '--format', 'json');
    expect(pulled.code, pulled.err).toBe(0);
    const q = cliOutputSchemas.pull.parse(JSON.parse(pulled.out));
    expect(q.digest).toBe(p.digest);
    expect(q.counts).toEqual(p.counts);
    const third = JSON.parse(onThird('list', '--format', 'json').out) as { projectName: string; title: string }[];
    expect(third.filter((d) => d.projectName === 'Moving')).toHaveLength(1);

    // the text form names the copy, its counts and the digest
    const again = run('push', 'Moving', '--to', origin, '--token', signInAddress('admin'), '--as', 'Moving 2');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(new RegExp(`^Pushed "Moving 2" to ${origin} — 1 document, \\d+ revisions, 0 annotations, 0 claims, digest ${p.digest.slice(0, 12)}… matches\\n$`));
  });

  it('refuses to overwrite a project of the same name, on either side, unless given another name', () => {
    const r = run('push', 'Moving', '--to', origin, '--token', signInAddress('lead'));
    expect(r.code).toBe(REMOTE_EXIT.nameTaken);
    expect(lastLine(r.err)).toBe(`jiaodui: ${origin} already has a project named "Moving"; nothing was copied. Give the copy another name with --as NEW_NAME, or replace it with --replace-existing (the old one is kept, renamed).\n`);
    const pull = onThird('pull', 'Moving', '--from', origin, '--token', signInAddress('reviewer'));
    expect(pull.code).toBe(REMOTE_EXIT.nameTaken);
    expect(pull.err).toContain('This database already has a project named "Moving"');
    const renamed = onThird('pull', 'moving', '--from', origin, '--token', signInAddress('reviewer'), '--as', 'Moving (server)');
    expect(renamed.code, renamed.err).toBe(0);
    expect(renamed.out).toMatch(/^Pulled "Moving \(server\)" from /);
  });

  it('--replace-existing puts the copy in the place of a project of the same name, keeping the old one renamed aside, on either side', () => {
    const before = JSON.parse(onServer('list', '--format', 'json').out) as { projectName: string }[];
    expect(before.map((d) => d.projectName)).toContain('Moving');
    expect(run('push', 'Moving', '--to', origin, '--token', signInAddress('lead'), '--as', 'Moving', '--replace-existing').code).toBe(2);
    const pushed = run('push', 'Moving', '--to', origin, '--token', signInAddress('lead'), '--replace-existing', '--format', 'json');
    expect(pushed.code, pushed.err).toBe(0);
    expect(cliOutputSchemas.push.parse(JSON.parse(pushed.out)).project.name).toBe('Moving');
    const names = (JSON.parse(onServer('list', '--format', 'json').out) as { projectName: string }[]).map((d) => d.projectName);
    // the copy holds the name; the project it replaced is kept under a dated name; no passing name is left
    expect(names.filter((n) => n === 'Moving')).toHaveLength(1);
    expect(names.filter((n) => /^Moving \(replaced \d{4}-\d\d-\d\d \d\d:\d\d\)$/.test(n))).toHaveLength(1);
    expect(names.some((n) => n.includes('(incoming'))).toBe(false);

    const pulled = onThird('pull', 'Moving', '--from', origin, '--token', signInAddress('reviewer'), '--replace-existing');
    expect(pulled.code, pulled.err).toBe(0);
    expect(pulled.out).toMatch(/^Pulled "Moving" from /);
    const third = (JSON.parse(onThird('list', '--format', 'json').out) as { projectName: string }[]).map((d) => d.projectName);
    expect(third.filter((n) => n === 'Moving')).toHaveLength(1);
    expect(third.filter((n) => n.startsWith('Moving (replaced '))).toHaveLength(1);
  });

  it('refuses wrong, used and revoked tokens (exit 7) and a reviewer\'s push (403, exit 8)', () => {
    const wrong = run('push', 'Moving', '--to', origin, '--token', 'A'.repeat(43), '--as', 'X');
    expect(wrong.code).toBe(REMOTE_EXIT.signIn);
    expect(lastLine(wrong.err)).toBe(`jiaodui: ${origin}: This sign-in address is not valid. Ask a team admin for a new one.\n`);
    const address = signInAddress('lead');
    expect(run('push', 'Moving', '--to', origin, '--token', address, '--as', 'Used once').code).toBe(0);
    const used = run('push', 'Moving', '--to', origin, '--token', address, '--as', 'Used twice');
    expect(used.code).toBe(REMOTE_EXIT.signIn);
    expect(used.err).toContain('already used');
    const revoked = signInAddress('lead');
    expect(onServer('users', 'revoke', `Mover ${accounts}`).code).toBe(0);
    const r = run('push', 'Moving', '--to', origin, '--token', revoked, '--as', 'Revoked');
    expect(r.code).toBe(REMOTE_EXIT.signIn);
    const reviewer = run('push', 'Moving', '--to', origin, '--token', signInAddress('reviewer'), '--as', 'By a reviewer');
    expect(reviewer.code).toBe(REMOTE_EXIT.forbidden);
    expect(reviewer.err).toMatch(/is a reviewer; "import project bundle" needs the lead role/);
    const list = JSON.parse(onServer('list', '--format', 'json').out) as { projectName: string }[];
    expect(list.map((d) => d.projectName)).not.toContain('By a reviewer');
  });

  it('without --token uses the session the app keeps for that server (Connect to a team server…), and leaves it signed in', async () => {
    const none = run('push', 'Moving', '--to', origin, '--as', 'No token');
    expect(none.code).toBe(2);
    expect(none.err).toContain(`connect to ${origin} in the app first`);
    // the app connects the way the connect dialog does: the session lands in <db>.connections.json
    const app = new TeamConnections({ file: connectionsFileFor(local.dbPath()) });
    // the file's earlier tests used up the server's sign-in burst: wait as the server says (the CLI's sign-in does too)
    const connect = async (address: string): Promise<Awaited<ReturnType<TeamConnections['connect']>>> => {
      for (let tries = 0; ; tries++) {
        try {
          return await app.connect(origin, address);
        } catch (e) {
          const wait = /try again in (\d+) s/.exec((e as Error).message);
          if (!wait || tries > 5) throw e;
          await new Promise((resolve) => setTimeout(resolve, Number(wait[1]) * 1000));
        }
      }
    };
    const conn = await connect(signInAddress('lead'));
    const pushed = run('push', 'Moving', '--to', origin, '--as', 'Via the app', '--format', 'json');
    expect(pushed.code, pushed.err).toBe(0);
    expect(JSON.parse(pushed.out)).toMatchObject({ direction: 'push', project: { name: 'Via the app' } });
    // still signed in: a second command works with the same session, and so does the app
    const pulled = run('pull', 'Via the app', '--from', origin, '--as', 'Back via the app');
    expect(pulled.code, pulled.err).toBe(0);
    expect((await app.call(conn.id, 'whoAmI', '{}', null)).status).toBe(200);
    // a session the server ended is refused with what to do (exit 7)
    expect(onServer('users', 'revoke', `Mover ${accounts}`).code).toBe(0);
    const ended = run('push', 'Moving', '--to', origin, '--as', 'After revoke');
    expect(ended.code).toBe(REMOTE_EXIT.signIn);
    expect(lastLine(ended.err)).toContain('connect again in the app, or give --token with a new sign-in address');
  }, 90_000);

  it('says what is wrong with the address: not a URL (exit 2), nobody listening (exit 6)', async () => {
    const bad = run('push', 'Moving', '--to', 'review.example.org', '--token', signInAddress('lead'));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('jiaodui: --to must be the team server\'s address (https://…), got "review.example.org".\n');
    const ftp = run('pull', 'Moving', '--from', 'ftp://example.org', '--token', 'A'.repeat(43));
    expect(ftp.code).toBe(2);
    expect(run('push', 'Moving', '--to', origin, '--token', 'not a token').err).toContain('--token must be a sign-in address');
    // a port nobody listens on: taken, then freed
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const down = run('push', 'Moving', '--to', `http://127.0.0.1:${port}`, '--token', 'A'.repeat(43));
    expect(down.code).toBe(REMOTE_EXIT.unreachable);
    expect(down.err).toBe(`jiaodui: Cannot reach the team server at http://127.0.0.1:${port}: ECONNREFUSED.\n`);
    // the help documents every exit code
    const help = run('push', '--help').out;
    for (const code of [2, 6, 7, 8, 9, 10, 11]) expect(help).toContain(`${code} `);
  });

  it('over HTTP: a push larger than the usual body limit is read from a lead and refused from a reviewer before it is read', async () => {
    const pad = 'x'.repeat(16 * 1024 * 1024); // over the 15 MB of every other method
    const junk = { format: 'jiaodui-project-bundle' as const, version: 1, pad };
    const reviewer = await signIn(new URL(origin), tokenOf(signInAddress('reviewer')));
    const lead = await signIn(new URL(origin), tokenOf(signInAddress('lead')));
    // (many sign-ins from one address in a row: the server rate-limits them, the client waits its Retry-After)
    try {
      await expect(reviewer.call('importProjectBundle', { bundle: junk, name: 'Junk' })).rejects.toMatchObject({ code: 'forbidden', exitCode: REMOTE_EXIT.forbidden, message: expect.stringContaining('needs the lead role') });
      // read whole and judged by the handler: not a complete bundle (not "Request larger than 15 MB")
      await expect(lead.call('importProjectBundle', { bundle: junk, name: 'Junk' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('The project bundle is malformed') });
    } finally {
      await reviewer.signOut();
      await lead.signOut();
    }
  });

  it('over HTTP: a bundle with a tampered field is refused by the digest (exit 11), a newer format as such (exit 10); nothing stored', async () => {
    const remote = await signIn(new URL(origin), tokenOf(signInAddress('lead')), { onWait: () => undefined });
    try {
      const projects = await remote.call('listProjects', {});
      const bundle = await remote.call('exportProjectBundle', { projectId: projects.find((p) => p.name === 'Moving')!.id });
      expect(digestOf(bundle.content)).toBe(bundle.digest);
      const tampered = structuredClone(bundle) as unknown as { content: { tables: { segments: { current_text: string }[] } } };
      tampered.content.tables.segments[0].current_text += '（篡改）';
      const refused = await remote.call('importProjectBundle', { bundle: tampered as unknown as typeof bundle, name: 'Tampered' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RemoteError);
      expect(refused).toMatchObject({ code: 'bundle-digest', exitCode: REMOTE_EXIT.digest, message: expect.stringContaining('does not match its digest') });
      const newer = await remote.call('importProjectBundle', { bundle: { ...bundle, version: 2 }, name: 'Newer' }).catch((e: unknown) => e);
      expect(newer).toMatchObject({ code: 'bundle-future', exitCode: REMOTE_EXIT.newerFormat });
      expect((await remote.call('listProjects', {})).map((p) => p.name)).not.toEqual(expect.arrayContaining(['Tampered']));
      expect((await remote.call('listProjects', {})).map((p) => p.name)).not.toContain('Newer');
    } finally {
      await remote.signOut();
    }
  });
});
