/**
 * Annotations beside the grid, for the selected segment or the whole document: label or
 * comment, the quote (orphaned ones say so and keep their last quote), the thread of
 * replies, resolve/reopen, and explicit delete (kept as deleted; restore brings it back).
 */
import { useMemo, useState, type CSSProperties } from 'react';
import type { Annotation, Segment } from '../../../shared/domain/schemas';
import type { AnnotationsState } from '../state/useAnnotations';
import { COMMENT_COLOR } from '../state/decor';
import { useReviewI18n } from '../i18n-review';
import { usePermission } from '../state/usePermissions';
import { LabelEditor } from './LabelEditor';
import { SidePanel } from './SidePanel';

export interface AnnotationsPanelProps {
  state: AnnotationsState;
  segments: readonly Segment[];
  selectedSegmentId: number | null;
  onJump: (index: number) => void;
  onNotify: (message: string) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

function Item({ a, p, index }: { a: Annotation; p: AnnotationsPanelProps; index: number }) {
  const { rt, formatDateTime, formatNumber } = useReviewI18n();
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const label = a.labelId !== null ? p.state.labels.find((l) => l.id === a.labelId) : undefined;
  const color = label?.color ?? COMMENT_COLOR;
  const active = p.state.decor.activeId === a.id;
  const actions = p.state.actions;
  const classes = ['anno-item', a.resolvedAt ? 'is-resolved' : '', a.deletedAt ? 'is-deleted' : '', a.orphaned ? 'is-orphaned' : '', active ? 'is-active' : '']
    .filter(Boolean)
    .join(' ');

  async function send() {
    if (!reply.trim()) return;
    const r = await actions.reply(a.id, reply.trim());
    if (r) {
      setReply('');
      setReplying(false);
    }
  }

  return (
    <li
      className={classes}
      data-testid="annotation-item"
      data-annotation-id={a.id}
      data-orphaned={a.orphaned}
      style={{ '--anno': color } as CSSProperties}
      onMouseEnter={() => actions.setActiveId(a.id)}
      onMouseLeave={() => actions.setActiveId(null)}
    >
      <div className="anno-head">
        <span className="anno-chip">
          <i aria-hidden="true" />
          {label ? label.name : rt('anno.comment')}
        </span>
        {index >= 0 && (
          <button type="button" className="link-btn hit-row" onClick={() => p.onJump(index)} aria-label={rt('anno.go', { n: formatNumber(index + 1) })}>
            {rt('anno.row', { n: formatNumber(index + 1) })}
          </button>
        )}
        <span className="muted anno-by">{rt('anno.by', { author: a.author || '—', time: formatDateTime(a.createdAt) })}</span>
      </div>
      {a.orphaned && (
        <p className="anno-orphaned" data-testid="annotation-orphaned">
          {rt('anno.orphaned')}
        </p>
      )}
      <blockquote className="anno-quote" lang="zh-Hant" data-testid="annotation-quote">
        {a.exact || rt('anno.wholeSegment')}
      </blockquote>
      {a.body && <p className="anno-body">{a.body}</p>}
      {a.replies.length > 0 && (
        <ol className="anno-replies">
          {a.replies.map((r) => (
            <li key={r.id}>
              <span className="muted">{rt('anno.by', { author: r.author || '—', time: formatDateTime(r.createdAt) })}</span>
              <p>{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      {a.resolvedAt && <p className="muted anno-state">{rt('anno.resolved', { author: a.resolvedBy ?? '—' })}</p>}
      {a.deletedAt && <p className="muted anno-state">{rt('anno.deleted', { author: a.deletedBy ?? '—', time: formatDateTime(a.deletedAt) })}</p>}
      {replying && (
        <form
          className="anno-reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <textarea
            value={reply}
            autoFocus
            rows={2}
            aria-label={rt('anno.reply')}
            placeholder={rt('anno.replyPlaceholder')}
            onChange={(e) => setReply(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void send();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setReplying(false);
              }
            }}
            data-testid="annotation-reply-input"
          />
          <div className="anno-actions">
            <button type="submit" className="btn btn-small btn-primary" disabled={!reply.trim()}>
              {rt('anno.reply')}
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setReplying(false)}>
              {rt('anno.cancel')}
            </button>
          </div>
        </form>
      )}
      {!replying && (
        <div className="anno-actions">
          {a.deletedAt ? (
            <button type="button" className="btn btn-small" onClick={() => void actions.restore(a.id)} data-testid="annotation-restore">
              {rt('anno.restore')}
            </button>
          ) : (
            <>
              <button type="button" className="btn btn-small btn-quiet" onClick={() => setReplying(true)} data-testid="annotation-reply">
                {rt('anno.reply')}
              </button>
              <button type="button" className="btn btn-small btn-quiet" onClick={() => void actions.resolve(a.id, !a.resolvedAt)} data-testid="annotation-resolve">
                {a.resolvedAt ? rt('anno.reopen') : rt('anno.resolve')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() => void actions.remove(a.id).then((r) => r && p.onNotify(rt('anno.deletedToast')))}
                data-testid="annotation-delete"
              >
                {rt('anno.delete')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

export function AnnotationsPanel(p: AnnotationsPanelProps) {
  const { rt, formatNumber } = useReviewI18n();
  const [scope, setScope] = useState<'segment' | 'document'>('document');
  const [showResolved, setShowResolved] = useState(true);
  const [showDeleted, setShowDeleted] = useState(false);
  const [editingLabels, setEditingLabels] = useState(false);
  // on a team server only a lead creates and changes labels (state/permissions.ts)
  const labelling = usePermission('editLabel');
  const indexOf = useMemo(() => new Map(p.segments.map((s, i) => [s.id, i])), [p.segments]);
  const list = p.state.all
    .filter((a) => (scope === 'segment' ? a.segmentId === p.selectedSegmentId : true))
    .filter((a) => (showResolved ? true : !a.resolvedAt))
    .filter((a) => (showDeleted ? true : !a.deletedAt))
    .sort((x, y) => (indexOf.get(x.segmentId) ?? 0) - (indexOf.get(y.segmentId) ?? 0) || x.start - y.start || x.id - y.id);

  return (
    <SidePanel
      className="anno-panel"
      label={rt('anno.title')}
      testId="annotations-panel"
      title={
        <>
          {rt('anno.title')} <span className="muted" data-testid="annotations-count">· {formatNumber(list.length)}</span>
        </>
      }
      closeLabel={rt('anno.close')}
      onClose={p.onClose}
    >
      <div className="anno-filters">
        <div className="segmented" role="radiogroup" aria-label={rt('anno.title')}>
          <button type="button" role="radio" aria-checked={scope === 'segment'} className={scope === 'segment' ? 'is-on' : ''} onClick={() => setScope('segment')}>
            {rt('anno.scope.segment')}
          </button>
          <button type="button" role="radio" aria-checked={scope === 'document'} className={scope === 'document' ? 'is-on' : ''} onClick={() => setScope('document')}>
            {rt('anno.scope.document')}
          </button>
        </div>
        <label className="filter-check">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          {rt('anno.showResolved')}
        </label>
        <label className="filter-check">
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} data-testid="annotations-show-deleted" />
          {rt('anno.showDeleted')}
        </label>
      </div>
      {list.length === 0 && <p className="empty-note">{rt('anno.empty')}</p>}
      <ol className="anno-list">
        {list.map((a) => (
          <Item key={a.id} a={a} p={p} index={indexOf.get(a.segmentId) ?? -1} />
        ))}
      </ol>
      <div className="anno-labels" role="group" aria-label={rt('anno.labels')}>
        {editingLabels ? (
          <LabelEditor labels={p.state.labels} onChanged={p.state.actions.refreshLabels} onError={p.onError} />
        ) : (
          p.state.labels.map((l) => (
            <span key={l.id} className="anno-chip" style={{ '--anno': l.color } as CSSProperties}>
              <i aria-hidden="true" />
              {l.name}
              {l.shortcut && <kbd className="kbd">{l.shortcut}</kbd>}
            </span>
          ))
        )}
        <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditingLabels((e) => !e)} disabled={!labelling.allowed} title={labelling.reason} data-testid="edit-labels">
          {editingLabels ? rt('labels.done') : rt('labels.edit')}
        </button>
      </div>
    </SidePanel>
  );
}
