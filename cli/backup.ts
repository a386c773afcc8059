/** `jiaodui backup FILE` and `jiaodui restore FILE`. */
import { backupDatabase, restoreDatabase } from '../core/backup';
import type { JiaoduiService } from '../core/service';
import { JiaoduiError } from '../shared/errors';
import { plural } from './output';

function need(file: string | undefined, command: string): string {
  if (!file) throw new JiaoduiError('invalid-input', `Missing FILE: jiaodui ${command} FILE.`);
  return file;
}

export async function runBackup(service: JiaoduiService, args: string[], json: boolean): Promise<number> {
  const r = await backupDatabase(service.db, need(args[0], 'backup'));
  process.stdout.write(json ? JSON.stringify(r) + '\n' : `Backed up to ${r.file} (${plural(r.bytes, 'byte')}, schema ${r.schemaVersion}).\n`);
  if (r.damage) {
    // Written anyway (it is what there is), but not a good backup: say so and fail.
    process.stderr.write(`jiaodui: warning: ${r.file} was written, but it copies a damaged database. ${r.damage} Run \`jiaodui recover\` to see older backups.\n`);
    return 1;
  }
  return 0;
}

/** Runs without opening the service: the database file itself is replaced. */
export async function runRestore(dbPath: string, args: string[], json: boolean): Promise<number> {
  const file = need(args[0], 'restore');
  const r = await restoreDatabase(dbPath, file);
  process.stdout.write(
    json
      ? JSON.stringify({ restored: file, ...r }) + '\n'
      : `Restored ${file} into ${dbPath}.${r.previous ? ` The previous database was kept as ${r.previous}.` : ''}\n`,
  );
  return 0;
}
