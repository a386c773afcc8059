/**
 * A feature handler: `(ctx, args) => result` for one contract method. Each feature module
 * (core/features/*.ts) exports one table of them; core/features/index.ts assembles the
 * tables and checks at compile time that every method has exactly one handler.
 */
import type { ArgsOf, MethodName, ReturnOf } from '../../shared/contract/api';
import type { HandlerContext } from './context';

export type Handler<M extends MethodName> = (ctx: HandlerContext, args: ArgsOf<M>) => ReturnOf<M>;
/** A feature's table: some methods, each with its contract types (use with `satisfies`). */
export type HandlerTable = { readonly [M in MethodName]?: Handler<M> };
/** The assembled table: every method, exactly its contract's types. */
export type AllHandlers = { readonly [M in MethodName]: Handler<M> };
