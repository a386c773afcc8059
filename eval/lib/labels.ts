/** What the generator writes next to each generated text: the exact instances a reviewer should be shown. */
export const CLASSES = ['conversion', 'name-conversion', 'variant', 'people', 'malformed-number', 'scale', 'unit', 'repeated-sentence', 'period-label'] as const;
export type ErrorClass = (typeof CLASSES)[number];
/** Classes whose error lies between two documents of a cluster (a hit on either side counts). */
export const CROSS_DOCUMENT: ReadonlySet<ErrorClass> = new Set(['people', 'scale']);

export interface Span {
  doc: string;
  start: number;
  end: number;
}
export interface Instance {
  id: string;
  class: ErrorClass;
  /** finer description: the mutation kind or the converter's pair */
  kind: string;
  /** where the wrong text stands in the final (received) text: one span, or several (a name written wrong in every place of a document) */
  spans: Span[];
  wrong: string;
  correct: string;
  /** the places in other documents that state it correctly (cross-document classes) */
  counterparts?: Span[];
}
export interface GeneratedDocument {
  file: string;
  region: 'tw' | 'hk';
  engine: string;
  converter: string;
}
export interface ClusterLabels {
  cluster: string;
  part: 'dev' | 'heldout';
  documents: GeneratedDocument[];
  instances: Instance[];
}
