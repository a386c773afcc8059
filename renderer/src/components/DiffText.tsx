/** A character diff drawn as <del> removed, <ins> added: from given parts, or from two versions via the shared charDiff. */
import { memo } from 'react';
import { charDiff, type DiffPart } from '../../../shared/text/diff';

export const DiffParts = memo(function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i} className="diff-ins">
            {p.text}
          </ins>
        ) : p.op === 'delete' ? (
          <del key={i} className="diff-del">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
});

export const DiffText = memo(function DiffText({ before, after }: { before: string; after: string }) {
  return <DiffParts parts={charDiff(before, after)} />;
});
