/** Export (text, DOCX, XLIFF…) and importing a reviewed XLIFF back (core/export.ts). */
import * as exporting from '../export';
import type { HandlerTable } from './handler';

export const exportHandlers = {
  /** Asynchronous (DOCX packing); the database is read before the first await. */
  exportDocument: async (ctx, args) => exporting.exportDocument(ctx.store, ctx.requireDocument(args.documentId), args, ctx.now(), ctx.author()),
  importXliff: (ctx, args) => exporting.importXliff(ctx, args.documentId, args.content),
} satisfies HandlerTable;
