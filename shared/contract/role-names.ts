/**
 * The team roles' names, a leaf module: the contract's schemas (./team.ts) and the method → role
 * table (./roles.ts, which reads the contract's method names) both need them, and importing
 * them from roles.ts made a cycle api → team → roles → api.
 */
export const ROLES = ['reviewer', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];
