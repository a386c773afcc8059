/**
 * `jiaodui project delete PROJECT`: delete an empty project (no document, none in the Trash) with its
 * glossary and settings; a project still holding documents is refused (exit 2, nothing changed).
 *
 * `jiaodui project standard-forms PROJECT [unset|ministry|press] [--if-version N]`: a project's house
 * style for the standard forms writers write both ways (shared/checks/house-style.ts), read or set
 * through the contract (getProjectSettings / updateProjectSettings). Setting it re-runs the regional
 * checks of the project's checked documents; with --if-version, only while the stored version is N
 * (else exit 4, nothing changed).
 */
import { STANDARD_FORMS, type StandardForms } from '../shared/domain/values';
import type { ProjectSettings } from '../shared/domain/schemas';
import type { ContractCaller } from './call';
import { findProject } from './check-project';
import { UsageError } from './args';
import { plural } from './output';

type Flags = Record<string, string | boolean | undefined>;

const USAGE_LINE = `jiaodui project standard-forms PROJECT [${STANDARD_FORMS.join('|')}] [--if-version N] | jiaodui project delete PROJECT`;

/** What each value means: the answer's second line (straight apostrophes, one level of parentheses at most). */
export const STANDARD_FORMS_MEANING: Record<StandardForms, string> = {
  unset: "not set: the forms writers write both ways are information only, unless the project's own documents show one",
  ministry: "the standard forms, as Taiwan's Ministry of Education writes 占, 拚 and Hong Kong's government 公布, 宣布: a converter's 佔, 拼, 公佈, 宣佈 are warnings",
  press: "the press's usage: 佔/占, 拼/拚, 公佈/公布, 宣佈/宣布 are not reported",
};

/**
 * The answer: the setting with its version and who set it when, then what it means, e.g.
 *   財經新聞: standard forms press, version 2, set by Mei at 2026-03-01T08:00:00.000Z; checks re-run in 3 documents.
 *     press: the press's usage: 佔/占, 拼/拚, 公佈/公布, 宣佈/宣布 are not reported.
 */
function describe(name: string, s: ProjectSettings, rechecked = ''): string {
  const by = s.updatedBy ? `, set by ${s.updatedBy} at ${s.updatedAt}` : s.updatedAt ? `, set at ${s.updatedAt}` : '';
  return `${name}: standard forms ${s.standardForms}, version ${s.version}${by}${rechecked}.\n  ${s.standardForms}: ${STANDARD_FORMS_MEANING[s.standardForms]}.\n`;
}

export function runProject(api: ContractCaller, args: string[], f: Flags, json: boolean): number {
  const [sub, ref, value, extra] = args;
  if (sub === 'delete') {
    if (f['if-version'] !== undefined) throw new UsageError('--if-version is for setting standard forms, not for project delete.');
    return deleteProject(api, args.slice(1), json);
  }
  if (sub !== 'standard-forms') throw new UsageError(`Unknown project command "${sub ?? ''}". Usage: ${USAGE_LINE}.`);
  if (!ref?.trim()) throw new UsageError(`Missing PROJECT (its name or id). Usage: ${USAGE_LINE}.`);
  if (extra !== undefined) throw new UsageError(`One value at a time (got "${extra}" too). Usage: ${USAGE_LINE}.`);
  const project = projectNamed(api, ref);
  const print = (v: unknown, text: string) => process.stdout.write(json ? JSON.stringify(v, null, 2) + '\n' : text);
  if (value === undefined) {
    if (f['if-version'] !== undefined) throw new UsageError('--if-version is for setting a value.');
    const s = api.call('getProjectSettings', { projectId: project.id });
    print(s, describe(project.name, s));
    return 0;
  }
  if (!(STANDARD_FORMS as readonly string[]).includes(value)) throw new UsageError(`Standard forms must be one of ${STANDARD_FORMS.join(', ')}, got "${value}".`);
  let version: number | undefined;
  if (f['if-version'] !== undefined) {
    const raw = String(f['if-version']);
    if (!/^\d+$/.test(raw)) throw new UsageError(`--if-version must be a version number (jiaodui project standard-forms PROJECT prints it), got "${raw}".`);
    version = Number(raw);
  }
  const r = api.call('updateProjectSettings', { projectId: project.id, standardForms: value as StandardForms, ...(version !== undefined ? { version } : {}) });
  const rechecked = r.rechecked.length ? `; checks re-run in ${plural(r.rechecked.length, 'document')}` : '';
  print(r, describe(project.name, r, rechecked));
  return 0;
}

function projectNamed(api: ContractCaller, ref: string) {
  const project = findProject(api.call('listProjects', {}), ref);
  if (!project) throw new UsageError(`There is no project "${ref.trim()}" (jiaodui list shows the projects).`);
  return project;
}

function deleteProject(api: ContractCaller, args: string[], json: boolean): number {
  const [ref, extra] = args;
  if (!ref?.trim()) throw new UsageError('Missing PROJECT (its name or id). Usage: jiaodui project delete PROJECT.');
  if (extra !== undefined) throw new UsageError(`One project at a time (got "${extra}" too). Usage: jiaodui project delete PROJECT.`);
  const project = projectNamed(api, ref);
  const r = api.call('deleteProject', { projectId: project.id });
  const glossary = r.glossaryEntries ? ` with its ${plural(r.glossaryEntries, 'glossary entry', 'glossary entries')}` : '';
  process.stdout.write(json ? JSON.stringify({ ...r, name: project.name }, null, 2) + '\n' : `Deleted the project ${project.name}${glossary}.\n`);
  return 0;
}
