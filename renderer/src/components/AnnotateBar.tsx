/**
 * A small toolbar next to a text selection inside a grid cell (Traditional or Simplified
 * column): comment on it, or tag it with a label — by click or by the label's key. The
 * comment box also opens from the Alt+C command (on the whole segment without a selection).
 * Claim (Alt+K) makes the selection a claim for fact-checking; so does a claim label (the
 * default “Check fact”), by click or key: a span tagged with it is a claim, not an annotation.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { AnnotationLabel } from '../../../shared/domain/review';
import { readCellSelection, type CellSelection } from '../lib/selection';
import { isTextTarget } from '../lib/keys';
import { useReviewI18n } from '../i18n-review';
import { publishPopover, useVisiblePopovers } from '../state/popovers';

export interface PendingSpan extends CellSelection {
  quote: string;
}

export interface AnnotateBarProps {
  labels: readonly AnnotationLabel[];
  /** the quote of a selection, from the segment data (not the DOM) */
  quoteOf: (sel: CellSelection) => string | null;
  /** a comment box requested from outside (Alt+C): the span to comment on */
  commentRequest: { span: PendingSpan; nonce: number } | null;
  onTag: (span: PendingSpan, label: AnnotationLabel) => void;
  /** make the span a claim (the Claim button, and the claim labels) */
  onClaim?: (span: PendingSpan) => void;
  onComment: (span: PendingSpan, body: string) => Promise<boolean>;
}

const WIDTH = 360;

function place(rect: CellSelection['rect']): CSSProperties {
  const left = Math.max(8, Math.min(window.innerWidth - WIDTH - 8, rect.left));
  const below = rect.bottom + 8;
  const top = below + 120 > window.innerHeight ? Math.max(8, rect.top - 52) : below;
  return { left, top };
}

export function AnnotateBar({ labels, quoteOf, commentRequest, onTag, onClaim, onComment }: AnnotateBarProps) {
  const { rt } = useReviewI18n();
  const [span, setSpan] = useState<PendingSpan | null>(null);
  const [commenting, setCommentingState] = useState(false);
  const [body, setBody] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  // Set synchronously, so a selection change handled before the next render cannot close the comment box.
  const commentingRef = useRef(false);
  const setCommenting = (on: boolean) => {
    commentingRef.current = on;
    setCommentingState(on);
  };
  // never over the dictionary popover (state/popovers.ts): a selection closes a hover gloss, Alt+D's gloss hides the bar until it closes
  const visible = useVisiblePopovers({ label: !!span, commenting }).label;
  useEffect(() => publishPopover({ label: !!span, commenting }), [span, commenting]);
  useEffect(() => () => publishPopover({ label: false, commenting: false }), []);
  const live = useRef({ span, labels, onClaim, visible });
  live.current = { span, labels, onClaim, visible };
  /** tag with a label; a claim label makes a claim instead */
  const apply = (s: PendingSpan, l: AnnotationLabel, claim = live.current.onClaim) => {
    if (l.claim && claim) claim(s);
    else onTag(s, l);
  };
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // Follow the document's selection (unless the comment box is open).
  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (commentingRef.current) return;
        const sel = readCellSelection(document.getSelection());
        const quote = sel ? quoteOf(sel) : null;
        setSpan(sel && quote ? { ...sel, quote } : null);
      });
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      cancelAnimationFrame(frame);
    };
  }, [quoteOf]);

  useEffect(() => {
    if (!commentRequest) return;
    setSpan(commentRequest.span);
    setBody('');
    setCommenting(true);
  }, [commentRequest]);

  // A label's key tags the selection (while not typing anywhere).
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const { span: s, labels: ls, visible: shown } = live.current;
      if (!s || !shown || commentingRef.current || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextTarget(e.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      if (e.key === 'Escape') {
        document.getSelection()?.removeAllRanges();
        setSpan(null);
        return;
      }
      const label = ls.find((l) => l.shortcut && l.shortcut === e.key.toLowerCase());
      if (!label) return;
      e.preventDefault();
      e.stopPropagation();
      applyRef.current(s, label);
      document.getSelection()?.removeAllRanges();
      setSpan(null);
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  useLayoutEffect(() => {
    if (commenting && visible) ref.current?.querySelector('textarea')?.focus();
  }, [commenting, visible]);

  if (!span || !visible) return null;

  async function save() {
    if (!span || !body.trim()) return;
    if (await onComment(span, body.trim())) {
      setCommenting(false);
      setSpan(null);
      setBody('');
      document.getSelection()?.removeAllRanges();
    }
  }
  function cancel() {
    setCommenting(false);
    setSpan(null);
  }

  return (
    <div
      ref={ref}
      className={`annotate-bar${commenting ? ' is-commenting' : ''}`}
      style={place(span.rect)}
      role={commenting ? 'dialog' : 'toolbar'}
      aria-label={commenting ? rt('anno.commentOn', { quote: span.quote }) : rt('anno.bar')}
      data-testid="annotate-bar"
      // keep the text selection when pressing the bar's buttons
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
      }}
    >
      {commenting ? (
        <form
          className="annotate-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="annotate-quote" lang="zh-Hant">
            {rt('anno.commentOn', { quote: span.quote.length > 40 ? span.quote.slice(0, 39) + '…' : span.quote })}
          </div>
          <textarea
            value={body}
            rows={3}
            aria-label={rt('anno.comment')}
            placeholder={rt('anno.placeholder')}
            data-testid="annotate-comment-input"
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                cancel();
              }
            }}
          />
          <div className="anno-actions">
            <button type="submit" className="btn btn-small btn-primary" disabled={!body.trim()} data-testid="annotate-comment-save">
              {rt('anno.save')}
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={cancel}>
              {rt('anno.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <button type="button" className="btn btn-small" onClick={() => setCommenting(true)} data-testid="annotate-comment">
            {rt('anno.comment')} <kbd className="kbd">Alt+C</kbd>
          </button>
          {onClaim && (
            <button
              type="button"
              className="btn btn-small"
              data-testid="annotate-claim"
              onClick={() => {
                onClaim(span);
                document.getSelection()?.removeAllRanges();
                setSpan(null);
              }}
            >
              {rt('anno.claim')} <kbd className="kbd">Alt+K</kbd>
            </button>
          )}
          {labels.map((l) => (
            <button
              key={l.id}
              type="button"
              className="btn btn-small btn-quiet anno-chip-btn"
              style={{ '--anno': l.color } as CSSProperties}
              data-testid={`annotate-label-${l.id}`}
              data-claim={l.claim ? 'true' : undefined}
              onClick={() => {
                apply(span, l);
                document.getSelection()?.removeAllRanges();
                setSpan(null);
              }}
            >
              <i aria-hidden="true" />
              {l.name}
              {l.shortcut && <kbd className="kbd">{l.shortcut}</kbd>}
            </button>
          ))}
        </>
      )}
    </div>
  );
}
