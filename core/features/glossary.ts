/** The glossary: names and terms per project or document, applied to the rendering (core/glossary.ts). */
import * as glossary from '../glossary';
import type { HandlerTable } from './handler';

export const glossaryHandlers = {
  listGlossary: (ctx, args) => glossary.listGlossary(ctx.store, args),
  saveGlossaryEntry: glossary.saveGlossaryEntry,
  deleteGlossaryEntry: (ctx, args) => glossary.deleteGlossaryEntry(ctx, args.id),
  previewGlossary: (ctx, args) => glossary.previewGlossary(ctx.store, args),
  applyGlossary: glossary.applyGlossary,
  importGlossary: glossary.importGlossary,
  exportGlossary: (ctx, args) => glossary.exportGlossary(ctx.store, args),
} satisfies HandlerTable;
