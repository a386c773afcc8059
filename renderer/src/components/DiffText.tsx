/** A character diff drawn as <del> removed, <ins> added: from given parts, or from two versions via the shared charDiff. */
import { memo } from 'react';
import { charDiff, type DiffPart } from '../../../shared/text/diff';

/** One part of a diff: <ins> added, <del> removed, else plain. */
export function diffPartElement(p: DiffPart, key: number) {
  return p.op === 'insert' ? (
    <ins key={key} className="diff-ins">
      {p.text}
    </ins>
  ) : p.op === 'delete' ? (
    <del key={key} className="diff-del">
      {p.text}
    </del>
  ) : (
    <span key={key}>{p.text}</span>
  );
}

export const DiffParts = memo(function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  return <>{parts.map((p, i) => diffPartElement(p, i))}</>;
});

export const DiffText = memo(function DiffText({ before, after }: { before: string; after: string }) {
  return <DiffParts parts={charDiff(before, after)} />;
});
