/**
 * `node --import tsx bench/findings-digest.ts [OUT]`: a digest of what the checks find, to show
 * that a speed-up changed no finding. For the bench's 1 MB text, the dev part's generated texts,
 * fresh half A's texts, `eval/clean-dev`, `../shared/corpus` and the corrected sample: the pure
 * rules (`runChecks`), then through the service a first run, a re-run, saves of every 97th segment
 * with the findings after each save (the segment re-check with the document's evidence), a re-run
 * after them, an undo and a run with a rule subset. Each step's answer is hashed (sha256 of its
 * JSON without times and run timestamps); one line per text and step, written to OUT (default
 * stdout). Compare two checkouts' outputs with `diff`. Never reads the held-out part.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openService, PACKAGE_ROOT } from '../core/context';
import { runChecks } from '../shared/checks';
import { correctedSample } from '../eval/lib/sample';
import { loadFresh } from '../eval/lib/fresh';
import { textOfSize } from './fixtures';

const out = process.argv[2];
// OUT is a path: an option-like argument (--out) would otherwise become a file of that name
if (out?.startsWith('-')) {
  console.error('usage: node --import tsx bench/findings-digest.ts [OUT]  (OUT: the file to write; stdout without it)');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'jiaodui-digest-'));

/** Times and timestamps vary from run to run; everything else is compared. */
const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'ms' || k === 'at' || k === 'createdAt' || k === 'dismissedAt' || k === 'snapshot' ? undefined : x)));
const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(strip(v))).digest('hex').slice(0, 16);

function texts(): { name: string; text: string }[] {
  const list: { name: string; text: string }[] = [{ name: 'bench-1mb', text: textOfSize(1_000_000) }];
  const dev = join(PACKAGE_ROOT, 'eval', 'data', 'dev');
  for (const c of readdirSync(dev).sort())
    for (const f of readdirSync(join(dev, c)).filter((x) => x.endsWith('.txt')).sort()) list.push({ name: `dev/${c}/${f}`, text: readFileSync(join(dev, c, f), 'utf8') });
  for (const d of loadFresh('A')) list.push({ name: `freshA/${d.file}`, text: d.text });
  const clean = join(PACKAGE_ROOT, 'eval', 'clean-dev');
  for (const f of readdirSync(clean).filter((x) => x.endsWith('.txt')).sort()) list.push({ name: `clean-dev/${f}`, text: readFileSync(join(clean, f), 'utf8') });
  const corpus = join(PACKAGE_ROOT, '..', 'shared', 'corpus');
  for (const f of readdirSync(corpus).filter((x) => x.endsWith('.txt')).sort()) list.push({ name: `corpus/${f}`, text: readFileSync(join(corpus, f), 'utf8') });
  const sample = correctedSample(PACKAGE_ROOT);
  list.push({ name: 'sample-corrected', text: sample.text });
  return list;
}

async function main() {
  const svc = await openService(join(dir, 'd.db'));
  const lines: string[] = [];
  const note = (name: string, step: string, v: unknown) => lines.push(`${name}\t${step}\t${hash(v)}`);
  for (const { name, text } of texts()) {
    const { documentId } = svc.importBytes(new Uint8Array(Buffer.from(text)), { fileName: `${name.replace(/\W/g, '_')}.txt` });
    const meta = svc.getDocument({ documentId });
    const segs = svc.getSegments({ documentId });
    note(name, 'pure', runChecks(segs.map((s) => ({ id: s.id, text: s.text, furniture: s.furniture, speaker: s.speaker, rendering: s.rendering, paragraph: s.paragraph })), { script: meta.script, variant: meta.variant }));
    note(name, 'first', svc.runChecks({ documentId }).findings);
    note(name, 'rerun', svc.runChecks({ documentId }).findings);
    // saves: every 97th segment gains a character, one removes one; the findings after each save
    const edited = segs.filter((s, i) => i % 97 === 3 && s.text.length > 4);
    for (const [i, s] of edited.entries()) {
      svc.editSegment({ segmentId: s.id, text: i % 2 ? s.text.slice(0, -1) : `${s.text.slice(0, 2)}余征${s.text.slice(2)}` });
      note(name, `save ${i}`, svc.listFindings({ documentId }).findings);
    }
    note(name, 'rerun after saves', svc.runChecks({ documentId }).findings);
    if (edited.length) {
      svc.undo({ projectId: meta.projectId });
      note(name, 'after undo', svc.listFindings({ documentId }).findings);
    }
    note(name, 'rules subset', svc.runChecks({ documentId, rules: ['conversion-ambiguity', 'entity-consistency', 'number-format'] }).findings);
  }
  const all = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
  const body = `${lines.join('\n')}\nall\t${lines.length} steps\t${all}\n`;
  if (out) writeFileSync(out, body);
  else process.stdout.write(body);
  console.error(`findings digest: ${lines.length} steps, ${all}`);
  svc.db.close();
}
main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
