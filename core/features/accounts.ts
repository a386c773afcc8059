/** Team accounts (issue 19): who the caller is, and the reviewers an admin manages (core/accounts.ts). */
import { addAccount, listAccounts, PUBLIC_URL_SETTING, revokeAccount, signInUrl } from '../accounts';
import type { HandlerTable } from './handler';

export const accountHandlers = {
  whoAmI: (ctx) => ({ account: ctx.caller.account ? { name: ctx.caller.account.name, role: ctx.caller.account.role } : null }),
  listUsers: (ctx) => listAccounts(ctx.store, ctx.now()),
  addUser: (ctx, args) =>
    ctx.tx(() => {
      ctx.touch({ topics: ['accounts'] });
      const added = addAccount(ctx.store, { name: args.name, role: args.role, by: ctx.author() }, ctx.now());
      const publicUrl = ctx.store.setting(PUBLIC_URL_SETTING);
      return { ...added, signInUrl: publicUrl ? signInUrl(publicUrl, added.token) : null };
    }),
  presence: (ctx, args) => {
    if (args.documentId !== null) ctx.requireDocument(args.documentId);
    return ctx.presence.beat(`${ctx.caller.kind}:${ctx.caller.clientId}`, ctx.author(), args.documentId, Date.now());
  },
  revokeUser: (ctx, args) =>
    ctx.tx(() => {
      ctx.touch({ topics: ['accounts'] });
      return revokeAccount(ctx.store, args.name, ctx.now());
    }),
} satisfies HandlerTable;
