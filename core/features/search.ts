/** Search and the find/replace workflow (core/replace.ts): repetitions and propagating an edit. */
import * as replace from '../replace';
import type { HandlerTable } from './handler';

export const searchHandlers = {
  search: (ctx, args) => {
    const q = args.query;
    const rows = ctx.store.searchSegments(q, args.projectId, args.limit ?? 200);
    const lq = q.toLowerCase();
    return rows.map((r) => {
      const at = r.text.toLowerCase().indexOf(lq);
      return {
        documentId: r.documentId,
        documentTitle: r.documentTitle,
        projectId: r.projectId,
        segmentId: r.segmentId,
        index: r.position,
        text: r.text,
        matchStart: at >= 0 ? at : null,
        matchEnd: at >= 0 ? at + q.length : null,
        matchedIn: at >= 0 ? ('text' as const) : ('rendering' as const),
      };
    });
  },
  previewReplace: replace.previewReplace,
  replaceAll: replace.replaceAll,
  replaceHits: replace.replaceHits,
  findRepetitions: replace.findRepetitions,
  propagateEdit: replace.propagateEdit,
} satisfies HandlerTable;
