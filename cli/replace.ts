/**
 * `jiaodui replace DOC --find X --replace Y [--regex] [--cross-script] [--project] [--dry-run]`:
 * one replace-all operation over the document (or its whole project), undoable with
 * `jiaodui undo DOC`. --dry-run prints the preview instead and changes nothing.
 */
import { JiaoduiError } from '../shared/errors';
import type { ContractCaller } from './call';
import type { ReplaceScope } from '../shared/domain/review';
import { formatTable } from './format';
import { plural } from './output';

type Flags = Record<string, string | boolean | undefined>;

function usage(message: string): JiaoduiError {
  return new JiaoduiError('invalid-input', message);
}

export function runReplace(api: ContractCaller, args: string[], f: Flags, json: boolean): number {
  const docArg = args[0];
  if (docArg === undefined || !/^\d+$/.test(docArg) || Number(docArg) <= 0) throw usage(`DOC must be a document id: jiaodui replace DOC --find X --replace Y.`);
  if (typeof f.find !== 'string') throw usage('Missing --find: jiaodui replace DOC --find X --replace Y [--regex] [--project].');
  if (typeof f.replace !== 'string') throw usage('Missing --replace (use --replace "" to delete the matches).');
  if (f.scope !== undefined && f.scope !== 'project' && f.scope !== 'document') throw usage(`--scope must be document or project, got "${String(f.scope)}".`);
  const documentId = Number(docArg);
  const doc = api.call('getDocument', { documentId });
  const scope: ReplaceScope = f.scope === 'project' ? { kind: 'project', projectId: doc.projectId } : { kind: 'document', documentId };
  const a = { find: f.find, replace: f.replace, regex: f.regex === true, crossScript: f['cross-script'] === true, scope };
  const write = (value: unknown, text: string) => process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text);

  if (f['dry-run']) {
    const p = api.call('previewReplace', a);
    write(
      p,
      p.hits.length
        ? formatTable(
            ['DOC', 'SEGMENT', '#', 'MATCH', 'BECOMES'],
            p.hits.map((h) => [h.documentId, h.segmentId, h.index + 1, h.matched, h.after]),
          ) + `${p.truncated ? `${p.total}+ matches` : plural(p.total, 'match', 'matches')} in ${plural(p.segments, 'segment')} (dry run: nothing changed).\n`
        : `No matches for "${f.find}".\n`,
    );
    return 0;
  }
  const r = api.call('replaceAll', a);
  write(
    r,
    r.replaced
      ? `Replaced ${plural(r.replaced, 'match', 'matches')} in ${plural(r.changedSegments, 'segment')} (operation ${r.operationId}).` +
          (r.unapproved ? ` ${plural(r.unapproved, 'approved segment')} went back to edited.` : '') +
          ` Undo with: jiaodui undo ${documentId}\n`
      : `No matches for "${f.find}"; nothing changed.\n`,
  );
  return 0;
}
