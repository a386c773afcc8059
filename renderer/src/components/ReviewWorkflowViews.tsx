/** The review workflow's filter bar, side panel and overlays, drawn from useReviewWorkflow's state. */
import type { WorkflowViews } from '../state/useReviewWorkflow';
import { FilterBar } from './FilterBar';
import { ReplacePanel } from './ReplacePanel';
import { AnnotateBar } from './AnnotateBar';
import { RepetitionsBar } from './RepetitionsBar';
import { AnnotationsPanel, ChangeLogDialog } from '../lazy';

export function WorkflowFilterBar({ views: v }: { views: WorkflowViews }) {
  if (!v.doc) return null;
  return (
    <>
      <FilterBar filter={v.filter} onChange={v.setFilter} shown={v.rows ? v.rows.length : v.segments.length} total={v.segments.length} />
      {v.rows && v.rows.length === 0 && (
        <p className="empty-note filter-empty" data-testid="filter-empty">
          {v.rt('filter.none')}
        </p>
      )}
    </>
  );
}

export function WorkflowSidePanel({ views: v }: { views: WorkflowViews }) {
  if (!v.doc) return null;
  if (v.panel === 'replace') {
    return (
      <ReplacePanel
        ref={v.replaceRef}
        doc={v.doc}
        selectedSegmentId={v.selectedSegmentId}
        initialFind={v.initialFind}
        onChange={v.applyChange}
        onJump={v.openHit}
        onNotify={v.notify}
        onError={v.fail}
        onClose={v.closePanel}
      />
    );
  }
  if (v.panel === 'annotations') {
    return (
      <AnnotationsPanel
        state={v.annotations}
        segments={v.segments}
        selectedSegmentId={v.selectedSegmentId}
        onJump={v.jumpTo}
        onNotify={v.notify}
        onError={v.fail}
        onClose={v.closePanel}
      />
    );
  }
  return null;
}

export function WorkflowOverlays({ views: v }: { views: WorkflowViews }) {
  if (!v.doc) return null;
  return (
    <>
      <AnnotateBar labels={v.annotations.labels} quoteOf={v.quoteOf} commentRequest={v.commentRequest} onTag={v.onTag} onClaim={v.onClaim} onComment={v.onComment} />
      {v.reps && <RepetitionsBar reps={v.reps} onApply={v.applyRepetitions} onJump={v.openSegment} onDismiss={v.dismissRepetitions} />}
      {v.changeLogOpen && <ChangeLogDialog doc={v.doc} onJump={v.jumpTo} onError={v.fail} onClose={v.closeChangeLog} />}
    </>
  );
}
