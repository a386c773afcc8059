/** Presence timing (issue 19), zod-free so the renderer reads it: how often a window beats, how long an entry lives. */
export const PRESENCE_BEAT_MS = 15_000;
export const PRESENCE_TTL_MS = 45_000;
