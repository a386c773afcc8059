/**
 * `jiaodui users add NAME --role reviewer|lead|admin`, `users revoke NAME`, `users list`: the team
 * server's reviewers (issue 19), through the contract like every command. The CLI runs on the
 * server's machine with the database itself, so it is an admin (local use has every role).
 * `add` prints the one-time sign-in address (the token only once; stored hashed).
 */
import { JiaoduiError } from '../shared/errors';
import { isRole } from '../shared/contract/roles';
import type { ContractCaller } from './call';
import { formatTable } from './format';
import { plural } from './output';

type Flags = Record<string, string | boolean | undefined>;

const USAGE_LINE = 'jiaodui users add NAME --role reviewer|lead|admin | users revoke NAME | users list';

function usage(message: string): JiaoduiError {
  return new JiaoduiError('invalid-input', `${message} Usage: ${USAGE_LINE}.`);
}

export function runUsers(api: ContractCaller, args: string[], f: Flags, json: boolean): number {
  const [sub, name, extra] = args;
  if (extra !== undefined) throw usage(`One NAME at a time (got "${extra}" too); quote a name with spaces.`);
  const print = (value: unknown, text: string) => process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text);
  switch (sub) {
    case 'add': {
      if (!name) throw usage('Missing NAME.');
      if (!isRole(f.role)) throw usage(f.role === undefined ? 'Missing --role.' : `--role must be reviewer, lead or admin, got "${String(f.role)}".`);
      const r = api.call('addUser', { name, role: f.role });
      const where = r.signInUrl ?? `(no team server has run on this database yet: start \`jiaodui serve --team --public-url URL\`, then open URL/#signin=${r.token})`;
      print(
        r,
        `${r.account.name} (${r.account.role}) added. One-time sign-in address, valid until ${r.expiresAt} — send it to ${r.account.name} only:\n${where}\n`,
      );
      return 0;
    }
    case 'revoke': {
      if (!name) throw usage('Missing NAME.');
      const r = api.call('revokeUser', { name });
      print(r, `${r.account.name} revoked; ${plural(r.sessionsEnded, 'session')} ended.\n`);
      return 0;
    }
    case 'list': {
      if (name !== undefined) throw usage(`users list takes no NAME (got "${name}").`);
      const users = api.call('listUsers', {});
      print(
        users,
        users.length === 0
          ? 'No reviewers yet: jiaodui users add NAME --role reviewer|lead|admin\n'
          : formatTable(
              ['NAME', 'ROLE', 'STATE', 'SESSIONS', 'SIGNED IN', 'ADDED'],
              users.map((u) => [u.name, u.role, u.revokedAt ? 'revoked' : u.sessions > 0 || u.signedInAt ? 'active' : u.pendingSignInUntil ? 'address sent' : 'address expired', u.sessions, u.signedInAt ?? '', u.createdAt]),
            ),
      );
      return 0;
    }
    default:
      throw usage(`Unknown users command "${sub ?? ''}".`);
  }
}
