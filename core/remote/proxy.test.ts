/**
 * Browser mode's proxy to a team server (issue 19, step 5): a real team server and a local
 * browser-mode server in this process, the local one connected to the team one. The page's calls
 * reach the team with the team's own Origin and session cookie; the page never gets that cookie;
 * 403 and 409 come back as the team sent them; a team 401 is "signed out of the team", not the
 * page's own session; an unreachable team is said so; the connection survives a restart of the
 * local server (the settings file, mode 0600).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { importSample } from '../test-helpers';
import { useTwoServers } from '../testing/two-servers';
import { connectionsFileFor, TeamConnections } from './connections';
import { TEAM_ANSWER_HEADER, type ConnectionInfo } from '../../shared/contract/remote';

const two = useTwoServers();
const s = two.s;

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A request to the local server as its page sends it (its Origin), signed in by the run token. */
function page(path: string, o: { method?: string; body?: unknown; stopAfterFirstChunk?: boolean; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: s.localSrv.port,
        path,
        method: o.method ?? 'GET',
        headers: {
          Host: `127.0.0.1:${s.localSrv.port}`,
          Origin: `http://127.0.0.1:${s.localSrv.port}`,
          Authorization: `Bearer ${s.localSrv.token}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...o.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          if (o.stopAfterFirstChunk) res.destroy();
        });
        res.on('close', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = (r: Reply) => JSON.parse(r.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: unknown } };

async function connect(role: 'reviewer' | 'lead' = 'reviewer', name = 'Ann'): Promise<ConnectionInfo> {
  const { token } = s.team.service.addUser({ name, role });
  const r = await page('/api/connections', { method: 'POST', body: { address: '', signIn: `${s.teamSrv.url}#signin=${token}` } });
  expect(r.status, r.body).toBe(200);
  return json(r).value as ConnectionInfo;
}

describe('browser mode proxies to a team server', () => {
  it('connects with a sign-in address, lists the team projects and never hands the page the team cookie', async () => {
    await two.start();
    importSample(s.team.service, 'Team work');
    const conn = await connect();
    expect(conn).toMatchObject({ origin: s.teamSrv.url.replace(/\/$/, ''), account: { name: 'Ann', role: 'reviewer' } });
    const listed = await page('/api/connections');
    expect(json(listed).value).toEqual([conn]);
    expect(listed.body).not.toMatch(/cookie|jiaodui-[0-9a-f]{12}/i);
    const projects = await page(`/remote/${conn.id}/api/listProjects`, { method: 'POST', body: {} });
    expect(projects.status, projects.body).toBe(200);
    expect(projects.headers['set-cookie']).toBeUndefined();
    expect(projects.headers[TEAM_ANSWER_HEADER]).toBe(conn.id);
    expect((json(projects).value as { name: string }[]).map((p) => p.name)).toContain('Team work');
    // the page's Origin was the local server's, which the team server refuses: the proxy sent the team's own
    const direct = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: s.teamSrv.port, path: '/api/listProjects', method: 'POST', headers: { Host: `127.0.0.1:${s.teamSrv.port}`, Origin: `http://127.0.0.1:${s.localSrv.port}`, 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(direct).toBe(403);
    // the cookie is kept in a file only this user may read
    const file = connectionsFileFor(s.local.dbPath);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/jiaodui-[0-9a-f]{12}/);
  });

  it('writes as the account, passes 403 and 409 (with their details) through unchanged', async () => {
    await two.start();
    const { documentId } = importSample(s.team.service);
    const seg = s.team.service.getSegments({ documentId })[2];
    const conn = await connect();
    const edit = await page(`/remote/${conn.id}/api/editSegment`, { method: 'POST', body: { segmentId: seg.id, text: `${seg.text}甲`, version: seg.versions?.text } });
    expect(edit.status, edit.body).toBe(200);
    expect(s.team.service.getSegments({ documentId })[2].text).toBe(`${seg.text}甲`);
    expect(s.team.service.segmentHistory({ segmentId: seg.id }).find((h) => h.field === 'zh')?.author).toBe('Ann');
    const refused = await page(`/remote/${conn.id}/api/setStatus`, { method: 'POST', body: { segmentIds: [seg.id], status: 'approved' } });
    expect(refused.status).toBe(403);
    expect(json(refused).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('needs the lead role') });
    // saved again from the old version: the team's conflict, with base/theirs/mine, reaches the page as it was
    const stale = await page(`/remote/${conn.id}/api/editSegment`, { method: 'POST', body: { segmentId: seg.id, text: `${seg.text}乙`, version: seg.versions?.text } });
    expect(stale.status).toBe(409);
    expect(json(stale).error).toMatchObject({ code: 'edit-conflict', details: expect.objectContaining({ theirs: expect.anything() }) });
  });

  it('a team 401 is "signed out of the team" (marked), the page\'s own 401 is not', async () => {
    await two.start();
    const conn = await connect();
    s.team.service.revokeUser({ name: 'Ann' });
    const r = await page(`/remote/${conn.id}/api/listProjects`, { method: 'POST', body: {} });
    expect(r.status).toBe(401);
    expect(r.headers[TEAM_ANSWER_HEADER]).toBe(conn.id);
    expect(json(r).error).toMatchObject({ code: 'team-signed-out', message: expect.stringContaining(`Signed out of the team server http://127.0.0.1:${s.teamSrv.port}`) });
    const mine = await page(`/remote/${conn.id}/api/listProjects`, { method: 'POST', body: {}, headers: { Authorization: 'Bearer wrong' } });
    expect(mine.status).toBe(401);
    expect(mine.headers[TEAM_ANSWER_HEADER]).toBeUndefined();
    // and without the page's own sign-in nothing is forwarded
    expect((await page('/api/connections', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('streams the team feed; says unreachable when the team server is down and recovers when it is back', async () => {
    await two.start();
    const conn = await connect();
    const feed = await page(`/remote/${conn.id}/api/feed?client=w-test`, { stopAfterFirstChunk: true });
    expect(feed.status).toBe(200);
    expect(feed.body).toMatch(/^\{"type":"heartbeat","seq":\d+\}/);
    const port = s.teamSrv.port;
    await s.teamSrv.close();
    const down = await page(`/remote/${conn.id}/api/listProjects`, { method: 'POST', body: {} });
    expect(down.status).toBe(502);
    expect(json(down).error).toMatchObject({ code: 'team-unreachable', message: expect.stringContaining(`http://127.0.0.1:${port}`) });
    expect((await page(`/remote/${conn.id}/api/feed`)).status).toBe(502);
    await two.startTeam({ port });
    const back = await page(`/remote/${conn.id}/api/listProjects`, { method: 'POST', body: {} });
    expect(back.status, back.body).toBe(200);
  });

  it('remembers the connection across a restart of the local server, and disconnecting signs out on the team', async () => {
    await two.start();
    const conn = await connect();
    await s.localSrv.close();
    await two.startLocal(new TeamConnections({ file: connectionsFileFor(s.local.dbPath) }), false);
    expect(json(await page('/api/connections')).value).toEqual([conn]);
    expect((await page(`/remote/${conn.id}/api/whoAmI`, { method: 'POST', body: {} })).status).toBe(200);
    const before = s.team.service.listUsers().find((u) => u.name === 'Ann')!.sessions;
    expect((await page(`/api/connections/${conn.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(s.team.service.listUsers().find((u) => u.name === 'Ann')!.sessions).toBe(before - 1);
    expect(json(await page('/api/connections')).value).toEqual([]);
    expect((await page(`/remote/${conn.id}/api/whoAmI`, { method: 'POST', body: {} })).status).toBe(404);
  });

  it('connecting again to the same team server signs the replaced session out there', async () => {
    await two.start();
    const first = await connect('reviewer', 'Ann');
    const sessions = (name: string) => s.team.service.listUsers().find((u) => u.name === name)!.sessions;
    expect(sessions('Ann')).toBe(1);
    const second = await connect('reviewer', 'Bo');
    expect(second.id).toBe(first.id);
    expect(second.account).toMatchObject({ name: 'Bo' });
    expect(sessions('Bo')).toBe(1);
    expect(sessions('Ann')).toBe(0);
    expect((await page(`/remote/${second.id}/api/whoAmI`, { method: 'POST', body: {} })).body).toContain('"Bo"');
  });

  it('refuses a bad sign-in address, a used token and an address that is no team server, clearly', async () => {
    await two.start();
    const bad = await page('/api/connections', { method: 'POST', body: { address: 'ftp://x', signIn: 'nope' } });
    expect(bad.status).toBe(400);
    expect(json(bad).error?.message).toContain('not a sign-in address');
    const { token } = s.team.service.addUser({ name: 'Bo', role: 'reviewer' });
    expect((await page('/api/connections', { method: 'POST', body: { address: s.teamSrv.url, signIn: token } })).status).toBe(200);
    const used = await page('/api/connections', { method: 'POST', body: { address: s.teamSrv.url, signIn: token } });
    expect(used.status).toBe(400);
    expect(json(used).error?.message).toContain('already used');
    // the team's reason nested as its message data: the connect dialog words it in the UI language
    expect((JSON.parse(used.body) as { error: { messageData: unknown } }).error.messageData).toEqual({
      key: 'team.connect.refused.said',
      params: { origin: new URL(s.teamSrv.url).origin, reason: [{ key: 'sign-in.used', params: {} }] },
    });
    const nowhere = await page('/api/connections', { method: 'POST', body: { address: 'http://127.0.0.1:9', signIn: token } });
    expect(nowhere.status).toBe(502);
    expect(json(nowhere).error).toMatchObject({ code: 'team-unreachable' });
  });

  it('two processes on one database share the connections file: neither overwrites the other', async () => {
    await two.start();
    const other = new TeamConnections({ file: connectionsFileFor(s.local.dbPath) });
    const conn = await connect();
    expect(other.list()).toEqual([conn]);
    expect((await other.call(conn.id, 'whoAmI', '{}', null)).status).toBe(200);
    await other.disconnect(conn.id);
    expect(json(await page('/api/connections')).value).toEqual([]);
    expect((await page(`/remote/${conn.id}/api/whoAmI`, { method: 'POST', body: {} })).status).toBe(404);
  });
});
