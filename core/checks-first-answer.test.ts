/**
 * A first check answers with the findings built from the rows it wrote (core/checks.ts
 * `checkDocument`, `writtenFindings`) instead of reading them back — the same findings, ids,
 * order, contexts and snapshot as reading them back gives. Where the document holds rows the run
 * did not write (a re-run, the claims cross-check's rows, a project check's), the answer is read back.
 */
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_BYTES, useFreshService } from './test-helpers';

const fresh = useFreshService();

function importSample(name = 'sample.txt') {
  return fresh.service.importBytes(SAMPLE_BYTES, { fileName: name }).documentId;
}

/** How often the check's answer read the document's rows back. */
function readBacks() {
  return vi.spyOn(fresh.service.store, 'findingLocations');
}

describe('a first check answers from the rows it wrote', () => {
  it('gives what reading them back gives, without reading them back', () => {
    const documentId = importSample();
    const spy = readBacks();
    const first = fresh.service.runChecks({ documentId });
    expect(spy).not.toHaveBeenCalled();
    expect(first.findings.length).toBeGreaterThan(3);
    expect(first.findings.some((f) => f.related.length > 0)).toBe(true);
    const back = fresh.service.listFindings({ documentId });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(first.findings).toEqual(back.findings);
    expect(JSON.stringify(first.findings)).toBe(JSON.stringify(back.findings));
    expect(first.snapshot).toBe(back.snapshot);
    expect(first.counts).toEqual(back.counts);
  });

  it('a rule subset on a fresh document: the same', () => {
    const documentId = importSample();
    const spy = readBacks();
    const first = fresh.service.runChecks({ documentId, rules: ['conversion-ambiguity', 'halfwidth-punctuation'] });
    expect(spy).not.toHaveBeenCalled();
    expect(first.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(first.findings)).toBe(JSON.stringify(fresh.service.listFindings({ documentId }).findings));
  });

  it('a re-run reads its answer back', () => {
    const documentId = importSample();
    fresh.service.runChecks({ documentId });
    const spy = readBacks();
    const again = fresh.service.runChecks({ documentId });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(again.findings)).toBe(JSON.stringify(fresh.service.listFindings({ documentId }).findings));
  });

  it('rows it did not write (a project check stored its own first) make it read the answer back', () => {
    const documentId = importSample();
    const seg = fresh.service.getSegments({ documentId })[2];
    // a project check's row in the document, stored before its first document check
    fresh.service.store.addFindings([
      { documentId, segmentId: seg.id, rule: 'entity-consistency', severity: 'warning', start: 0, end: 1, text: seg.text[0], message: 'a project row', group: 'project:x', scope: 'project', fixes: [], createdAt: new Date().toISOString() },
    ]);
    const spy = readBacks();
    const first = fresh.service.runChecks({ documentId });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(first.findings.some((f) => f.message === 'a project row')).toBe(true);
    expect(JSON.stringify(first.findings)).toBe(JSON.stringify(fresh.service.listFindings({ documentId }).findings));
  });
});
