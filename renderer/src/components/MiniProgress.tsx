/** A thin stacked bar: approved, edited, unreviewed. */
import type { Progress } from '../../../shared/domain/schemas';

export function MiniProgress({ progress }: { progress: Progress }) {
  const total = Math.max(1, progress.total);
  return (
    <span className="mini-progress" aria-hidden="true">
      <span className="bar-approved" style={{ width: `${(progress.approved / total) * 100}%` }} />
      <span className="bar-edited" style={{ width: `${(progress.edited / total) * 100}%` }} />
    </span>
  );
}
