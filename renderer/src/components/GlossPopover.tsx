/**
 * Dictionary glosses over the Chinese text: resting the pointer on a word in either text
 * column shows its entries, the glossary's first. Selecting text shows the label bar instead
 * (AnnotateBar), which closes a gloss: the two never overlap (state/popovers.ts). One listener on the
 * document finds the character under the pointer with caretPositionFromPoint (or
 * caretRangeFromPoint) and turns it into a text offset the way selections are read
 * (lib/selection.ts), so the cells themselves need nothing. The word and its entries come
 * from the backend (glossAt / lookupGloss); the popover never takes clicks.
 * From the keyboard ("Look Up Word", Alt+D, through `keyboardLookup`): the word at the caret or
 * selection of the segment editor, or of a selection in a Chinese cell, else the first Han
 * word of the selected segment. That popover takes the focus, Esc closes it and the focus
 * goes back where it was.
 */
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type { Segment } from '../../../shared/domain/schemas';
import type { GlossEntry } from '../../../shared/mt/schemas';
import { useClient } from '../state/client';
import { offsetInCell, readCellSelection } from '../lib/selection';
import { errorMessage } from '../lib/format';
import { useMtI18n } from '../i18n-mt';
import { publishPopover, useVisiblePopovers } from '../state/popovers';
import { lastPointer } from '../state/pointer';
import { attachDeferred, detachDeferred, type DeferredCall } from '../state/deferred-call';

interface Shown {
  word: string;
  entries: GlossEntry[];
  x: number;
  y: number;
  /** the lookup failed (the dictionary could not be built or read): said, not swallowed */
  error?: string;
  /** opened from the keyboard: focusable, Esc closes and returns the focus */
  keyboard?: boolean;
  /** keyboard lookup on a segment without Chinese */
  noWord?: boolean;
}

/** Open the popover from the keyboard for the selected segment (null: none). */
export type GlossLookup = (selectedSegmentId: number | null) => void;

interface Target {
  segmentId: number;
  column: 'text' | 'rendering';
  start: number;
  end: number;
}

const HOVER_DELAY_MS = 350;
const CELLS = '[data-testid="grid-body"] .cell-hant, [data-testid="grid-body"] .cell-hans';

/** The text node and offset of the character under (x, y), or null over blank space. */
function charAtPoint(x: number, y: number): { node: Text; offset: number } | null {
  let node: Node | null = null;
  let offset = 0;
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    if (p) {
      node = p.offsetNode;
      offset = p.offset;
    }
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const text = node as Text;
  // the caret sits between characters: take the one whose box holds the point
  for (const o of [offset, offset - 1]) {
    if (o < 0 || o >= text.length) continue;
    const r = document.createRange();
    r.setStart(text, o);
    r.setEnd(text, o + 1);
    for (const b of Array.from(r.getClientRects())) {
      if (x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1) return { node: text, offset: o };
    }
  }
  return null;
}

/** The DOM range of text offsets [start, end) in a cell (the inverse of offsetInCell). */
function rangeInCell(cell: HTMLElement, start: number, end: number): Range | null {
  const range = document.createRange();
  let n = 0;
  let started = false;
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('[data-skip], .furniture-tag')) continue;
    const len = (node as Text).length;
    if (!started && start < n + len) {
      range.setStart(node, start - n);
      started = true;
    }
    if (started && end <= n + len) {
      range.setEnd(node, end - n);
      return range;
    }
    n += len;
  }
  return null;
}

const HIGHLIGHT = 'jiaodui-gloss';
type HighlightApi = { highlights?: Map<string, unknown> };
declare const Highlight: { new (...ranges: Range[]): unknown } | undefined;

/** Mark the glossed word with the CSS Custom Highlight API (Chromium), leaving the DOM alone. */
function highlight(range: Range | null): void {
  const reg = (globalThis.CSS as unknown as HighlightApi | undefined)?.highlights;
  if (!reg) return;
  if (range && typeof Highlight === 'function') reg.set(HIGHLIGHT, new Highlight(range));
  else reg.delete(HIGHLIGHT);
}

const HAN = /\p{Script=Han}/u;

export function GlossPopover({ documentId, segments, keyboardLookup }: { documentId: number; segments: readonly Segment[]; keyboardLookup?: DeferredCall<number | null> }) {
  const { client } = useClient();
  const { mt, locale } = useMtI18n();
  // a lookup's error in the UI language as it is when the answer comes
  const describe = useEffectEvent((e: unknown) => errorMessage(e, locale));
  const [shown, setShown] = useState<Shown | null>(null);
  const live = useRef({ segments, documentId });
  live.current = { segments, documentId };
  const target = useRef<Target | null>(null);
  const seq = useRef(0);
  const popRef = useRef<HTMLDivElement>(null);
  /** where the focus was before a keyboard lookup */
  const returnTo = useRef<HTMLElement | null>(null);
  const keyboardOpen = useRef(false);
  keyboardOpen.current = !!shown?.keyboard;
  // never over the label bar (state/popovers.ts): selecting text shows the label bar, not a gloss
  const visible = useVisiblePopovers({ gloss: shown ? (shown.keyboard ? 'keyboard' : 'hover') : 'none' }).gloss;
  useEffect(() => publishPopover({ gloss: shown ? (shown.keyboard ? 'keyboard' : 'hover') : 'none' }), [shown]);
  useEffect(() => () => publishPopover({ gloss: 'none' }), []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** `restore`: give the focus back if the popover had it (not on a click elsewhere) */
    const hide = (restore = true) => {
      if (timer) clearTimeout(timer);
      timer = null;
      seq.current++;
      target.current = null;
      highlight(null);
      const hadFocus = !!popRef.current && popRef.current.contains(document.activeElement);
      setShown(null);
      const back = returnTo.current;
      returnTo.current = null;
      if (restore && hadFocus && back?.isConnected) back.focus({ preventScroll: true });
    };
    const segmentText = (segmentId: number, column: 'text' | 'rendering') => {
      const s = live.current.segments.find((x) => x.id === segmentId);
      return s ? (column === 'text' ? s.text : s.rendering) : null;
    };

    /** The pointer at (x, y) over `el`: a gloss of the word there after the hover delay. */
    const hoverAt = (x: number, y: number, buttons: number, el: Element | null) => {
      if (buttons) return; // selecting: the label bar will show, not a gloss
      if (keyboardOpen.current) return; // opened from the keyboard: stays until Esc, a click or a scroll
      if (readCellSelection(window.getSelection())) return hide(); // a selection: the label bar is up
      const cell = el?.closest<HTMLElement>(CELLS);
      if (!cell || cell.querySelector('textarea')) return hide();
      const hit = charAtPoint(x, y);
      if (!hit || !cell.contains(hit.node) || hit.node.parentElement?.closest('[data-skip], .furniture-tag')) return hide();
      const row = cell.closest<HTMLElement>('[role="row"][data-segment-id]');
      if (!row) return hide();
      const segmentId = Number(row.dataset.segmentId);
      const column = cell.classList.contains('cell-hans') ? 'rendering' : 'text';
      const offset = offsetInCell(cell, hit.node, hit.offset);
      const cur = target.current;
      if (cur && cur.segmentId === segmentId && cur.column === column && offset >= cur.start && offset < cur.end) return; // same word
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const text = segmentText(segmentId, column);
        if (text === null) return;
        const my = ++seq.current;
        client.glossAt({ text, offset, documentId: live.current.documentId }).then(
          (r) => {
            if (my !== seq.current) return;
            target.current = { segmentId, column, start: r.start, end: r.end };
            highlight(cell.isConnected && r.word.trim() ? rangeInCell(cell, r.start, r.end) : null);
            setShown(r.word.trim() ? { word: r.word, entries: r.entries, x, y } : null);
          },
          (err: unknown) => {
            if (my === seq.current) setShown({ word: text.slice(offset, offset + 1), entries: [], x, y, error: describe(err) });
          },
        );
      }, HOVER_DELAY_MS);
    };
    const onMove = (e: MouseEvent) => hoverAt(e.clientX, e.clientY, e.buttons, e.target instanceof Element ? e.target : null);

    // a selection in a cell opens the label bar (AnnotateBar): it closes a gloss shown on hover
    const onSelection = () => {
      if (!keyboardOpen.current && readCellSelection(window.getSelection())) hide(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    const onDown = () => hide(false);
    const onScroll = () => hide();

    /** Where the focus goes back to (kept when the popover itself has it: a second lookup from it). */
    const remember = () => {
      const active = document.activeElement;
      if (popRef.current?.contains(active)) return;
      returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    };
    /** Keyboard lookup: the editor's caret or selection, a selection in a Chinese cell, or the selected segment's first Han word. */
    const lookup = (text: string, start: number, end: number, place: { x: number; y: number }, cell: HTMLElement | null, segmentId: number | null) => {
      if (timer) clearTimeout(timer);
      remember();
      const my = ++seq.current;
      const selected = text.slice(start, end).trim();
      const show = (r: { word: string; entries: GlossEntry[]; start: number; end: number }) => {
        if (my !== seq.current) return;
        target.current = segmentId !== null ? { segmentId, column: 'text', start: r.start, end: r.end } : null;
        highlight(cell?.isConnected && r.word.trim() ? rangeInCell(cell, r.start, r.end) : null);
        setShown({ word: r.word, entries: r.entries, x: place.x, y: place.y, keyboard: true });
      };
      const fail = (err: unknown) => {
        if (my === seq.current) setShown({ word: selected || text.slice(start, start + 1), entries: [], x: place.x, y: place.y, error: describe(err), keyboard: true });
      };
      if (selected && selected.length <= 12) {
        client.lookupGloss({ word: selected, documentId: live.current.documentId }).then((r) => show({ ...r, start, end }), fail);
      } else {
        // the character after the caret, or the one before it when that is the Chinese one
        const at = !HAN.test(text[start] ?? '') && start > 0 && HAN.test(text[start - 1]) ? start - 1 : start;
        client.glossAt({ text, offset: at, documentId: live.current.documentId }).then(show, fail);
      }
    };
    const fromKeyboard: GlossLookup = (selectedSegmentId) => {
      const active = document.activeElement;
      if (active instanceof HTMLTextAreaElement && active.dataset.testid === 'edit-textarea') {
        const r = active.getBoundingClientRect();
        lookup(active.value, active.selectionStart, active.selectionEnd, { x: r.left, y: r.bottom }, null, null);
        return;
      }
      const sel = readCellSelection(window.getSelection());
      if (sel && sel.column === 'text') {
        const text = segmentText(sel.segmentId, 'text');
        const cell = document.querySelector<HTMLElement>(`[data-testid="grid-body"] [role="row"][data-segment-id="${sel.segmentId}"] .cell-hant`);
        if (text !== null) return lookup(text, sel.start, sel.end, { x: sel.rect.left, y: sel.rect.bottom }, cell, sel.segmentId);
      }
      const seg = live.current.segments.find((x) => x.id === selectedSegmentId);
      if (!seg) return;
      const cell = document.querySelector<HTMLElement>(`[data-testid="grid-body"] [role="row"][data-segment-id="${seg.id}"] .cell-hant`);
      const r = (cell ?? document.querySelector('[data-testid="grid-body"]'))?.getBoundingClientRect();
      const place = r ? { x: r.left, y: r.bottom - Math.min(r.height, 24) } : { x: 16, y: 120 };
      const first = seg.text.search(HAN);
      if (first < 0) {
        remember();
        seq.current++;
        highlight(null);
        setShown({ word: '', entries: [], x: place.x, y: place.y, keyboard: true, noWord: true });
        return;
      }
      lookup(seg.text, first, first, place, cell, seg.id);
    };
    document.addEventListener('mousemove', onMove);
    document.addEventListener('selectionchange', onSelection);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    document.addEventListener('scroll', onScroll, true);
    // The pointer may already rest on a word: moved there before this listener was attached (this
    // code arrives as a chunk after the grid shows, lazy.tsx) and still since. That is a hover too.
    const resting = lastPointer();
    if (resting) hoverAt(resting.x, resting.y, resting.buttons, document.elementFromPoint(resting.x, resting.y));
    // likewise Alt+D pressed before this code arrived: it runs now (state/deferred-call.ts)
    if (keyboardLookup) attachDeferred(keyboardLookup, fromKeyboard);
    return () => {
      if (timer) clearTimeout(timer);
      if (keyboardLookup) detachDeferred(keyboardLookup, fromKeyboard);
      highlight(null);
      document.removeEventListener('mousemove', onMove);
      document.removeEventListener('selectionchange', onSelection);
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [client, keyboardLookup]);

  // a keyboard lookup takes the focus (without scrolling: a scroll closes the popover)
  useLayoutEffect(() => {
    if (shown?.keyboard && visible) popRef.current?.focus({ preventScroll: true });
  }, [shown, visible]);

  if (!shown || !visible) return null;
  const left = Math.max(8, Math.min(shown.x + 12, window.innerWidth - 420));
  const below = shown.y + 20;
  const style = below + 200 > window.innerHeight ? { left, bottom: Math.max(8, window.innerHeight - shown.y + 12) } : { left, top: below };
  return (
    <div
      ref={popRef}
      className={shown.keyboard ? 'gloss-popover gloss-popover-keyboard' : 'gloss-popover'}
      role={shown.keyboard ? 'dialog' : 'tooltip'}
      aria-label={shown.keyboard ? mt('gloss.dialog', { word: shown.word }) : undefined}
      tabIndex={shown.keyboard ? -1 : undefined}
      data-testid="gloss-popover"
      data-keyboard={shown.keyboard ? 'true' : undefined}
      style={style}
      lang="zh-Hant"
      onKeyDown={
        shown.keyboard
          ? (e) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              e.stopPropagation();
              const back = returnTo.current;
              returnTo.current = null;
              seq.current++;
              target.current = null;
              highlight(null);
              setShown(null);
              if (back?.isConnected) back.focus({ preventScroll: true });
            }
          : undefined
      }
      onBlur={
        shown.keyboard
          ? (e) => {
              if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
              returnTo.current = null;
              seq.current++;
              highlight(null);
              setShown(null);
            }
          : undefined
      }
    >
      <div className="gloss-word" data-testid="gloss-word">
        {shown.word}
      </div>
      {shown.error ? (
        <div className="gloss-note gloss-error" role="alert" lang={locale}>
          {mt('gloss.error', { error: shown.error })}
        </div>
      ) : shown.noWord ? (
        <div className="gloss-note" lang={locale}>
          {mt('gloss.noWord')}
        </div>
      ) : (
        shown.entries.length === 0 && (
          <div className="gloss-note" lang={locale}>
            {mt('gloss.none', { word: shown.word })}
          </div>
        )
      )}
      {shown.entries.slice(0, 6).map((e, i) => (
        <div key={i} className="gloss-entry" data-testid="gloss-entry" data-source={e.source}>
          <div className="gloss-head">
            <span className="gloss-forms">{e.traditional === e.simplified ? e.traditional : `${e.traditional} · ${e.simplified}`}</span>
            {e.pinyinMarked && <span className="gloss-pinyin" lang="zh-Latn-pinyin">{e.pinyinMarked}</span>}
            <span className={`gloss-source gloss-source-${e.source}`} lang={locale}>
              {e.source === 'glossary' ? mt('gloss.glossary') : mt('gloss.cedict')}
            </span>
          </div>
          {e.english.length > 0 && (
            <ul className="gloss-senses" lang="en">
              {e.english.slice(0, 5).map((s, k) => (
                <li key={k}>{s}</li>
              ))}
            </ul>
          )}
          {e.note && <div className="gloss-note">{e.note}</div>}
        </div>
      ))}
      {shown.keyboard && (
        <div className="gloss-hint" lang={locale}>
          {mt('gloss.escHint')}
        </div>
      )}
    </div>
  );
}
