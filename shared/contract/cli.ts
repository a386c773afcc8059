/** JSON printed by `jiaodui … --format json`: one schema per command, so scripts can rely on it. */
import { z } from 'zod';
import * as S from '../domain/schemas';
import * as RD from '../domain/review';
import * as CL from '../claims/schemas';
import * as MT from '../mt/schemas';
import { BundleCounts } from '../bundle/schema';

export const CliImportOutput = S.ImportResult;
export const CliListOutput = z.array(S.DocumentMeta);
export const CliShowOutput = z.object({ document: S.DocumentMeta, segments: z.array(S.Segment) });
export const CliChangeOutput = S.ChangeResult;
export const CliSearchOutput = z.array(S.SearchHit);
export const CliExportOutput = z.object({ file: z.string(), bytes: z.number().int(), fileName: z.string() });
export const CliErrorOutput = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
/** `jiaodui replace … --format json`: the replace-all result; with --dry-run, CliReplacePreviewOutput. */
export const CliReplaceOutput = RD.ReplaceResult;
export const CliReplacePreviewOutput = RD.ReplacePreview;
const GlossaryCliScope = {
  scope: z.enum(['document', 'project']),
  projectId: S.Id,
  /** the document, when the scope is the document */
  documentId: S.Id.nullable(),
  file: z.string(),
};
/** `jiaodui glossary import DOC FILE [--project NAME]` (always JSON). */
export const CliGlossaryImportOutput = z.object({
  ...GlossaryCliScope,
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rerendered: z.number().int(),
});
/** `jiaodui glossary export DOC FILE [--project NAME]` (always JSON). */
export const CliGlossaryExportOutput = z.object({ ...GlossaryCliScope, format: z.enum(['csv', 'tbx']), entries: z.number().int(), bytes: z.number().int() });
/** `jiaodui apply-glossary DOC [--project NAME]` (always JSON): what changed, and the operation to undo. */
export const CliApplyGlossaryOutput = z.object({
  operationId: S.Id.nullable(),
  scope: z.enum(['document', 'project']),
  segmentsChanged: z.number().int(),
  documents: z.number().int(),
  replacements: z.number().int(),
  approvedReset: z.number().int(),
  changes: z.array(
    z.object({
      segmentId: S.Id,
      documentId: S.Id,
      /** 1-based row number */
      number: z.number().int(),
      before: z.string(),
      after: z.string(),
      status: S.SegmentStatus,
      statusAfter: S.SegmentStatus,
    }),
  ),
  undoLabel: z.string().nullable(),
});

/** `jiaodui claims DOC --format json`: the stored claims; `--accept-candidates --format json`: the claims made. */
export const CliClaimsOutput = z.array(CL.Claim);
/** `jiaodui claims DOC --add … --format json` and `--set ID … --format json`: the claim made or changed. */
export const CliClaimOutput = CL.Claim;
/** `jiaodui claims DOC --candidates --format json`: text, segmentId, start, end, type, quantities, and more. */
export const CliClaimCandidatesOutput = z.array(CL.ClaimCandidate);
/** `jiaodui claims DOC --cross-check --format json`. */
export const CliClaimCrossCheckOutput = z.array(CL.ClaimCrossCheck);

/** `jiaodui translate DOC … --format json`: the finished (or cancelled) job; exit 1 when a segment failed or the job stopped. */
export const CliTranslateOutput = MT.MtJob;

/** `jiaodui push|pull PROJECT … --format json`: the copy as stored on the receiving side (cli/push-pull.ts). */
export const CliMoveOutput = z.object({ direction: z.enum(['push', 'pull']), server: z.string(), project: S.Project, digest: z.string(), counts: BundleCounts });

export const cliOutputSchemas = {
  import: CliImportOutput,
  list: CliListOutput,
  show: CliShowOutput,
  edit: CliChangeOutput,
  undo: CliChangeOutput,
  redo: CliChangeOutput,
  search: CliSearchOutput,
  export: CliExportOutput,
  replace: CliReplaceOutput,
  'apply-glossary': CliApplyGlossaryOutput,
  translate: CliTranslateOutput,
  push: CliMoveOutput,
  pull: CliMoveOutput,
} as const;
// `check` has its own schema (CliCheckOutput, below), declared after its parts.

const CliCheckLocation = z.object({
  segmentId: z.number().int(),
  segmentIndex: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  fixes: z.array(S.FixSchema),
});
/** `jiaodui check … --format json`: open findings; exit code 1 when any has severity error. */
export const CliCheckOutput = z.array(
  CliCheckLocation.extend({
    rule: z.string(),
    severity: S.Severity,
    message: z.string(),
    /** the message as data (key + parameters), for wording it in another language or grouping per-place findings */
    messageData: S.FindingMessageData.nullable().optional(),
    related: z.array(CliCheckLocation),
  }),
);

const CliProjectCheckLocation = CliCheckLocation.extend({ documentId: z.number().int() });
/**
 * `jiaodui check --project NAME|ID --format json`: each document's own findings, then the
 * cross-document ones (a name or role written differently in two documents), each listed
 * once with every location's document. Exit code 1 when any finding has severity error.
 */
export const CliCheckProjectOutput = z.object({
  project: z.object({ id: z.number().int(), name: z.string() }),
  documents: z.array(z.object({ documentId: z.number().int(), title: z.string(), findings: CliCheckOutput })),
  crossDocument: z.array(
    CliProjectCheckLocation.extend({
      rule: z.string(),
      severity: S.Severity,
      message: z.string(),
      /** the message as data (key + parameters), as `check` gives it */
      messageData: S.FindingMessageData.nullable().optional(),
      related: z.array(CliProjectCheckLocation),
    }),
  ),
});
