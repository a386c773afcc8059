/**
 * The CLI's way into the service: the contract's dispatcher (shared/contract/dispatch.ts),
 * the same one behind the preload and the HTTP bridge, so every command's arguments are
 * validated as the app's are. Typed by the contract (ArgsOf/ResultOf): a command never casts
 * a result. `call` serves the synchronous methods; `callAsync` any method (exportDocument
 * returns a Promise).
 */
import type { ArgsOf, AsyncMethods, JiaoduiApi, MethodName, ResultOf } from '../shared/contract/api';
import { dispatch, dispatchAsync } from '../shared/contract/dispatch';
import type { CallerContext } from '../shared/contract/caller';

export type SyncMethod = Exclude<MethodName, AsyncMethods>;

export interface ContractCaller {
  call<M extends SyncMethod>(method: M, args: ArgsOf<M>): ResultOf<M>;
  callAsync<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
}

/** `caller`: who calls (the CLI fills it with its process: core/context.ts `cliCaller`). */
export function contractCaller(api: JiaoduiApi, caller?: CallerContext): ContractCaller {
  const opts = { caller };
  return {
    // dispatch validates the arguments and calls api[method], whose type (JiaoduiApi) returns
    // ResultOf<M>: the one place the CLI names that type for dispatch's `unknown`.
    call: <M extends SyncMethod>(method: M, args: ArgsOf<M>) => dispatch(api, method, args, opts) as ResultOf<M>,
    callAsync: async <M extends MethodName>(method: M, args: ArgsOf<M>) => (await dispatchAsync(api, method, args, opts)) as ResultOf<M>,
  };
}
