/** The recovery methods' schemas: a damaged database, the backups that could replace it, the choice (core/recovery.ts). */
import { z } from 'zod';

export const BackupCandidate = z.object({
  file: z.string(),
  kind: z.enum(['pre-migration', 'before-restore', 'backup']),
  modifiedAt: z.string(),
  bytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nullable(),
  problem: z.string().nullable(),
});

export const RecoveryStatus = z.object({
  state: z.enum(['ok', 'recovery']),
  dbPath: z.string(),
  problem: z.string().nullable(),
  backups: z.array(BackupCandidate),
});

export const RecoverArgs = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('backup'), file: z.string().min(1).max(4096) }).strict(),
  z.object({ choice: z.literal('new') }).strict(),
]);

export const RecoveryResult = z.object({
  dbPath: z.string(),
  openedBackup: z.string().nullable(),
  evidence: z.array(z.string()),
});
