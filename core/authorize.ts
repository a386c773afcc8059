/**
 * Roles enforced in the service (issue 19): every call passes here before its handler, with the
 * caller context the transport filled. The decision is the pure table in shared/contract/roles.ts;
 * a refused call throws 'forbidden' (HTTP 403, CLI exit 2) naming the role it needs.
 */
import type { ArgsOf, MethodName } from '../shared/contract/api';
import type { CallerContext } from '../shared/contract/caller';
import { refusal, refusedRole } from '../shared/contract/roles';
import { JiaoduiError } from '../shared/errors';

export function authorize<M extends MethodName>(caller: CallerContext, method: M, args: unknown): void {
  const needed = refusedRole(caller, method, args as ArgsOf<M>);
  if (needed !== null && caller.account) {
    throw new JiaoduiError('forbidden', refusal(caller.account, method, needed), { method, role: caller.account.role, needed });
  }
}
