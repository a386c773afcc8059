/**
 * The team server's account methods (issue 19): who the caller is, and the reviewers an admin
 * manages. Names and roles are checked here; tokens never appear in a listing, only once in
 * `addUser`'s answer.
 */
import { z } from 'zod';
import { ROLES } from './role-names';

export const Role = z.enum(ROLES);
/** A reviewer's name: what signs their revisions. Letters (any script), digits, space, . _ - ; 1–64 characters. */
export const AccountName = z
  .string()
  .trim()
  .min(1, 'a reviewer needs a name')
  .max(64, 'a reviewer name is at most 64 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'a reviewer name holds letters, digits, spaces, dots, underscores and hyphens, and starts with a letter or digit');

export const Account = z.object({
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** live sessions now */
  sessions: z.number().int(),
  /** when the reviewer last exchanged a sign-in address (null: never) */
  signedInAt: z.string().nullable(),
  /** an unused sign-in address is valid until then (null: none) */
  pendingSignInUntil: z.string().nullable(),
});
export type Account = z.infer<typeof Account>;

export const WhoAmI = z.object({
  /** the signed-in team account; null: local use (every role) */
  account: z.object({ name: z.string(), role: Role }).nullable(),
});

export const AddUserArgs = z.object({ name: AccountName, role: Role }).strict();
export const AddUserResult = z.object({
  account: Account,
  /** the one-time sign-in token (shown once; stored only as its hash) */
  token: z.string(),
  /** the sign-in address on the team server's public URL (null: no team server has run on this database yet) */
  signInUrl: z.string().nullable(),
  expiresAt: z.string(),
});
export const RevokeUserArgs = z.object({ name: AccountName }).strict();
export const RevokeUserResult = z.object({ account: Account, sessionsEnded: z.number().int() });

/** Who has which document open (a window's heartbeat answers it; core/presence.ts). */
export const PresenceArgs = z.object({ documentId: z.number().int().positive().nullable() }).strict();
export const PresenceEntry = z.object({ reviewer: z.string(), documentId: z.number().int().nullable(), since: z.string() });
