/**
 * A team feed that browser mode forwards (/remote/ID/api/feed) ends when its connection is
 * disconnected: at once when this process disconnects it, within the re-check interval when
 * another process on the same connections file does. The team server here never hears the
 * sign-out (it is made to fail), so only the local side can end the stream; another
 * connection's stream goes on. Plus feedsToEnd, the pure rule.
 */
import { describe, expect, it } from 'vitest';
import { freshService } from '../test-helpers';
import { teamServerOn, useTwoServers } from '../testing/two-servers';
import { connectionsFileFor, feedsToEnd, TeamConnections, type TeamConnectionsOptions } from './connections';
import { send as realSend } from './team-http';
import { openFeed } from '../testing/open-feed';
import type { ConnectionInfo } from '../../shared/contract/remote';

const two = useTwoServers();
const s = two.s;

/** Connections whose sign-out never reaches the team server (the team's session stays live). */
const noSignOut = (o: Partial<TeamConnectionsOptions> = {}): TeamConnectionsOptions => ({
  file: connectionsFileFor(s.local.dbPath),
  send: (req, timeoutMs) => (req.method === 'DELETE' ? Promise.reject(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })) : realSend(req, timeoutMs)),
  ...o,
});

async function connect(connections: TeamConnections, name: string): Promise<ConnectionInfo> {
  const { token } = s.team.service.addUser({ name, role: 'reviewer' });
  return connections.connect('', `${s.teamSrv.url}#signin=${token}`);
}

const forwarded = (id: string) => openFeed(s.localSrv.port, `/remote/${id}/api/feed`, { Authorization: `Bearer ${s.localSrv.token}` });

describe('a forwarded team feed ends when its connection is disconnected', () => {
  it('disconnected here: the stream ends at once, its reconnect is refused (404); the team session was not ended (the sign-out failed)', async () => {
    const connections = await two.start({ remote: () => new TeamConnections(noSignOut()), heartbeatMs: 200 });
    const conn = await connect(connections, 'Ann');
    const stream = await forwarded(conn.id);
    expect(stream.status).toBe(200);
    await stream.until(() => stream.messages.length >= 2);
    expect(connections.openFeeds).toBe(1);
    const disconnected = await fetch(`http://127.0.0.1:${s.localSrv.port}/api/connections/${conn.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${s.localSrv.token}` } });
    expect(disconnected.status).toBe(200);
    expect(await stream.endedWithin(500)).toBe('end');
    expect(connections.openFeeds).toBe(0);
    // the team server still knows the session: only this side ended the stream
    expect(s.team.service.listUsers().find((u) => u.name === 'Ann')?.sessions).toBe(1);
    expect((await forwarded(conn.id)).status).toBe(404);
  });

  it('disconnected by another process on the same file: the stream ends within the re-check interval', async () => {
    const connections = await two.start({ remote: () => new TeamConnections(noSignOut({ recheckMs: 200 })), heartbeatMs: 200 });
    const ann = await connect(connections, 'Ann');
    const stream = await forwarded(ann.id);
    await stream.until(() => stream.messages.length >= 2);
    // a second team server for the other connection (one connection per server)
    const other = new TeamConnections(noSignOut());
    await other.disconnect(ann.id);
    expect(await stream.endedWithin(200 + 500)).toBe('end');
    expect(connections.openFeeds).toBe(0);
  });

  it("another connection's forwarded stream goes on when one is disconnected", async () => {
    const connections = await two.start({ remote: () => new TeamConnections(noSignOut({ recheckMs: 100 })), heartbeatMs: 200 });
    const ann = await connect(connections, 'Ann');
    const annStream = await forwarded(ann.id);
    await annStream.until(() => annStream.messages.length >= 1);
    // a second team server, so that a second connection exists beside Ann's
    const second = await freshService();
    const secondSrv = await teamServerOn(second, { heartbeatMs: 100 });
    try {
      const bo = await connections.connect('', `${secondSrv.url}#signin=${second.service.addUser({ name: 'Bo', role: 'reviewer' }).token}`);
      const boStream = await forwarded(bo.id);
      await boStream.until(() => boStream.messages.length >= 1);
      await connections.disconnect(ann.id);
      expect(await annStream.endedWithin(500)).toBe('end');
      const seen = boStream.messages.length;
      await boStream.until(() => boStream.messages.length >= seen + 3, 3000);
      expect(boStream.endedHow()).toBeNull();
      expect(connections.openFeeds).toBe(1);
      boStream.close();
    } finally {
      await secondSrv.close();
      second.cleanup();
    }
  });
});

describe('feedsToEnd', () => {
  const cookie = (value: string) => ({ name: 'jiaodui-0123456789ab', value });
  it('ends the feeds of a connection being disconnected, gone from the file or holding another session; keeps the rest', () => {
    const open = [
      { id: 'c-a', cookie: 'one' },
      { id: 'c-b', cookie: 'two' },
      { id: 'c-c', cookie: 'three' },
      { id: 'c-d', cookie: 'four' },
    ];
    const file = [
      { id: 'c-a', cookie: cookie('one') },
      { id: 'c-b', cookie: cookie('two-again') },
      { id: 'c-d', cookie: cookie('four') },
    ];
    expect(feedsToEnd(open, file, new Set(['c-d']))).toEqual([open[1], open[2], open[3]]);
    expect(feedsToEnd(open, file, new Set())).toEqual([open[1], open[2]]);
    expect(feedsToEnd([], file, new Set(['c-a']))).toEqual([]);
  });
});
