/** A character diff of two versions, from the shared charDiff: <del> removed, <ins> added. */
import { memo } from 'react';
import { charDiff } from '../../../shared/text/diff';

export const DiffText = memo(function DiffText({ before, after }: { before: string; after: string }) {
  const parts = charDiff(before, after);
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
