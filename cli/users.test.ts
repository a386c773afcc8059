import { describe, expect, it } from 'vitest';
import { cliTestDatabase } from './test-helpers';
import { openService } from '../core/context';
import { exchangeSignIn, PUBLIC_URL_SETTING, sessionAccount } from '../core/accounts';

const cli = cliTestDatabase();
const { run } = cli;

describe('jiaodui users', () => {
  it('adds a reviewer and prints a one-time sign-in address on the recorded public URL', async () => {
    const none = run('users', 'list');
    expect(none.code, none.err).toBe(0);
    expect(none.out).toContain('No reviewers yet');
    const service = await openService(cli.dbPath());
    try {
      service.engine.tx(() => service.store.setSetting(PUBLIC_URL_SETTING, 'https://team.example.org'));
    } finally {
      service.db.close();
    }
    const r = run('users', 'add', 'Ann Lee', '--role', 'lead');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Ann Lee \(lead\) added\. One-time sign-in address, valid until \S+ — send it to Ann Lee only:\nhttps:\/\/team\.example\.org\/#signin=[A-Za-z0-9_-]{43}\n$/);
    const list = JSON.parse(run('users', 'list', '--format', 'json').out) as { name: string; role: string; pendingSignInUntil: string | null }[];
    expect(list).toMatchObject([{ name: 'Ann Lee', role: 'lead' }]);
    expect(list[0].pendingSignInUntil).not.toBeNull();
  });

  it('revokes: the sessions end', async () => {
    const added = JSON.parse(run('users', 'add', 'Bo', '--role', 'reviewer', '--format', 'json').out) as { token: string };
    const service = await openService(cli.dbPath());
    try {
      const s = service.engine.tx(() => exchangeSignIn(service.store, added.token, service.engine.now()));
      expect(sessionAccount(service.store, s.session, service.engine.now())).toEqual({ name: 'Bo', role: 'reviewer' });
      const r = run('users', 'revoke', 'Bo');
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe('Bo revoked; 1 session ended.\n');
      expect(sessionAccount(service.store, s.session, service.engine.now())).toBeNull();
    } finally {
      service.db.close();
    }
    expect(run('users', 'list').out).toMatch(/Bo\s+reviewer\s+revoked/);
  });

  it('says what is wrong with a bad command line (exit 2)', () => {
    for (const [args, msg] of [
      [['users', 'add', 'Cy'], 'Missing --role.'],
      [['users', 'add', 'Cy', '--role', 'boss'], '--role must be reviewer, lead or admin, got "boss".'],
      [['users', 'add', '--role', 'lead'], 'Missing NAME.'],
      [['users', 'fire', 'Cy'], 'Unknown users command "fire".'],
      [['users', 'revoke', 'Nobody'], 'There is no reviewer named Nobody.'],
      [['users', 'add', 'Ann Lee', '--role', 'lead'], 'There is already a reviewer named Ann Lee (lead).'],
    ] as const) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(msg);
    }
  });
});
