/** Annotations (threads, replies, resolution), their labels and the attention list (core/annotations.ts). */
import * as annotations from '../annotations';
import type { HandlerTable } from './handler';

export const annotationHandlers = {
  listAnnotations: annotations.listAnnotations,
  addAnnotation: annotations.addAnnotation,
  updateAnnotation: annotations.updateAnnotation,
  replyToAnnotation: annotations.replyToAnnotation,
  resolveAnnotation: annotations.resolveAnnotation,
  deleteAnnotation: annotations.deleteAnnotation,
  restoreAnnotation: annotations.restoreAnnotation,
  listLabels: (ctx) => annotations.listLabels(ctx),
  createLabel: annotations.createLabel,
  updateLabel: annotations.updateLabel,
  deleteLabel: annotations.deleteLabel,
  attention: annotations.attention,
} satisfies HandlerTable;
