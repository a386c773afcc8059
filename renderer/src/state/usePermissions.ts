/**
 * What the signed-in account may do, for every component: App makes one `Permissions` from the
 * account (whoAmI, read once at boot; null in local use) and provides it; controls ask
 * `usePermission(action)` before offering a guarded action (state/permissions.ts): `allowed`, and
 * `reason`, the tooltip that says which role may ("Only a lead can publish claims."). The
 * wording (i18n-roles.ts) is a chunk of its own, loaded only for a team account: local use,
 * where everything is allowed, never needs it.
 */
import { createContext, useContext } from 'react';
import type { Locale } from '../i18n';
import type { refusalReason, RolesMessageKey, roleMessage } from '../i18n-roles';
import { allows, type Account, type GuardedAction } from './permissions';

/** The wording functions of i18n-roles.ts (a lazily loaded chunk). */
export interface RolesText {
  refusalReason: typeof refusalReason;
  roleMessage: typeof roleMessage;
}

export interface Permissions {
  account: Account;
  /** null: allowed; else why not, in the UI language */
  reason(action: GuardedAction): string | null;
  /** null: allowed; else `key` worded with the role the action needs ("Saved, not approved: only a lead …") */
  message(action: GuardedAction, key: RolesMessageKey): string | null;
}

/** Pure: the account's permissions in a language (`text` null: the wording is not loaded, the action's name stands in). */
export function makePermissions(account: Account, locale: Locale, text: RolesText | null): Permissions {
  return {
    account,
    reason: (action) => (allows(account, action) ? null : (text?.refusalReason(locale, account, action) ?? action)),
    message: (action, key) => (allows(account, action) ? null : (text?.roleMessage(locale, account, action, key) ?? action)),
  };
}

export const PermissionsContext = createContext<Permissions>(makePermissions(null, 'en', null));

export function usePermissions(): Permissions {
  return useContext(PermissionsContext);
}

export interface Permission {
  allowed: boolean;
  /** why not, in the UI language (for a title / tooltip); undefined when allowed */
  reason: string | undefined;
}

export function usePermission(action: GuardedAction): Permission {
  const reason = useContext(PermissionsContext).reason(action);
  return { allowed: reason === null, reason: reason ?? undefined };
}

