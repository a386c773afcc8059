/**
 * `node --import tsx bench/profile.ts [import|save|saveclaim|checks|first]`: one of the bench's
 * scenarios on its own, e.g. under `node --cpu-prof --cpu-prof-interval 100`. Not part of
 * `npm run bench`; `saveclaim` saves segments that carry claims (the claims cross-check runs); `first`
 * checks five freshly imported copies (a first check, nothing kept or stored yet), `checks` re-runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openService, SAMPLE_FILE } from '../core/context';
import { percentile, sample } from './stats';
import { textOfSize } from './fixtures';
import { applyServerHeapPolicy } from '../core/heap-policy';

// under the app's V8 policy, as bench/run.ts times the same scenarios
applyServerHeapPolicy();

const what = process.argv[2] ?? 'import';
const dir = mkdtempSync(join(tmpdir(), 'jiaodui-prof-'));
async function main() {
  const svc = await openService(join(dir, 'p.db'));
  const bytes = new Uint8Array(Buffer.from(textOfSize(1_000_000)));
  if (what === 'import') {
    const t = sample(() => svc.importBytes(bytes, { fileName: 'x.txt' }), 5);
    console.log('import', t.map((x) => x.toFixed(0)).join(' '));
    return;
  }
  const big = svc.importBytes(bytes, { fileName: 'x.txt' });
  if (what === 'checks') {
    const t = sample(() => svc.runChecks({ documentId: big.documentId }), 4);
    console.log('checks stored', t.map((x) => x.toFixed(0)).join(' '));
    return;
  }
  if (what === 'first') {
    // a first check of a document never checked before (each run on a fresh import, the import not timed)
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fresh = svc.importBytes(bytes, { fileName: `first-${i}.txt` });
      const s = performance.now();
      svc.runChecks({ documentId: fresh.documentId });
      t.push(performance.now() - s);
    }
    console.log('first checks stored', t.map((x) => x.toFixed(0)).join(' '));
    return;
  }
  const small = svc.importBytes(new Uint8Array(Buffer.from(readFileSync(SAMPLE_FILE, 'utf8').slice(0, 3400))), { fileName: 's.txt' });
  if (what === 'saveclaim') {
    for (const id of [big.documentId, small.documentId]) {
      const segs = svc.getSegments({ documentId: id }).filter((s) => /\d/.test(s.text) && s.text.length > 10).slice(0, 5);
      for (const s of segs) svc.createClaim({ segmentId: s.id, start: 0, end: Math.min(8, s.text.length) });
      let i = 0;
      const t = sample(() => {
        const s = segs[i++ % segs.length];
        s.text = s.text.endsWith('。。') ? s.text.slice(0, -1) : s.text + '。';
        svc.editSegment({ segmentId: s.id, text: s.text });
      }, 100, 10).sort((a, b) => a - b);
      console.log('save claimed', id, percentile(t, 50).toFixed(3), percentile(t, 99).toFixed(3));
    }
    return;
  }
  for (const id of [big.documentId, small.documentId]) {
    const segs = svc.getSegments({ documentId: id }).filter((s) => s.text.length > 10);
    let i = 0;
    const t = sample(() => {
      const s = segs[(i++ * 7919) % segs.length];
      s.text = s.text.endsWith('。。') ? s.text.slice(0, -1) : s.text + '。';
      const r = svc.editSegment({ segmentId: s.id, text: s.text });
      if (r.operationId === null) throw new Error('no-op edit');
    }, 300, 20).sort((a, b) => a - b);
    console.log('save', id, percentile(t, 50).toFixed(3), percentile(t, 90).toFixed(3), percentile(t, 99).toFixed(3), t.slice(-5).map((x) => x.toFixed(1)).join(' '));
  }
}
void main().finally(() => { rmSync(dir, { recursive: true, force: true }); });
