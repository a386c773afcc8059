/**
 * A text selection inside one grid cell, as offsets into the segment's text (Traditional
 * column) or its rendering (Simplified column). Deleted characters of the diff and the
 * furniture tag are not part of the text and are skipped.
 */
export interface CellSelection {
  segmentId: number;
  column: 'text' | 'rendering';
  start: number;
  end: number;
  rect: { top: number; left: number; bottom: number; right: number };
}

function cellOf(node: Node): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return el?.closest<HTMLElement>('.cell-hant, .cell-hans') ?? null;
}

function skipped(node: Node, cell: HTMLElement): boolean {
  const el = node.parentElement?.closest('[data-skip], .furniture-tag');
  return !!el && cell.contains(el);
}

/** The text offset of a DOM point (container, offset) inside a cell. */
export function offsetInCell(cell: HTMLElement, container: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(cell, 0);
  range.setEnd(container, offset);
  let n = 0;
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === container) {
      if (!skipped(node, cell)) n += offset;
      break;
    }
    if (!range.intersectsNode(node)) break;
    if (!skipped(node, cell)) n += (node as Text).length;
  }
  return n;
}

export function readCellSelection(sel: Selection | null): CellSelection | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const cell = cellOf(range.startContainer);
  if (!cell || cell !== cellOf(range.endContainer) || cell.querySelector('textarea')) return null;
  const row = cell.closest<HTMLElement>('[role="row"][data-segment-id]');
  if (!row) return null;
  const start = offsetInCell(cell, range.startContainer, range.startOffset);
  const end = offsetInCell(cell, range.endContainer, range.endOffset);
  if (end <= start) return null;
  const r = range.getBoundingClientRect();
  return {
    segmentId: Number(row.dataset.segmentId),
    column: cell.classList.contains('cell-hans') ? 'rendering' : 'text',
    start,
    end,
    rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
  };
}
