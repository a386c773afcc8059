/** JSON printed by `jiaodui … --format json`: one schema per command, so scripts can rely on it. */
import { z } from 'zod';
import * as S from '../domain/schemas';

export const CliImportOutput = S.ImportResult;
export const CliListOutput = z.array(S.DocumentMeta);
export const CliShowOutput = z.object({ document: S.DocumentMeta, segments: z.array(S.Segment) });
export const CliChangeOutput = S.ChangeResult;
export const CliSearchOutput = z.array(S.SearchHit);
export const CliExportOutput = z.object({ file: z.string(), bytes: z.number().int(), fileName: z.string() });
export const CliErrorOutput = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const cliOutputSchemas = {
  import: CliImportOutput,
  list: CliListOutput,
  show: CliShowOutput,
  edit: CliChangeOutput,
  undo: CliChangeOutput,
  redo: CliChangeOutput,
  search: CliSearchOutput,
  export: CliExportOutput,
} as const;
