/**
 * A segment's text in one column. Traditional: the correction as a character diff of the
 * machine text (<del>/<ins>, as DiffText draws it). Both columns: annotation spans as
 * highlights in their label's colour; in the Simplified column each span is moved onto
 * the rendering through the offset map (mapForward). Overlapping spans are split into
 * pieces; a piece covered by several annotations is drawn as such.
 */
import { Fragment, memo, type CSSProperties, type ReactNode } from 'react';
import type { Annotation, Segment } from '../../../shared/domain/schemas';
import { charDiff, type DiffPart } from '../../../shared/text/diff';
import { mapForward } from '../../../shared/text/offsetMap';
import { COMMENT_COLOR, FINDING_SPAN_ID, useDecor, type Decor } from '../state/decor';

interface Span {
  a: Annotation;
  s: number;
  e: number;
}

function colorOf(a: Annotation, decor: Decor): string {
  return (a.labelId !== null ? decor.labels.get(a.labelId)?.color : undefined) ?? COMMENT_COLOR;
}

function titleOf(a: Annotation, decor: Decor): string {
  const label = a.labelId !== null ? decor.labels.get(a.labelId)?.name : undefined;
  return [label, a.body].filter(Boolean).join(': ') || a.exact;
}

function Piece({ text, cover, decor }: { text: string; cover: Span[]; decor: Decor }) {
  if (!cover.length) return <>{text}</>;
  const first = cover[0].a;
  const classes = ['anno'];
  if (cover.length > 1) classes.push('anno-multi');
  if (cover.every((c) => c.a.resolvedAt)) classes.push('anno-resolved');
  if (cover.some((c) => c.a.id === decor.activeId)) classes.push('anno-active');
  if (cover.some((c) => c.a.id === FINDING_SPAN_ID)) classes.push('finding-hl');
  const style = { '--anno': colorOf(first, decor), '--anno2': cover.length > 1 ? colorOf(cover[1].a, decor) : undefined } as CSSProperties;
  return (
    <mark className={classes.join(' ')} style={style} data-annotation-ids={cover.map((c) => c.a.id).join(' ')} title={cover.map((c) => titleOf(c.a, decor)).join('\n')}>
      {text}
    </mark>
  );
}

/** Split [from, from + text.length) at span boundaries and mark each piece with the spans covering it. */
function pieces(text: string, from: number, spans: readonly Span[], bounds: readonly number[], decor: Decor): ReactNode[] {
  const to = from + text.length;
  const cuts = [from, ...bounds.filter((b) => b > from && b < to), to];
  const out: ReactNode[] = [];
  for (let k = 0; k < cuts.length - 1; k++) {
    const a = cuts[k];
    const b = cuts[k + 1];
    if (b <= a) continue;
    const cover = spans.filter((sp) => sp.s < b && a < sp.e);
    out.push(<Piece key={a} text={text.slice(a - from, b - from)} cover={cover} decor={decor} />);
  }
  return out;
}

function render(parts: readonly DiffPart[], spans: readonly Span[], decor: Decor, diff: boolean): ReactNode {
  const bounds = [...new Set(spans.flatMap((sp) => [sp.s, sp.e]))].sort((x, y) => x - y);
  let pos = 0;
  return parts.map((p, i) => {
    if (p.op === 'delete') {
      return (
        <del key={i} className="diff-del" data-skip="">
          {p.text}
        </del>
      );
    }
    const inner = spans.length ? pieces(p.text, pos, spans, bounds, decor) : p.text;
    pos += p.text.length;
    if (p.op === 'insert') {
      return (
        <ins key={i} className="diff-ins">
          {inner}
        </ins>
      );
    }
    return diff ? <span key={i}>{inner}</span> : <Fragment key={i}>{inner}</Fragment>;
  });
}

const findingSpan = { id: FINDING_SPAN_ID, labelId: null, body: '', resolvedAt: null, orphaned: false } as unknown as Annotation;

export const SegmentText = memo(function SegmentText({ segment, column }: { segment: Segment; column: 'text' | 'rendering' }) {
  const decor = useDecor();
  const annos = (decor.bySegment.get(segment.id) ?? []).filter((a) => !a.orphaned && a.end > a.start);
  const f = decor.finding;
  if (f && f.segmentId === segment.id && f.end > f.start && segment.text.slice(f.start, f.end)) {
    // The finding drawn like an annotation span, so both columns and the diff handle it the same way.
    annos.push({ ...findingSpan, start: f.start, end: f.end, exact: segment.text.slice(f.start, f.end) } as Annotation);
  }
  if (column === 'rendering') {
    const spans = annos
      .map((a) => ({ a, s: mapForward(segment.renderingMap, a.start, 'start'), e: mapForward(segment.renderingMap, a.end, 'end') }))
      .filter((sp) => sp.e > sp.s);
    if (!spans.length) return <>{segment.rendering}</>;
    return <>{render([{ op: 'equal', text: segment.rendering }], spans, decor, false)}</>;
  }
  const changed = segment.text !== segment.machineText;
  if (!changed && !annos.length) return <>{segment.text}</>;
  const parts: DiffPart[] = changed ? charDiff(segment.machineText, segment.text) : [{ op: 'equal', text: segment.text }];
  return <>{render(parts, annos.map((a) => ({ a, s: a.start, e: a.end })), decor, changed)}</>;
});
