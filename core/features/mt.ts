/** Machine translation jobs (core/mt.ts) and dictionary glosses (core/glosses.ts). */
import type { HandlerContext } from './context';
import type { HandlerTable } from './handler';

/** The glossary entries a gloss lookup prefers: the document's (and its project's), or none. */
function glossaryFor(ctx: HandlerContext, documentId: number | undefined) {
  if (documentId === undefined) return [];
  ctx.requireDocument(documentId);
  return ctx.store.glossaryForDocument(documentId);
}

export const mtHandlers = {
  getMtSettings: (ctx) => ctx.mt.view(),
  updateMtSettings: (ctx, args) =>
    ctx.mt.update(args, (fn) =>
      ctx.tx(() => {
        ctx.touch({ topics: ['mt'] });
        return fn();
      }),
    ),
  startTranslation: (ctx, args) => {
    ctx.requireDocument(args.documentId);
    return ctx.mt.start(args);
  },
  getTranslationJob: (ctx, args) => ctx.mt.job(args.jobId),
  cancelTranslation: (ctx, args) => ctx.mt.cancel(args.jobId),
  lookupGloss: (ctx, args) => ({ word: args.word, entries: ctx.glosses.lookup(args.word, glossaryFor(ctx, args.documentId)) }),
  glossAt: (ctx, args) => ctx.glosses.at(args.text, args.offset, glossaryFor(ctx, args.documentId)),
} satisfies HandlerTable;
