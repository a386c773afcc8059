/** Plain-text tables for the terminal; CJK characters count as two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
export function clip(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}
/**
 * How wide a table may be: a number (the terminal's columns: wide columns are cut, with an
 * ellipsis, until every line fits) or 'full' (piped or --wide: nothing is cut).
 */
export type Fit = number | 'full';

/** The terminal width to fit `check` and `show` to, or 'full' when piped or with --wide. */
export function fitFor(stdoutIsTTY: boolean, columns: number | undefined, wide: boolean): Fit {
  return stdoutIsTTY && !wide ? Math.max(40, columns || 80) : 'full';
}

/**
 * Column widths for a total line width: the widest columns are cut to one common cap (never
 * below `min`, nor below their own natural width if that is smaller) so that the columns and
 * their two-space gaps fit `total`.
 */
export function fitColumns(natural: number[], total: number, min = 6): number[] {
  const gaps = 2 * (natural.length - 1);
  const sum = (cap: number) => natural.reduce((a, w) => a + Math.min(w, cap), 0) + gaps;
  if (sum(Infinity) <= total) return natural;
  let cap = Math.max(...natural);
  while (cap > min && sum(cap) > total) cap--;
  return natural.map((w) => Math.min(w, cap));
}

/** A table; with `fit`, cut to a terminal's width or whole (fitTable), else each cell cut at maxCol. */
export function formatTable(header: string[], rows: (string | number)[][], maxCol = 48, fit?: Fit): string {
  if (fit !== undefined) return fitTable(header, rows, fit);
  const cells = [header, ...rows.map((r) => r.map((c) => clip(String(c).replace(/\s+/g, ' '), maxCol)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ')).join('\n') + '\n';
}

/** A table cut to the terminal's width (fitColumns), or whole ('full'). */
function fitTable(header: string[], rows: (string | number)[][], fit: Fit): string {
  const cells = [header, ...rows.map((r) => r.map((c) => String(c).replace(/\s+/g, ' ')))];
  const natural = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const widths = fit === 'full' ? natural : fitColumns(natural, fit);
  const cut = cells.map((r) => r.map((c, i) => clip(c, widths[i])));
  return cut.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ')).join('\n') + '\n';
}
