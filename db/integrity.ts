/**
 * What SQLite's quick_check says about a database file, opened read-only (reads every page
 * once; no index cross-check): null when it is sound, else the problem in words. Used to
 * decide whether a database needs recovery (core/recovery.ts) and to warn when a backup
 * copies a damaged database (core/backup.ts).
 */
import Database from 'better-sqlite3';
import { looksCorrupt, readOnlyLook } from './connection';

export function quickCheckFile(path: string, opts: { nativeBinding?: string } = {}): string | null {
  return readOnlyLook(path, () => quickCheck(path, opts.nativeBinding), opts.nativeBinding);
}

function quickCheck(path: string, nativeBinding?: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    db.pragma('user_version', { simple: true });
    const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
    // one line each: SQLite's own lines may hold newlines ("*** in database main ***\nTree 49 page 49: …")
    const problems = rows.map((r) => r.quick_check.replace(/\s*\n\s*/g, ' ')).filter((r) => r !== 'ok');
    return problems.length ? `SQLite's integrity check found damage: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ' …' : ''}` : null;
  } catch (e) {
    if (looksCorrupt(e)) return `The file is damaged or is not a SQLite database (${(e as Error).message}).`;
    throw e; // permissions, locked, missing native module…: not corruption, reported as they are
  } finally {
    db?.close();
  }
}
