/**
 * Errors' message data (shared/error-messages.ts) through every transport that can run under
 * plain Node: the HTTP bridge (browser mode), the IPC handler's envelope and the preload's client
 * (Electron's structured clone in between), a team answer relayed to the page (core/remote/team-http.ts,
 * electron/remote-routing.ts). Each answer carries the English message and `messageData` { key, params }.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { freshService, importSample, writeStaticRoot } from './test-helpers';
import { startServer, type RunningServer } from './server';
import { envelope, toErrorPayload } from '../shared/contract/dispatch';
import { unwrap } from '../shared/contract/client';
import { pageAnswer, unreachableAnswer } from './remote/team-http';
import { envelopeFromAnswer } from '../electron/remote-routing';
import { JiaoduiError } from '../shared/errors';

let ctx: Awaited<ReturnType<typeof freshService>>;
let srv: RunningServer;

beforeAll(async () => {
  ctx = await freshService();
  importSample(ctx.service);
  srv = await startServer(ctx.service, { staticRoot: writeStaticRoot(ctx.dir), checkResults: true });
});
afterAll(async () => {
  await srv.close();
  ctx.cleanup();
});

function api(method: string, args: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string; details?: unknown; messageData?: unknown } } }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(args);
    const req = request(
      {
        host: '127.0.0.1',
        port: srv.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${srv.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${srv.token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP bridge', () => {
  it('a not-found answer carries its key and parameters beside the English message', async () => {
    const r = await api('getDocument', { documentId: 999 });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'not-found', message: 'There is no document 999.', messageData: { key: 'not-found.document', params: { id: 999 } } });
  });

  it('an import refusal carries its key, and the file it names stays in details', async () => {
    const r = await api('importDocument', { fileName: 'blank.txt', data: Buffer.from('   \n  ').toString('base64') });
    expect(r.body.error?.code).toBe('import-rejected');
    expect(r.body.error?.message).toBe('blank.txt: The file is empty: it contains only whitespace. Choose a file that contains the text to review.');
    expect(r.body.error?.messageData).toEqual({ key: 'import.blank', params: {} });
    expect(r.body.error?.details).toMatchObject({ fileName: 'blank.txt', reason: 'empty' });
  });

  it('invalid arguments: one keyed message naming the field; the English keeps zod\'s words', async () => {
    const r = await api('getDocument', { documentId: 'x' });
    expect(r.body.error?.code).toBe('invalid-input');
    expect(r.body.error?.message).toMatch(/^Invalid arguments for getDocument: documentId: /);
    expect(r.body.error?.messageData).toEqual({ key: 'args.invalid', params: { method: 'getDocument', field: 'documentId' } });
  });

  it('a conflict (nothing to undo) is keyed', async () => {
    const projectId = ctx.service.listDocuments({})[0].projectId;
    // undo everything there is, then once more
    for (let i = 0; i < 50; i++) if ((await api('undo', { projectId })).body.ok === false) break;
    const r = await api('undo', { projectId });
    expect(r.body.error).toMatchObject({ code: 'conflict', message: 'Nothing to undo.', messageData: { key: 'conflict.nothing-to-undo', params: {} } });
  });
});

describe('browser-mode sign-in refusals (core/http-policy.ts)', () => {
  function call(path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; error: { code: string; message: string; messageData?: unknown } }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: srv.port, path, method: o.method ?? 'GET', headers: { Host: `127.0.0.1:${srv.port}`, ...o.headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, error: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error: never }).error }));
      });
      req.on('error', reject);
      req.end(o.body);
    });
  }
  const origin = () => `http://127.0.0.1:${srv.port}`;
  const exchange = (headers: Record<string, string>, token: unknown = srv.token) => call('/api/session', { method: 'POST', headers, body: JSON.stringify({ token }) });

  it('each refusal keeps its status and English message and carries its key', async () => {
    const cases: [Promise<{ status: number; error: { code: string; message: string; messageData?: unknown } }>, number, string, string][] = [
      [exchange({ 'Content-Type': 'application/json' }), 403, 'http.sign-in-origin', "The sign-in must come from the app's page (Origin header missing or foreign)."],
      [exchange({ Origin: origin(), 'Content-Type': 'text/plain' }), 415, 'http.sign-in-json', 'The sign-in must send application/json.'],
      [exchange({ Origin: origin(), 'Content-Type': 'application/json' }, ''), 400, 'http.sign-in-needs-token', 'The sign-in needs {"token": "…"}.'],
      [exchange({ Origin: origin(), 'Content-Type': 'application/json' }, 'x'.repeat(32)), 401, 'http.sign-in-stale', 'This sign-in link is out of date: open the address printed by `jiaodui serve` (or `npm start`) again.'],
      [call('/api/session'), 401, 'http.session-ended', 'No valid session: open the address printed by `jiaodui serve` (or `npm start`) again.'],
      [call('/api/session', { method: 'DELETE' }), 403, 'http.sign-out-origin', "Signing out must come from the app's page."],
      [call('/api/listProjects', { method: 'POST', headers: { Authorization: 'Bearer wrong', 'Content-Type': 'application/json' }, body: '{}' }), 401, 'http.token-wrong', 'Missing or wrong token. Open the address printed by `jiaodui serve`.'],
      [call('/', { headers: { Host: 'evil.example' } }), 403, 'http.not-this-machine', 'Requests must come from this machine (127.0.0.1 or localhost).'],
    ];
    for (const [answer, status, key, message] of cases) {
      const r = await answer;
      expect(r.status, key).toBe(status);
      expect(r.error, key).toEqual({ code: status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'invalid-input', message, messageData: { key, params: {} } });
    }
  });
});

describe('IPC (Electron main and preload, without Electron)', () => {
  it('the handler\'s envelope survives the structured clone and the preload\'s client throws a JiaoduiError with the message data', async () => {
    const env = await envelope(ctx.service, 'getDocument', { documentId: 4242 });
    const cloned: unknown = structuredClone(env); // what ipcRenderer.invoke hands the preload
    let thrown: unknown;
    try {
      unwrap(cloned);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(JiaoduiError);
    expect(thrown).toMatchObject({ code: 'not-found', message: 'There is no document 4242.', messageData: { key: 'not-found.document', params: { id: 4242 } } });
  });

  it('message data without a key is dropped, the English message kept (the wording side checks the rest: renderer/src/i18n-errors.test.ts)', () => {
    for (const messageData of ['x', { params: {} }, { key: 3, params: {} }, null]) {
      let thrown: JiaoduiError | null = null;
      try {
        unwrap({ ok: false, error: { code: 'conflict', message: 'Nope.', messageData } });
      } catch (e) {
        thrown = e as JiaoduiError;
      }
      expect(thrown?.message).toBe('Nope.');
      expect(thrown?.messageData).toBeUndefined();
    }
  });

  it('errors outside the service (SQLite busy) are keyed too', () => {
    expect(toErrorPayload(new Error('SQLITE_BUSY: database is locked')).error).toMatchObject({ code: 'db-busy', messageData: { key: 'db.busy.sqlite', params: {} } });
  });
});

describe('team server answers relayed to the page', () => {
  const target = { id: 'c-0123456789abcdef', origin: 'https://team.example.org' };

  it('a team envelope passes through with its message data (browser mode and Electron)', () => {
    const body = Buffer.from(JSON.stringify({ ok: false, ...toErrorPayload(new JiaoduiError('conflict', { message: 'Nothing to undo.', messageData: { key: 'conflict.nothing-to-undo', params: {} } })) }));
    const page = pageAnswer(target, 409, 'application/json', body);
    expect(JSON.parse(page.body.toString())).toMatchObject({ error: { messageData: { key: 'conflict.nothing-to-undo' } } });
    expect(envelopeFromAnswer(page)).toMatchObject({ ok: false, error: { messageData: { key: 'conflict.nothing-to-undo' } } });
  });

  it('signed out and unreachable are worded here, keyed', () => {
    // an older team server's own English: quoted as its answer
    const out = JSON.parse(pageAnswer(target, 401, 'application/json', Buffer.from('{"ok":false,"error":{"code":"unauthorized","message":"Session expired."}}')).body.toString()) as { error: { code: string; messageData: unknown } };
    expect(out.error).toMatchObject({ code: 'team-signed-out', messageData: { key: 'team.signed-out.said', params: { origin: target.origin, reason: 'Session expired.' } } });
    // ours: its reason nested, worded in the UI language
    const keyed = { ok: false, error: { code: 'unauthorized', message: 'Not signed in, or your session ended.', messageData: { key: 'http.team-session-ended', params: {} } } };
    const why = JSON.parse(pageAnswer(target, 401, 'application/json', Buffer.from(JSON.stringify(keyed))).body.toString()) as { error: { messageData: unknown } };
    expect(why.error.messageData).toEqual({ key: 'team.signed-out.why', params: { origin: target.origin, reason: [{ key: 'http.team-session-ended', params: {} }] } });
    expect(JSON.parse(pageAnswer(target, 404, 'text/html', Buffer.from('<html>')).body.toString())).toMatchObject({ error: { code: 'internal', messageData: { key: 'team.route.no-json', params: { status: 404 } } } });
    expect(JSON.parse(pageAnswer(target, 503, 'text/html', Buffer.from('<html>')).body.toString())).toMatchObject({ error: { code: 'team-unreachable', messageData: { params: { reason: [{ key: 'team.reason.answered', params: { status: 503 } }] } } } });
    const away = JSON.parse(unreachableAnswer(target, 'ECONNREFUSED').body.toString()) as { error: { code: string; messageData: unknown } };
    expect(away.error).toMatchObject({ code: 'team-unreachable', messageData: { key: 'team.unreachable', params: { origin: target.origin, reason: 'ECONNREFUSED' } } });
  });
});
