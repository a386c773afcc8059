/**
 * Who has a database open: the decisions over the entries of `<db>.users/` (one file per
 * process, written by core/db-users-registry.ts). Pure: the registry passes the clock, this
 * host's name and a pid-liveness probe, so every rule here is tested without processes.
 */

import { em, type KeyedMessage } from '../shared/error-messages';

/** What kind of process holds the database (the message names it). */
export type DbUserKind = 'app' | 'serve' | 'cli' | 'restore';

export interface DbUser {
  pid: number;
  host: string;
  kind: DbUserKind;
  /** the command, for a CLI process (`jiaodui edit`) */
  command?: string;
  /** ISO times: when the process opened the database, and its last heartbeat */
  startedAt: string;
  heartbeatAt: string;
}

/** A live process rewrites its entry this often… */
export const HEARTBEAT_MS = 10_000;
/** …so an entry older than this is a process that is gone (or frozen for a minute) on another host, or a reused pid here. */
export const STALE_AFTER_MS = 60_000;

const KINDS: readonly DbUserKind[] = ['app', 'serve', 'cli', 'restore'];

/** An entry file's content, or null when it is not one (half-written, foreign, damaged: treated as stale). */
export function parseDbUser(text: string): DbUser | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const o = v as Partial<DbUser> | null;
  if (!o || typeof o !== 'object') return null;
  if (!Number.isInteger(o.pid) || (o.pid as number) <= 0 || typeof o.host !== 'string' || !KINDS.includes(o.kind as DbUserKind)) return null;
  if (typeof o.startedAt !== 'string' || Number.isNaN(Date.parse(o.startedAt)) || typeof o.heartbeatAt !== 'string' || Number.isNaN(Date.parse(o.heartbeatAt))) return null;
  if (o.command !== undefined && typeof o.command !== 'string') return null;
  return { pid: o.pid as number, host: o.host, kind: o.kind as DbUserKind, command: o.command, startedAt: o.startedAt, heartbeatAt: o.heartbeatAt };
}

export interface LivenessProbe {
  now: Date;
  host: string;
  /** whether a process with this pid exists on this host */
  pidAlive: (pid: number) => boolean;
}

/**
 * Whether an entry stands for a process that still has the database open. On this host the
 * process must exist and have beaten recently (a pid reused after a crash stops counting
 * once the heartbeat ages); on another host (a shared folder) only the heartbeat tells.
 * A heartbeat from the future (clocks disagree) counts as fresh.
 */
export function isLive(user: DbUser, probe: LivenessProbe): boolean {
  const age = probe.now.getTime() - Date.parse(user.heartbeatAt);
  if (age > STALE_AFTER_MS) return false;
  return user.host !== probe.host || probe.pidAlive(user.pid);
}

function who(user: DbUser): string {
  switch (user.kind) {
    case 'app':
      return 'The Jiaodui app';
    case 'serve':
      return 'Jiaodui serve';
    case 'restore':
      return 'jiaodui restore';
    case 'cli':
      return user.command ?? 'A jiaodui command';
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "08:12" today, "2026-12-01 08:12" on another day (local time). */
function startedText(startedAt: string, now: Date): string {
  const d = new Date(startedAt);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

function describeUser(user: DbUser, here: string, now: Date): string {
  return `${who(user)} (pid ${user.pid}${user.host === here ? '' : ` on ${user.host}`}, started ${startedText(user.startedAt, now)})`;
}

/**
 * The one line that refuses to replace a database other processes have open, naming the
 * first (the oldest) of them: "Jiaodui serve (pid 1234, started 08:12) has this database
 * open; close it first."
 */
export function inUseMessage(users: readonly DbUser[], here: string, now: Date): string {
  return inUse(users, here, now).message;
}

/** The same line with its key and parameters (shared/error-messages.ts): the refusal's message. */
export function inUse(users: readonly DbUser[], here: string, now: Date): KeyedMessage {
  const sorted = [...users].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.pid - b.pid);
  const others = sorted.length - 1;
  const also = others > 0 ? ` (and ${others} other process${others > 1 ? 'es' : ''})` : '';
  const user = describeUser(sorted[0], here, now);
  const english = `${user}${also} has this database open; close ${others > 0 ? 'them' : 'it'} first. Nothing was changed.`;
  return others > 0 ? em('db.in-use.more', { user, others }, english) : em('db.in-use', { user }, english);
}

/** The line that refuses to open a database while a restore replaces it. */
export function restoringMessage(restore: DbUser, here: string, now: Date): string {
  return restoring(restore, here, now).message;
}

/** The same line with its key and parameters. */
export function restoring(restore: DbUser, here: string, now: Date): KeyedMessage {
  return em('db.restoring', { user: describeUser(restore, here, now) });
}
