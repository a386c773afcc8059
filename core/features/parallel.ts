/** Parallel texts: the original source and the English rendering, aligned to the segments (core/parallel.ts). */
import * as parallel from '../parallel';
import type { HandlerTable } from './handler';

export const parallelHandlers = {
  attachParallelText: parallel.attachParallelText,
  listParallelTexts: parallel.listParallelTexts,
  realignParallel: parallel.realignParallel,
  editEnglish: parallel.editEnglish,
  setEnglishStatus: parallel.setEnglishStatus,
  editAlignment: parallel.editAlignment,
} satisfies HandlerTable;
