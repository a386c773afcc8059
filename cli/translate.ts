/**
 * `jiaodui translate DOC [--all-untranslated | --segments 3,5-9] [--provider P --url URL --model M] [--key-env VAR]`:
 * machine translation of a document's segments into its English column, through the same
 * job runner as the app (core/mt.ts, core/mt/jobs.ts): one undoable operation, progress on
 * stderr, per-segment failures listed. The API key is read only from the environment
 * variable named by --key-env (never from an argument, never stored). Provider, address
 * and model come from the flags for this run, else from the settings the app saved.
 * Ctrl+C cancels: the segments already translated stay (one undo step), exit 130.
 */
import type { JiaoduiService } from '../core/service';
import type { ContractCaller } from './call';
import { MtProvider, UpdateMtSettingsArgs, type MtJob, type MtSettings } from '../shared/mt/schemas';
import { parseId, UsageError } from './args';
import { progressOn } from './progress';
import { plural } from './output';

type Flags = Record<string, string | boolean | undefined>;

/** Exit code after Ctrl+C (128 + SIGINT, as shells report it). */
export const EXIT_CANCELLED = 130;

/** "3,5-9" → row numbers 3, 5, 6, 7, 8, 9 (1-based, as `jiaodui show` numbers them), in order, without repeats. */
export function parseRows(spec: string, rowCount: number): number[] {
  const rows = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new UsageError(`--segments takes row numbers and ranges like 3,5-9, got "${spec}".`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) throw new UsageError(`--segments: "${part}" is not a range of rows (they start at 1).`);
    if (b > rowCount) throw new UsageError(`--segments: row ${b} is past the end (the document has ${plural(rowCount, 'row')}).`);
    for (let r = a; r <= b; r++) rows.add(r);
  }
  return [...rows].sort((x, y) => x - y);
}

function str(f: Flags, name: string): string | undefined {
  const v = f[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} needs a value.`);
  return v.trim();
}

/** The flags' settings for this run (validated like the app's settings form). */
function overridesOf(f: Flags): Partial<MtSettings> {
  const provider = str(f, 'provider');
  if (provider !== undefined && !MtProvider.safeParse(provider).success) throw new UsageError(`--provider must be openai or libretranslate, got "${provider}".`);
  const o = { provider: provider as MtSettings['provider'] | undefined, url: str(f, 'url'), model: str(f, 'model') };
  const checked = UpdateMtSettingsArgs.safeParse(o);
  if (!checked.success) throw new UsageError(`--url must be an http(s) address, got "${o.url}".`);
  return o;
}

function keyFrom(f: Flags, env: NodeJS.ProcessEnv): string | null {
  const name = str(f, 'key-env');
  if (name === undefined) return null;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--key-env takes the name of an environment variable (not the key itself), got "${name}".`);
  const key = env[name]?.trim();
  if (!key) throw new UsageError(`The environment variable ${name} (--key-env) is not set or empty.`);
  return key;
}

const rowOf = (index: number) => index + 1;

export async function runTranslate(service: JiaoduiService, api: ContractCaller, args: string[], f: Flags, json: boolean, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const documentId = parseId(args[0], 'DOC');
  if (args.length > 1) throw new UsageError(`Unexpected argument "${args[1]}": jiaodui translate DOC [--all-untranslated | --segments 3,5-9].`);
  const all = f['all-untranslated'] === true;
  const spec = f.segments;
  if (all && spec !== undefined) throw new UsageError('Give either --all-untranslated or --segments, not both.');
  if (!all && spec === undefined) throw new UsageError('Say what to translate: --all-untranslated or --segments 3,5-9 (row numbers).');
  const overrides = overridesOf(f);
  const key = keyFrom(f, env);
  const segments = api.call('getSegments', { documentId }); // not-found for an unknown document
  let segmentIds: number[] | undefined;
  if (!all) {
    if (typeof spec !== 'string') throw new UsageError('--segments needs row numbers, e.g. 3,5-9.');
    segmentIds = parseRows(spec, segments.length).map((r) => segments[r - 1].id);
  }
  // the key is for this run and the address it uses (stored settings with the flags' overrides) only:
  // not the contract's startTranslation (which uses the stored settings), the MT job itself
  const snap = service.mt.start(segmentIds ? { documentId, scope: 'segments', segmentIds } : { documentId, scope: 'untranslated' }, overrides, key ?? undefined);
  const job = service.mt.jobObject(snap.id);

  let cancelled = false;
  const onSigint = () => {
    if (cancelled) return;
    cancelled = true;
    bar.end();
    process.stderr.write('jiaodui: cancelling; the segments already translated are kept (one undo step)\n');
    job.cancel();
  };
  process.on('SIGINT', onSigint);
  // on a terminal a progress bar (cli/progress.ts); piped, a line per step
  const bar = progressOn();
  const progress = (j: MtJob) => {
    if (j.state === 'running' && bar.shown) bar.update(`translating document ${documentId}${j.failed ? ` (${j.failed} failed)` : ''}`, j.done, j.total);
    else if (j.state === 'running') process.stderr.write(`jiaodui: translated ${j.done}/${j.total}${j.failed ? ` (${j.failed} failed)` : ''}\n`);
  };
  job.on('progress', progress);
  let done: MtJob;
  try {
    if (bar.shown) bar.update(`translating document ${documentId}`, 0, snap.total);
    else process.stderr.write(`jiaodui: translating ${plural(snap.total, 'segment')} of document ${documentId}\n`);
    done = await job.finished;
  } finally {
    bar.end();
    job.off('progress', progress);
    process.off('SIGINT', onSigint);
  }

  for (const x of done.failures) process.stderr.write(`jiaodui: row ${rowOf(x.index)} (segment ${x.segmentId}) failed: ${x.message}\n`);
  for (const m of done.missingTerms) process.stderr.write(`jiaodui: row ${rowOf(m.index)} (segment ${m.segmentId}) lacks glossary terms: ${m.terms.join(', ')}\n`);
  if (done.error) process.stderr.write(`jiaodui: translation stopped: ${done.error}\n`);
  if (json) process.stdout.write(JSON.stringify(done, null, 2) + '\n');
  else {
    const parts = [`${done.translated} translated`, `${done.skipped} skipped (the reviewer's English is kept)`, `${done.failed} failed`];
    const how = done.state === 'cancelled' ? 'Cancelled' : done.state === 'failed' ? 'Stopped' : 'Done';
    process.stdout.write(`${how}: ${parts.join(', ')} of ${done.total}.${done.translated ? ` Undo with 'jiaodui undo ${documentId}'.` : ''}\n`);
  }
  if (done.state === 'cancelled') return EXIT_CANCELLED;
  return done.failed || done.state === 'failed' ? 1 : 0;
}
