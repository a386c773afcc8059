/**
 * Issue 18, the fact-checker's workflow through the contract: claims from any span or a whole
 * segment, every field edited (span, restated text, assignee, rating note, status workflow and
 * publication), evidence of three kinds with who/when, filters and counts, the people a
 * claimant is picked from, claim labels, the claims report, and bad payloads refused.
 */
import { describe, expect, it } from 'vitest';
import { useFreshService, importSample } from './test-helpers';
import { dispatch } from '../shared/contract/dispatch';
import { apiSchema } from '../shared/contract/api';

const fresh = useFreshService();
const enc = (s: string) => new TextEncoder().encode(s);

function sample() {
  const { documentId } = importSample(fresh.service);
  const segs = fresh.service.getSegments({ documentId });
  const seg = (quote: string) => {
    const s = segs.find((x) => x.text.includes(quote));
    if (!s) throw new Error(`no segment with ${quote}`);
    return s;
  };
  return { documentId, segs, seg, projectId: fresh.service.getDocument({ documentId }).projectId };
}

describe('addClaim: any span or a whole segment', () => {
  it('makes a claim of a whole segment (trimmed), a span of its text, or a span of its rendering', () => {
    const { seg } = sample();
    const s = seg('11.8億');
    const whole = fresh.service.addClaim({ segmentId: s.id });
    expect(whole).toMatchObject({ segmentId: s.id, start: 0, end: s.text.trimEnd().length, text: s.text.trim(), status: 'new', assignee: '' });
    const at = s.text.indexOf('11.8億');
    const span = fresh.service.addClaim({ segmentId: s.id, start: at, end: at + 5, assignee: 'Mei' });
    expect(span).toMatchObject({ exact: '11.8億', text: '11.8億', assignee: 'Mei', segmentIndex: s.index });
    const r = s.rendering.indexOf('11.8亿');
    expect(r).toBeGreaterThanOrEqual(0);
    const fromRendering = fresh.service.addClaim({ segmentId: s.id, start: r, end: r + 5, in: 'rendering' });
    expect(fromRendering.exact).toBe('11.8億');
  });

  it('refuses bad payloads through the contract', () => {
    const { seg } = sample();
    const s = seg('11.8億');
    const bad: unknown[] = [
      { segmentId: s.id, start: 3 }, // start without end
      { segmentId: s.id, start: 3, end: 3 }, // empty span
      { segmentId: s.id, start: 0, end: s.text.length + 5 }, // past the end
      { segmentId: s.id, status: 'done' }, // not an addClaim field
      { segmentId: 0 },
      { segmentId: s.id, claimant: 'x'.repeat(201) },
      { segmentId: s.id, claimDate: '28/03/2023' },
    ];
    for (const args of bad) expect(() => dispatch(fresh.service, 'addClaim', args), JSON.stringify(args)).toThrow();
    expect(fresh.service.listClaims({ documentId: s.documentId })).toEqual([]);
  });
});

describe('updateClaim: every field, the workflow and publication', () => {
  it('extends and shrinks the span, restates the claim, sets assignee, rating note and review URL; all in the history', () => {
    const { seg } = sample();
    const s = seg('11.8億');
    const at = s.text.indexOf('11.8億');
    const c = fresh.service.addClaim({ segmentId: s.id, start: at, end: at + 3 });
    const wider = fresh.service.updateClaim({ claimId: c.id, start: at, end: at + 5, text: '收入為11.8億元', assignee: 'Mei', ratingNote: '年報第12頁', reviewUrl: 'https://factcheck.example.org/a/1' });
    expect(wider).toMatchObject({ exact: '11.8億', text: '收入為11.8億元', assignee: 'Mei', ratingNote: '年報第12頁', reviewUrl: 'https://factcheck.example.org/a/1' });
    expect(wider.quantities.map((q) => q.value)).toEqual([1_180_000_000]);
    // the new fields move the claim's version (migration 013's trigger), so a stale write of them is caught
    expect(wider.version).toBeGreaterThan(c.version);
    const v = fresh.service.updateClaim({ claimId: c.id, ratingNote: 'p. 12' }).version;
    expect(v).toBeGreaterThan(wider.version);
    const h = fresh.service.claimHistory({ claimId: c.id });
    expect(h.map((e) => e.field)).toEqual(['created', 'text', 'assignee', 'ratingNote', 'reviewUrl', 'span', 'ratingNote']);
    expect(h.every((e) => e.author && e.createdAt)).toBe(true);
    // undo puts the old span back
    fresh.service.undo({ projectId: fresh.service.getDocument({ documentId: s.documentId }).projectId });
    fresh.service.undo({ projectId: fresh.service.getDocument({ documentId: s.documentId }).projectId });
    expect(fresh.service.listClaims({ documentId: s.documentId })[0]).toMatchObject({ exact: '11.', assignee: '' });
    expect(() => dispatch(fresh.service, 'updateClaim', { claimId: c.id, start: 1 })).toThrow(/both/);
    expect(() => dispatch(fresh.service, 'updateClaim', { claimId: c.id, reviewUrl: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => dispatch(fresh.service, 'updateClaim', { claimId: c.id, status: 'done' })).toThrow();
    expect(() => dispatch(fresh.service, 'updateClaim', { claimId: c.id, start: 0, end: 9999 })).toThrow(/span/);
  });

  it('publishing needs a verdict and records when and by whom; leaving published clears it; undo restores it', () => {
    const { seg, projectId } = sample();
    const c = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    expect(() => fresh.service.updateClaim({ claimId: c.id, status: 'published' })).toThrow(/verdict/);
    for (const status of ['in-progress', 'ready-for-review'] as const) expect(fresh.service.updateClaim({ claimId: c.id, status }).status).toBe(status);
    const pub = fresh.service.updateClaim({ claimId: c.id, status: 'published', verdict: 'mostly-true' });
    expect(pub).toMatchObject({ status: 'published', verdict: 'mostly-true', publishedBy: pub.author });
    expect(pub.publishedAt).toBe(pub.updatedAt);
    const back = fresh.service.updateClaim({ claimId: c.id, status: 'in-progress' });
    expect(back).toMatchObject({ publishedAt: null, publishedBy: null });
    fresh.service.undo({ projectId });
    expect(fresh.service.listClaims({ documentId: c.documentId })[0]).toMatchObject({ status: 'published', publishedAt: pub.publishedAt });
  });

  it('refuses a write based on an older read (version or ifUpdatedAt), field by field, evidence included', () => {
    const { seg } = sample();
    const c = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    fresh.service.updateClaim({ claimId: c.id, assignee: 'Mei' });
    expect(() => fresh.service.updateClaim({ claimId: c.id, assignee: 'Lin', ifUpdatedAt: c.updatedAt })).toThrow(/changed .*since/);
    expect(() => fresh.service.updateClaim({ claimId: c.id, assignee: 'Lin', version: c.version })).toThrow(/changed .*since/);
    expect(fresh.service.listClaims({ documentId: c.documentId })[0]).toMatchObject({ assignee: 'Mei', evidence: [] });
    // fields are compared one by one: evidence added against the older version is no conflict with an assignee change …
    const v = fresh.service.listClaims({ documentId: c.documentId })[0].version;
    expect(fresh.service.addClaimEvidence({ claimId: c.id, evidence: { kind: 'note', note: 'x' }, version: c.version }).evidence).toHaveLength(1);
    // … but evidence changed by someone else since the version read is
    expect(() => fresh.service.addClaimEvidence({ claimId: c.id, evidence: { kind: 'note', note: 'y' }, version: v })).toThrow(/changed .*since/);
    expect(() => fresh.service.removeClaimEvidence({ claimId: c.id, evidenceId: 1, version: v })).toThrow(/changed .*since/);
    expect(fresh.service.listClaims({ documentId: c.documentId })[0].evidence.map((e) => e.note)).toEqual(['x']);
  });
});

describe('evidence: URL, segment, note; who and when', () => {
  it('adds each kind with its author and time, keeps them through a full-list update, and removes one', () => {
    const { seg, documentId } = sample();
    const c = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    const other = seg('18.4億');
    let k = fresh.service.addClaimEvidence({ claimId: c.id, evidence: { kind: 'url', url: 'https://example.org/report.pdf', note: 'p. 3' } });
    k = fresh.service.addClaimEvidence({ claimId: c.id, evidence: { kind: 'segment', segmentId: other.id, start: 0, end: 4, note: '' } });
    k = fresh.service.addClaimEvidence({ claimId: c.id, evidence: { kind: 'note', note: 'company statement only' } });
    expect(k.evidence.map((e) => [e.id, e.kind])).toEqual([
      [1, 'url'],
      [2, 'segment'],
      [3, 'note'],
    ]);
    expect(k.evidence[1]).toMatchObject({ documentId, segmentId: other.id, index: other.index, quote: other.text.slice(0, 4) });
    for (const e of k.evidence) expect(e.author && e.addedAt).toBeTruthy();
    // an entry without a URL in the old form is a note, never dropped
    const legacy = dispatch(fresh.service, 'updateClaim', { claimId: c.id, evidence: [...k.evidence, { note: 'phone call with the press office' }] }) as typeof k;
    expect(legacy.evidence.slice(0, 3)).toEqual(k.evidence); // stored items keep their who/when
    expect(legacy.evidence[3]).toMatchObject({ id: 4, kind: 'note', note: 'phone call with the press office' });
    const removed = fresh.service.removeClaimEvidence({ claimId: c.id, evidenceId: 2 });
    expect(removed.evidence.map((e) => e.id)).toEqual([1, 3, 4]);
    expect(() => fresh.service.removeClaimEvidence({ claimId: c.id, evidenceId: 2 })).toThrow(/no evidence item 2/);
  });

  it('refuses bad evidence: non-http URLs, empty notes, segments of another project or not live', () => {
    const { seg } = sample();
    const c = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    const elsewhere = fresh.service.importBytes(enc('另一份文件：收入增長了30%。\n'), { fileName: 'other.txt', projectName: 'Other' });
    const otherSeg = fresh.service.getSegments({ documentId: elsewhere.documentId })[0];
    const bad: unknown[] = [
      { kind: 'url', url: 'javascript:alert(1)' },
      { kind: 'url', url: 'ftp://example.org/x' },
      { kind: 'url', url: 'not a url' },
      { kind: 'note', note: '   ' },
      { url: '', note: '' },
      { kind: 'segment' },
      { kind: 'segment', segmentId: otherSeg.id },
      { kind: 'segment', segmentId: 999999 },
      { kind: 'video', url: 'https://example.org' },
    ];
    for (const evidence of bad) expect(() => dispatch(fresh.service, 'addClaimEvidence', { claimId: c.id, evidence }), JSON.stringify(evidence)).toThrow();
    expect(() => dispatch(fresh.service, 'removeClaimEvidence', { claimId: c.id, evidenceId: 0 })).toThrow();
    expect(fresh.service.listClaims({ documentId: c.documentId })[0].evidence).toEqual([]);
  });
});

describe('lists: filters, counts, the report', () => {
  it('filters by assignee, status, verdict and claimant; discarded hidden unless asked; counts every status', () => {
    const { seg, documentId } = sample();
    const a = fresh.service.addClaim({ segmentId: seg('11.8億').id, assignee: 'Mei' });
    const b = fresh.service.addClaim({ segmentId: seg('18.4億').id, claimant: '徐立' });
    const d = fresh.service.addClaim({ segmentId: seg('3.8億').id });
    fresh.service.updateClaim({ claimId: b.id, verdict: 'false', status: 'in-progress' });
    fresh.service.updateClaim({ claimId: d.id, status: 'discarded' });
    const ids = (args: Omit<Parameters<typeof fresh.service.listClaims>[0], 'documentId'>) => fresh.service.listClaims({ documentId, ...args }).map((c) => c.id);
    expect(ids({})).toEqual([a.id, b.id]);
    expect(ids({ includeDiscarded: true })).toEqual([a.id, b.id, d.id]);
    expect(ids({ status: 'discarded' })).toEqual([d.id]);
    expect(ids({ status: ['new', 'in-progress'] })).toEqual([a.id, b.id]);
    expect(ids({ assignee: 'Mei' })).toEqual([a.id]);
    expect(ids({ assignee: '' })).toEqual([b.id]);
    expect(ids({ verdict: 'false' })).toEqual([b.id]);
    expect(ids({ claimant: '徐立' })).toContain(b.id);
    const report = fresh.service.claimsReport({ documentId });
    expect(report.counts).toEqual({ new: 1, 'in-progress': 1, 'ready-for-review': 0, published: 0, discarded: 1, total: 3 });
    expect(apiSchema.claimsReport.result.safeParse(report).success).toBe(true);
    for (const args of [{ documentId, status: 'done' }, { documentId, verdict: [] }, { documentId, assignee: 3 }, { documentId, nope: 1 }]) expect(() => dispatch(fresh.service, 'listClaims', args)).toThrow();
  });

  it('the report says “agrees” only of claims compared, and flags two values of one metric', () => {
    const text = ['商湯公司公告：今年營收按年增長15%。', '', '商湯公司表示，今年營收按年增長51%，毛利率為40%。', '', '另外，員工人數為3000人。', ''].join('\n');
    const { documentId } = fresh.service.importBytes(enc(text), { fileName: 'metric.txt', projectName: 'Metric' });
    const segs = fresh.service.getSegments({ documentId });
    const claims = segs.filter((s) => /\d/.test(s.text)).map((s) => fresh.service.addClaim({ segmentId: s.id }));
    expect(claims).toHaveLength(3);
    const r = fresh.service.claimsReport({ documentId });
    const byId = new Map(r.comparisons.map((c) => [c.claimId, c]));
    const [headline, later, staff] = claims;
    expect(byId.get(headline.id)).toMatchObject({ compared: [later.id], contradicted: true, agrees: false });
    expect(byId.get(later.id)).toMatchObject({ compared: [headline.id], contradicted: true, agrees: false });
    // compared with nothing: neither agreeing nor contradicted
    expect(byId.get(staff.id)).toMatchObject({ compared: [], contradicted: false, agrees: null });
    const x = r.crossChecks[byId.get(headline.id)!.crossChecks[0]];
    expect(x.claimIds).toEqual([headline.id, later.id]);
    expect(x.severity).toBe('warning');
    // restated to agree: compared, and now they agree
    fresh.service.updateClaim({ claimId: later.id, text: '商湯公司表示，今年營收按年增長15%。' });
    const again = new Map(fresh.service.claimsReport({ documentId }).comparisons.map((c) => [c.claimId, c]));
    expect(again.get(headline.id)).toMatchObject({ compared: [later.id], contradicted: false, agrees: true });
  });
});

describe('people a claimant is picked from', () => {
  it('speakers, glossary persons, names the entity rules found and claimants used — never a turn marker', () => {
    const { documentId, projectId } = sample();
    fresh.service.saveGlossaryEntry({ projectId, term: '陳美玲', type: 'person' });
    const text = ['記者會', '', '王大明：今年收入增長了30%。', '', 'A：是的。', '', '答：沒有。', ''].join('\n');
    fresh.service.importBytes(enc(text), { fileName: 'people.txt', projectName: 'Samples' });
    fresh.service.addClaim({ segmentId: fresh.service.getSegments({ documentId })[5].id, claimant: '李四' });
    const people = fresh.service.listPeople({ documentId });
    const names = people.map((p) => p.name);
    for (const marker of ['A', 'Q', '答']) expect(names).not.toContain(marker);
    expect(people.find((p) => p.name === '陳美玲')?.sources).toEqual(['glossary']);
    expect(people.find((p) => p.name === '李四')?.sources).toEqual(['claimant']);
    expect(people.find((p) => p.name === '徐立')?.sources).toContain('entity');
    expect(apiSchema.listPeople.result.safeParse(people).success).toBe(true);
    expect(() => dispatch(fresh.service, 'listPeople', { documentId: 'x' })).toThrow();
  });
});

describe('claim labels', () => {
  it('a label flagged as a claim label turns its annotations into claims; tagging with it is refused', () => {
    const { seg, documentId } = sample();
    const s = seg('11.8億');
    const label = fresh.service.createLabel({ name: 'Verify', color: '#112233', shortcut: '9' });
    const at = s.text.indexOf('11.8億');
    const a = fresh.service.addAnnotation({ segmentId: s.id, start: at, end: at + 5, kind: 'tag', body: 'check the annual report', labelId: label.id });
    fresh.service.replyToAnnotation({ annotationId: a.id, body: 'p. 12' });
    expect(fresh.service.updateLabel({ labelId: label.id, claim: true }).claim).toBe(true);
    const claims = fresh.service.listClaims({ documentId });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ segmentId: s.id, exact: '11.8億', text: '11.8億', author: a.author, createdAt: a.createdAt });
    expect(claims[0].notes).toContain('check the annual report');
    expect(claims[0].notes).toContain('p. 12');
    expect(fresh.service.claimHistory({ claimId: claims[0].id }).map((h) => h.field)).toEqual(['created', 'from-annotation']);
    // the annotation is kept, deleted (restorable), not shown twice
    const all = fresh.service.listAnnotations({ documentId, includeDeleted: true });
    expect(all.find((x) => x.id === a.id)?.deletedAt).toBeTruthy();
    expect(fresh.service.listAnnotations({ documentId }).find((x) => x.id === a.id)).toBeUndefined();
    expect(() => fresh.service.addAnnotation({ segmentId: s.id, start: 0, end: 2, kind: 'tag', body: '', labelId: label.id })).toThrow(/claim label/);
    // the default “Check fact” label is a claim label
    expect(fresh.service.listLabels().find((l) => l.name === 'Check fact')?.claim).toBe(true);
    expect(() => dispatch(fresh.service, 'updateLabel', { labelId: label.id, claim: 'yes' })).toThrow();
  });
});

describe('claim review settings', () => {
  it('stores the publishing organisation and refuses a non-http URL', () => {
    expect(fresh.service.getClaimReviewSettings()).toEqual({ organisation: '', organisationUrl: null });
    expect(fresh.service.updateClaimReviewSettings({ organisation: 'Example Fact Check', organisationUrl: 'https://factcheck.example.org/' })).toEqual({
      organisation: 'Example Fact Check',
      organisationUrl: 'https://factcheck.example.org/',
    });
    expect(() => dispatch(fresh.service, 'updateClaimReviewSettings', { organisationUrl: 'javascript:x' })).toThrow(/http/);
    expect(() => dispatch(fresh.service, 'updateClaimReviewSettings', { nope: 1 })).toThrow();
  });
});

describe('the report carries the figure checks on claims', () => {
  it('a figure off by a power of ten (number-scale, found by check) is attached to the claim that states it', () => {
    const text = ['本季淨利新臺幣45.6億元，約合美元14.2億元。', '', '另外，員工人數為3000人。', ''].join('\n');
    const { documentId } = fresh.service.importBytes(enc(text), { fileName: 'scale.txt', projectName: 'Scale' });
    const [first, second] = fresh.service.getSegments({ documentId }).filter((s) => /\d/.test(s.text));
    const a = fresh.service.addClaim({ segmentId: first.id });
    const b = fresh.service.addClaim({ segmentId: second.id });
    const before = fresh.service.claimsReport({ documentId });
    expect(before.figureFindings).toEqual([]); // nothing until the checks have run
    fresh.service.runChecks({ documentId });
    const r = fresh.service.claimsReport({ documentId });
    expect(r.figureFindings).toHaveLength(1);
    expect(r.figureFindings[0]).toMatchObject({ rule: 'number-scale', claimIds: [a.id], dismissedReason: null });
    const byId = new Map(r.comparisons.map((c) => [c.claimId, c]));
    expect(byId.get(a.id)).toMatchObject({ figureFindings: [0], contradicted: true });
    expect(byId.get(b.id)).toMatchObject({ figureFindings: [], contradicted: false, agrees: null });
    expect(apiSchema.claimsReport.result.safeParse(r).success).toBe(true);
  });
});

describe('every new method refuses bad payloads', () => {
  it('unknown keys, wrong types and missing ids are refused before anything runs', () => {
    const { documentId, seg } = sample();
    const c = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    const cases: [Parameters<typeof dispatch>[1], unknown][] = [
      ['addClaim', { segmentId: seg('11.8億').id, nope: 1 }],
      ['addClaim', { segmentId: seg('11.8億').id, in: 'english', start: 0, end: 2 }],
      ['updateClaim', { claimId: c.id, assignee: 5 }],
      ['updateClaim', { claimId: c.id, ratingNote: 'x'.repeat(10_001) }],
      ['addClaimEvidence', { claimId: c.id }],
      ['addClaimEvidence', { claimId: c.id, evidence: { kind: 'note', note: 'x' }, extra: true }],
      ['removeClaimEvidence', { claimId: c.id }],
      ['claimsReport', { documentId, status: 'done' }],
      ['claimsReport', { documentId: -1 }],
      ['listPeople', { documentId, extra: 1 }],
      ['getClaimReviewSettings', { extra: 1 }],
      ['updateClaimReviewSettings', { organisation: 'x'.repeat(201) }],
      ['exportClaims', { documentId, format: 'claimreview', language: 'de' }],
    ];
    for (const [method, args] of cases) expect(() => dispatch(fresh.service, method, args), `${method} ${JSON.stringify(args).slice(0, 80)}`).toThrow(/Invalid arguments/);
    expect(fresh.service.claimHistory({ claimId: c.id }).map((h) => h.field)).toEqual(['created']);
  });
});
