import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { freshService, importSample, SAMPLE_TEXT, writeStaticRoot } from './test-helpers';
import { docxParts, paragraphTexts } from '../shared/export/docx-test-helpers';
import { startServer, type RunningServer } from './server';
import { isAllowedRequest, staticRelativePath } from './http-policy';
import { databaseDigest } from '../db/digest';

let ctx: Awaited<ReturnType<typeof freshService>>;
let srv: RunningServer;

beforeAll(async () => {
  ctx = await freshService();
  importSample(ctx.service);
  const root = writeStaticRoot(ctx.dir, { 'assets/app.js': 'console.log(1)' });
  writeFileSync(join(ctx.dir, 'secret.txt'), 'secret');
  srv = await startServer(ctx.service, { staticRoot: root, checkResults: true });
});
afterAll(async () => {
  await srv.close();
  ctx.cleanup();
});

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${srv.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}
const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${srv.token}`, ...headers }, body: JSON.stringify(args) });

describe('browser-mode server', () => {
  it('prints a loopback URL with the token', () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
    expect(srv.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the app without a token, with a CSP', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Jiaodui');
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await raw('/assets/app.js')).status).toBe(200);
    expect((await raw('/assets/missing.js')).status).toBe(404);
  });

  it('a stale save answers 409 with the conflict: base, theirs, mine (issue 16)', async () => {
    const documentId = ctx.service.listDocuments({})[0].id;
    const seg = ctx.service.getSegments({ documentId })[5];
    ctx.service.editSegment({ segmentId: seg.id, text: '別人先存的' }); // another writer, after the read
    const r = await api('editSegment', { segmentId: seg.id, text: '我的', version: seg.versions!.text });
    expect(r.status).toBe(409);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'edit-conflict', details: { segmentId: seg.id, base: seg.text, theirs: '別人先存的', mine: '我的' } } });
    expect(ctx.service.getSegments({ documentId })[5].text).toBe('別人先存的');
    ctx.service.undo({ projectId: ctx.service.getDocument({ documentId }).projectId }); // the later tests export the sample as imported
  });

  it('answers API calls with the token and refuses them without', async () => {
    const ok = await api('listProjects', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: [{ name: 'Samples' }] });
    expect((await api('listProjects', {}, { Authorization: '' })).status).toBe(401);
    expect((await api('listProjects', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('exportDocument (asynchronous) answers over HTTP; a DOCX comes back as base64 that decodes to the zip', async () => {
    const docs = JSON.parse((await api('listDocuments', {})).body) as { value: { id: number }[] };
    const r = await api('exportDocument', { documentId: docs.value[0].id, format: 'docx', script: 'hant', marked: true, claims: true, includeFurniture: true });
    expect(r.status, r.body).toBe(200);
    const v = (JSON.parse(r.body) as { ok: true; value: { content: string; encoding: string; fileName: string } }).value;
    expect(v.encoding).toBe('base64');
    expect(v.fileName).toMatch(/\.docx$/);
    const parts = docxParts(v.content);
    const bytes = Buffer.from(v.content, 'base64');
    expect(bytes.toString('base64')).toBe(v.content); // canonical base64: nothing lost in JSON
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]); // a zip (local file header)
    expect(paragraphTexts(parts['word/document.xml'])).toEqual(SAMPLE_TEXT.split(/\r\n|\r|\n/).filter((l) => l.trim()));
    const bad = await api('exportDocument', { documentId: docs.value[0].id, format: 'docx', script: 'hant', claims: 1 });
    expect(bad.status).toBe(400);
    expect((await api('exportDocument', { documentId: 999999, format: 'docx', script: 'hant' })).status).toBe(404);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding)', async () => {
    expect((await raw('/', { headers: { Host: 'evil.example:80' } })).status).toBe(403);
    expect((await api('listProjects', {}, { Host: `evil.example:${srv.port}` })).status).toBe(403);
    expect((await api('listProjects', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('listProjects', {}, { Origin: `http://localhost:${srv.port}` })).status).toBe(200);
  });

  it('does not serve files outside its root', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/..\\secret.txt']) {
      const r = await raw(p);
      expect(r.body, p).not.toContain('secret');
    }
  });

  it('maps errors to statuses and changes nothing on bad payloads', async () => {
    const before = databaseDigest(ctx.service.db);
    const bad = await raw('/api/editSegment', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${srv.token}` }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect((await api('editSegment', { segmentId: 'x' })).status).toBe(400);
    expect((await api('nope', {})).status).toBe(400);
    expect((await api('getDocument', { documentId: 999 })).status).toBe(404);
    const rejected = await api('importDocument', { fileName: 'x.bin', data: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2]).toString('base64') });
    expect(rejected.status).toBe(422);
    expect(JSON.parse(rejected.body).error.message).toMatch(/PDF/);
    expect((await raw('/api/listProjects', { method: 'GET', headers: { Authorization: `Bearer ${srv.token}` } })).status).toBe(405);
    expect(databaseDigest(ctx.service.db)).toBe(before);
  });
});

describe('http policy', () => {
  it('accepts only our host names', () => {
    expect(isAllowedRequest({ host: '127.0.0.1:5000' }, 5000)).toBe(true);
    expect(isAllowedRequest({ host: 'localhost:5000', origin: 'http://localhost:5000' }, 5000)).toBe(true);
    expect(isAllowedRequest({ host: '127.0.0.1:5001' }, 5000)).toBe(false);
    expect(isAllowedRequest({}, 5000)).toBe(false);
    expect(isAllowedRequest({ host: '127.0.0.1:5000', origin: 'null' }, 5000)).toBe(false);
  });
  it('normalises static paths and refuses traversal', () => {
    expect(staticRelativePath('/')).toBe('index.html');
    expect(staticRelativePath('/assets/a.js?x=1')).toBe('assets/a.js');
    expect(staticRelativePath('/a/./b.js')).toBe('a/b.js');
    expect(staticRelativePath('/../etc/passwd')).toBeNull();
    expect(staticRelativePath('/..%2f..%2fetc/passwd')).toBeNull();
    expect(staticRelativePath('/%E0%A4%A')).toBeNull();
  });
});
