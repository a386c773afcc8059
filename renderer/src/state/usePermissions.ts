/**
 * The signed-in account (whoAmI, read once at boot; null in local use) for every component, and
 * the one hook controls ask before offering a guarded action (state/permissions.ts): `allowed`,
 * and `reason`, the tooltip that says which role may ("Only a lead can publish claims.").
 */
import { createContext, useContext } from 'react';
import { useI18n } from '../i18n';
import { refusalReason } from '../i18n-roles';
import type { Account, GuardedAction } from './permissions';

export const AccountContext = createContext<Account>(null);

export function useAccount(): Account {
  return useContext(AccountContext);
}

export interface Permission {
  allowed: boolean;
  /** why not, in the UI language (for a title / tooltip); undefined when allowed */
  reason: string | undefined;
}

export function usePermission(action: GuardedAction): Permission {
  const account = useContext(AccountContext);
  const { locale } = useI18n();
  const reason = refusalReason(locale, account, action);
  return { allowed: reason === null, reason: reason ?? undefined };
}
