/**
 * `jiaodui recover`: check the database (SQLite quick_check) and list the backups that could
 * replace it; `--backup FILE` opens a copy of one, `--new` starts with an empty database.
 * The damaged file is kept, renamed to `<db>.corrupt-<time>` (core/recovery.ts).
 */
import { diagnoseDatabase, findBackups, recoverDatabase } from '../core/recovery';
import { openService } from '../core/context';
import { JiaoduiError } from '../shared/errors';
import { plural } from './output';

export async function runRecover(dbPath: string, f: Record<string, unknown>, json: boolean): Promise<number> {
  const out = (value: unknown, text: string) => process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text);
  const problem = diagnoseDatabase(dbPath);
  const choice = typeof f.backup === 'string' ? ({ choice: 'backup', file: f.backup } as const) : f.new ? ({ choice: 'new' } as const) : null;
  if (!choice) {
    const backups = findBackups(dbPath);
    const lines = backups.map((b) => `  ${b.file}\n    ${b.kind}, ${b.modifiedAt}, ${plural(b.bytes, 'byte')}${b.problem ? ` — cannot be used: ${b.problem}` : `, schema ${b.schemaVersion}`}\n`);
    out(
      { dbPath, problem, backups },
      `${dbPath}: ${problem ?? 'no damage found (SQLite quick_check ok)'}\n` +
        (backups.length ? `Backups:\n${lines.join('')}` : 'No backups found.\n') +
        (problem ? 'Open a copy of one: jiaodui recover --backup FILE; or start with an empty database: jiaodui recover --new\n' : ''),
    );
    return problem ? 1 : 0;
  }
  if (problem === null) throw new JiaoduiError('conflict', `${dbPath} is not damaged (SQLite quick_check ok); nothing was changed. Use \`jiaodui restore FILE\` to replace a healthy database.`);
  const r = await recoverDatabase(dbPath, choice);
  (await openService(dbPath, { kind: 'cli', command: 'jiaodui recover' })).db.close(); // migrate now (an older backup) and prove it opens
  out(r, `${r.openedBackup ? `Opened a copy of ${r.openedBackup}` : 'Started with a new empty database'} at ${dbPath}.\nThe damaged files were kept: ${r.evidence.join(', ') || '(none)'}\n`);
  return 0;
}
