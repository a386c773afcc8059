import { describe, expect, it } from 'vitest';
import type { Annotation } from '../domain/schemas';
import type { ExportDoc } from './model';
import { codePointLength, toWebAnnotations } from './annotations';

const doc: ExportDoc = {
  id: 1,
  title: 't',
  script: 'hant',
  leading: '𠼤\n',
  segments: [
    { id: 10, index: 0, machineText: '甲𠼤乙', text: '甲𠼤乙', sep: '\n', status: 'unreviewed', furniture: null, speaker: null },
    { id: 11, index: 1, machineText: '丙丁', text: '丙丁', sep: '', status: 'unreviewed', furniture: null, speaker: null },
  ],
};

function ann(p: Partial<Annotation>): Annotation {
  return {
    id: 1,
    version: 1,
    segmentId: 10,
    start: 0,
    end: 0,
    exact: '',
    prefix: '',
    suffix: '',
    kind: 'comment',
    body: 'note',
    orphaned: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    labelId: null,
    author: 'Lin',
    resolvedAt: null,
    resolvedBy: null,
    deletedAt: null,
    deletedBy: null,
    replies: [],
    ...p,
  };
}

describe('W3C Web Annotation export', () => {
  it('counts positions in code points (𠼤 is one), with quote context', () => {
    expect(codePointLength('𠼤')).toBe(1);
    // '乙' is at UTF-16 offset 3 of '甲𠼤乙'; in the full text '𠼤\n甲𠼤乙' it is code point 4
    const c = toWebAnnotations(doc, [ann({ start: 1, end: 4, exact: '𠼤乙', replies: [{ id: 5, annotationId: 1, author: 'Wu', body: 'ok', createdAt: 'x' }] }), ann({ id: 2, segmentId: 11, start: 1, end: 2, kind: 'tag', labelId: 3 })], {
      source: 'urn:jiaodui:document:1',
      labels: new Map([[3, '人名']]),
    }) as { '@context': unknown; type: string; total: number; first: { items: Record<string, any>[] } };
    expect(c.type).toBe('AnnotationCollection');
    expect(c['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    const [a, reply, b] = c.first.items;
    expect(a.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '𠼤乙', prefix: '𠼤\n甲', suffix: '\n丙丁' },
      { type: 'TextPositionSelector', start: 3, end: 5 },
    ]);
    expect(Array.from('𠼤\n甲𠼤乙\n丙丁').slice(3, 5).join('')).toBe('𠼤乙');
    expect(a).toMatchObject({ type: 'Annotation', motivation: 'commenting', creator: { name: 'Lin' }, body: [{ type: 'TextualBody', value: 'note' }] });
    expect(reply).toMatchObject({ motivation: 'replying', target: a.id, body: { value: 'ok' } });
    expect(b.motivation).toBe('tagging');
    expect(b.body).toContainEqual({ type: 'TextualBody', value: '人名', purpose: 'tagging' });
    expect(b.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 7, end: 8 });
    expect(c.total).toBe(3);
  });

  it('orphaned annotations keep only their stored quote; deleted ones are left out', () => {
    const c = toWebAnnotations(doc, [ann({ orphaned: true, exact: '舊', prefix: 'p', suffix: 's' }), ann({ id: 2, deletedAt: 'x' })], { source: 's', labels: new Map() }) as {
      first: { items: Record<string, any>[] };
    };
    expect(c.first.items).toHaveLength(1);
    expect(c.first.items[0].target.selector).toEqual({ type: 'TextQuoteSelector', exact: '舊', prefix: 'p', suffix: 's' });
  });
});
