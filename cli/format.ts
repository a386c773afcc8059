/** Plain-text tables for the terminal; CJK characters count as two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
function clip(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}
export function formatTable(header: string[], rows: (string | number)[][], maxCol = 48): string {
  const cells = [header, ...rows.map((r) => r.map((c) => clip(String(c).replace(/\s+/g, ' '), maxCol)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ')).join('\n') + '\n';
}
