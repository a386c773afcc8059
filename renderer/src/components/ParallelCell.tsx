/**
 * The grid's second cell of a row, by the document's column choice: the Simplified
 * rendering (SegmentText, the default), the original source aligned to the segment, or its
 * English — corrections drawn as a word diff against the English as aligned, its own status
 * marker, an inline editor (double-click or Alt+E) and, on the selected row, alignment fixes
 * (move up / down, merge, and for the source a split at a caret).
 */
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Segment } from '../../../shared/domain/schemas';
import { englishParts, type EnglishPart, type EnglishText } from '../state/moves';
import { splitSentences } from '../../../shared/text/segment';
import { useColumnsContext, type ColumnsState } from '../state/useColumns';
import type { ColumnMode } from '../state/column-layout';
import { useColumnsI18n } from '../i18n-columns';
import { SegmentText } from './SegmentText';
import { diffPartElement } from './DiffText';
import { StatusMarker } from './StatusMarker';
import { useEditorTextarea, useGrowWithText } from './useEditorTextarea';

function EnglishEditor({ segment, number, cols }: { segment: Segment; number: number; cols: ColumnsState }) {
  const { ct } = useColumnsI18n();
  // a draft Esc discarded comes back here once when its notice's Restore reopens this editor
  const [draft, setDraft] = useState(() => cols.takeEnglishDraft(segment.id) ?? segment.english?.text ?? '');
  const ref = useEditorTextarea(draft);

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      void cols.saveEnglish(segment.id, draft, { approve: mod });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cols.cancelEnglish(draft);
    } else if (e.altKey && !mod && e.code === 'KeyS') {
      // split the English at the caret: the rest goes to the next row (alignment fix)
      e.preventDefault();
      e.stopPropagation();
      const at = e.currentTarget.selectionStart;
      void (async () => {
        if (draft !== (segment.english?.text ?? '') && !(await cols.saveEnglish(segment.id, draft))) return;
        await cols.align(segment.id, 'split', { at }, 'english');
      })();
    }
  }

  return (
    <div className="editor">
      <textarea
        ref={ref}
        className="editor-input"
        data-testid="english-textarea"
        lang="en"
        aria-label={ct('columns.editEnglish', { n: number })}
        value={draft}
        rows={1}
        spellCheck
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="editor-hint">{ct('columns.editHint')}</div>
    </div>
  );
}

/**
 * Where a split of `text` most likely goes: before its second sentence (the sentence rule the
 * parallel text was cut with, shared/text/segment.ts), else the middle.
 */
export function defaultSplitAt(text: string): number {
  const at = splitSentences(text)[1]?.start ?? -1;
  return at > 0 && at < text.length ? at : Math.max(1, Math.floor(text.length / 2));
}

/** The caret's offset in the source text of this cell, if the reviewer clicked or selected there. */
function caretInSource(cell: HTMLElement | null, text: string): number | null {
  const sel = window.getSelection();
  const span = cell?.querySelector('.parallel-text');
  if (!sel || !sel.rangeCount || !span || !span.contains(sel.anchorNode)) return null;
  const r = document.createRange();
  r.selectNodeContents(span);
  r.setEnd(sel.anchorNode!, sel.anchorOffset);
  const at = r.toString().length;
  return at > 0 && at < text.length ? at : null;
}

/**
 * Split the original source of a row (alignment fix): the text in a box that refuses input,
 * where the caret marks the split; Enter (or Alt+S) splits there, the rest going to the next row; Esc
 * cancels. The English column splits from its own editor (Alt+S).
 */
function SourceSplitter({ segment, number, at, cols, onDone }: { segment: Segment; number: number; at: number; cols: ColumnsState; onDone: () => void }) {
  const { ct } = useColumnsI18n();
  const ref = useRef<HTMLTextAreaElement>(null);
  const text = segment.source ?? '';
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(at, at);
    // Not a readonly textarea: Chromium draws no caret there and leaves the caret keys to the
    // scrolling grid. An editable one whose every input is refused (aria-readonly) keeps both.
    const refuse = (ev: Event) => ev.preventDefault();
    el.addEventListener('beforeinput', refuse);
    return () => el.removeEventListener('beforeinput', refuse);
  }, [at]);
  useGrowWithText(ref, text);

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const split = (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey) || (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS');
    const el = e.currentTarget;
    if (split) {
      e.preventDefault();
      e.stopPropagation();
      const pos = el.selectionStart;
      void cols.align(segment.id, 'split', { at: pos }, 'source').then(onDone);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
      cols.refocus();
    }
  }

  return (
    <div className="editor">
      <textarea
        ref={ref}
        className="editor-input source-splitter"
        data-testid="source-split-textarea"
        lang="zh"
        aria-readonly="true"
        spellCheck={false}
        aria-label={ct('columns.splitSourceLabel', { n: number })}
        aria-describedby={`split-hint-${segment.id}`}
        value={text}
        rows={1}
        onChange={() => undefined /* the text is not edited here: React puts it back */}
        onKeyDown={onKeyDown}
        onBlur={onDone}
      />
      <div className="editor-hint" id={`split-hint-${segment.id}`}>
        {ct('columns.splitHint')}
      </div>
    </div>
  );
}

/**
 * The alignment buttons' icons, told apart at a glance: move up / down is an arrow leaving a
 * text line for the row above or below; join is two lines meeting in one (not another arrow down).
 */
function AlignIcon({ kind }: { kind: 'up' | 'down' | 'merge' }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      {kind === 'up' && <path d="M3 13.5h10M8 11V2.5M4.8 5.7 8 2.5l3.2 3.2" />}
      {kind === 'down' && <path d="M3 2.5h10M8 5v8.5M4.8 10.3 8 13.5l3.2-3.2" />}
      {kind === 'merge' && <path d="M3 2.5h4.5M3 7h4.5M7.5 2.5c3 0 3 4.5 5.5 4.5M7.5 7H13M3 11.5h10M3 14h6" />}
    </svg>
  );
}

function AlignTools({ segment, number, cols, kind, onSplit }: { segment: Segment; number: number; cols: ColumnsState; kind: 'source' | 'english'; onSplit?: () => void }) {
  const { ct } = useColumnsI18n();
  const btn = (label: string, glyph: ReactNode, testId: string, run: () => void) => (
    <button
      type="button"
      className="align-btn"
      title={label}
      aria-label={label}
      data-testid={testId}
      onMouseDown={(e) => {
        // keep the row's selection and the caret placed in the source text
        e.stopPropagation();
        e.preventDefault();
      }}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        // Enter and Space press the button, not the grid's bare-key commands (edit, approve…)
        if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
      }}
      onClick={(e) => {
        e.stopPropagation();
        run();
      }}
    >
      {glyph}
    </button>
  );
  return (
    <span className="align-tools" role="group" aria-label={ct('columns.alignTools', { n: number })}>
      {btn(ct('columns.shiftUp'), <AlignIcon kind="up" />, 'align-up', () => void cols.align(segment.id, 'shift', { direction: 'up' }, kind))}
      {btn(ct('columns.shiftDown'), <AlignIcon kind="down" />, 'align-down', () => void cols.align(segment.id, 'shift', { direction: 'down' }, kind))}
      {btn(ct('columns.merge'), <AlignIcon kind="merge" />, 'align-merge', () => void cols.align(segment.id, 'merge', {}, kind))}
      {onSplit && btn(ct('columns.splitSource'), '✂', 'align-split', onSplit)}
    </span>
  );
}

function SourceCell({ segment, position, selected, cols }: { segment: Segment; position: number; selected: boolean; cols: ColumnsState }) {
  const { ct } = useColumnsI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [splitAt, setSplitAt] = useState<number | null>(null);
  const text = segment.source ?? '';
  useEffect(() => {
    if (!selected) setSplitAt(null);
  }, [selected]);
  const canSplit = text.length > 1;
  const tools =
    selected && cols.attached.source ? (
      <AlignTools segment={segment} number={position + 1} cols={cols} kind="source" onSplit={canSplit ? () => setSplitAt(caretInSource(ref.current, text) ?? defaultSplitAt(text)) : undefined} />
    ) : null;
  return (
    <div ref={ref} role="gridcell" className="cell cell-text cell-parallel cell-source" lang="zh" data-testid={`source-${position}`}>
      {splitAt !== null && selected ? (
        <SourceSplitter segment={segment} number={position + 1} at={splitAt} cols={cols} onDone={() => setSplitAt(null)} />
      ) : (
        <>
          <span className="parallel-text">{text || <span className="muted">{ct('columns.noneShort')}</span>}</span>
          {tools}
        </>
      )}
    </div>
  );
}

/** An English correction as a word diff, with text moved between rows drawn as a move (state/moves.ts), not as a deletion and an insertion. */
function EnglishDiff({ parts, number }: { parts: readonly EnglishPart[]; number: number }) {
  const { ct } = useColumnsI18n();
  return (
    <>
      {parts.map((p, i) => {
        if (p.op === 'moved-out' || p.op === 'moved-in') {
          const other = number + ((p.op === 'moved-out' ? p.to : p.from) === 'down' ? 1 : -1);
          const label = ct(p.op === 'moved-out' ? 'columns.movedTo' : 'columns.movedFrom', { n: other });
          const arrow = (p.op === 'moved-out' ? p.to : p.from) === 'down' ? '↓' : '↑';
          return (
            <span key={i} className={`moved ${p.op}`} title={label} data-testid={p.op} data-row={other}>
              <span className="moved-tag" aria-hidden="true">
                {arrow} {other}
              </span>
              <span className="visually-hidden">{label}: </span>
              {p.text}
            </span>
          );
        }
        return diffPartElement(p, i);
      })}
    </>
  );
}

export const ParallelCell = memo(function ParallelCell({
  mode,
  segment,
  position,
  selected,
  prevEnglish = null,
  nextEnglish = null,
}: {
  mode: ColumnMode;
  segment: Segment;
  position: number;
  selected: boolean;
  /** the English of the rows above and below: text moved between rows is drawn as a move */
  prevEnglish?: EnglishText | null;
  nextEnglish?: EnglishText | null;
}) {
  const cols = useColumnsContext();
  const { t, ct } = useColumnsI18n();
  if (!cols || mode === 'hans') {
    return (
      <div role="gridcell" className="cell cell-text cell-hans" lang="zh-Hans">
        <SegmentText segment={segment} column="rendering" />
      </div>
    );
  }
  if (mode === 'source') return <SourceCell segment={segment} position={position} selected={selected} cols={cols} />;
  const tools = selected && cols.attached[mode] ? <AlignTools segment={segment} number={position + 1} cols={cols} kind="english" /> : null;
  const en = segment.english;
  if (cols.editingEnglishId === segment.id) {
    return (
      <div role="gridcell" className="cell cell-text cell-parallel cell-english" lang="en">
        <EnglishEditor segment={segment} number={position + 1} cols={cols} />
      </div>
    );
  }
  const changed = !!en && en.text !== en.aligned;
  return (
    <div
      role="gridcell"
      className={`cell cell-text cell-parallel cell-english english-${en?.status ?? 'none'}`}
      lang="en"
      data-testid={`english-${position}`}
      data-status={en?.status}
      onDoubleClick={(e) => {
        e.stopPropagation();
        cols.startEnglish(segment.id);
      }}
    >
      {en && (en.text || en.aligned) ? (
        <>
          <span className="english-status" title={ct('columns.englishStatus', { status: t(`status.${en.status}`) })}>
            <StatusMarker status={en.status} />
          </span>
          <span className="parallel-text">{changed ? <EnglishDiff parts={englishParts(en, prevEnglish, nextEnglish)} number={position + 1} /> : en.text}</span>
        </>
      ) : (
        <span className="parallel-text muted">{ct('columns.noneShort')}</span>
      )}
      {tools}
    </div>
  );
});
