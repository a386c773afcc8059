/**
 * The recovery screen offers its choices only where the service would carry them out (local use,
 * an admin: state/permissions.ts recoveryOffer); a signed-in reviewer or lead sees the problem,
 * the backups and who may recover, without a button that the server would refuse.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { Account } from '../state/permissions';
import { ClientContext } from '../state/client';
import { RecoveryScreen, type Status } from './RecoveryScreen';

const STATUS: Status = {
  state: 'recovery',
  dbPath: '/data/team.db',
  problem: 'file is not a database',
  backups: [
    { file: '/data/team.db.backup-v13-2026', kind: 'pre-migration', modifiedAt: '2026-11-30T10:00:00.000Z', bytes: 40960, schemaVersion: 13, problem: null },
    { file: '/data/backups/old.db', kind: 'backup', modifiedAt: '2026-11-01T10:00:00.000Z', bytes: 4096, schemaVersion: null, problem: 'not a Jiaodui database' },
  ],
};

function render(account: Account): string {
  return renderToStaticMarkup(
    <ClientContext.Provider value={{ client: {} as JiaoduiClient, transport: 'http', shell: null }}>
      <RecoveryScreen status={STATUS} account={account} onDone={() => undefined} />
    </ClientContext.Provider>,
  );
}

const buttons = (html: string) => [...html.matchAll(/<button\b/g)].length;

describe('RecoveryScreen', () => {
  it.each([
    ['local use', null],
    ['an admin', { name: 'Ada', role: 'admin' }],
  ] as const)('offers %s the usable backup and a new database', (_who, account) => {
    const html = render(account);
    expect(buttons(html)).toBe(2); // open the one usable backup, start new
    expect(html).toContain('data-testid="recovery-new"');
    expect(html).not.toContain('recovery-admin-only');
  });

  it.each([
    ['a reviewer', { name: 'Rae', role: 'reviewer' }],
    ['a lead', { name: 'Lee', role: 'lead' }],
  ] as const)('explains to %s that an admin recovers, and offers nothing', (_who, account) => {
    const html = render(account);
    expect(buttons(html)).toBe(0);
    expect(html).toContain('/data/team.db</code>: file is not a database');
    expect(html).toContain('/data/team.db.backup-v13-2026'); // the backups are still listed
    expect(html).toMatch(/data-testid="recovery-admin-only"[^>]*>Only an admin can recover the database\. Ask a team admin/);
  });
});
