/**
 * Tests only: open a DOCX (a zip) with fflate — the zip library `docx` itself depends on,
 * so no extra package and no `unzip` binary — and read its WordprocessingML.
 */
import { strFromU8, unzipSync } from 'fflate';

/** Every part of the package, as text, by path (word/document.xml, word/footnotes.xml…). */
export function docxParts(base64: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name],
  );
}

/** The body paragraphs' (`w:p`, outside tables) texts as Word shows them with every change accepted (or rejected). */
export function paragraphTexts(documentXml: string, view: 'accepted' | 'rejected' = 'accepted'): string[] {
  const body = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paras = body.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paras.map((p) => {
    const kept = view === 'accepted' ? p.replace(/<w:del [\s\S]*?<\/w:del>/g, '') : p.replace(/<w:ins [\s\S]*?<\/w:ins>/g, '');
    const texts = kept.match(/<w:(t|delText)(?: [^>]*)?>[\s\S]*?<\/w:\1>/g) ?? [];
    return texts.map((t) => unescapeXml(t.replace(/^<[^>]*>|<\/[^>]*>$/g, ''))).join('');
  });
}

/** The text of each `w:ins` / `w:del`, in document order. */
export function trackedChanges(documentXml: string): { kind: 'ins' | 'del'; text: string; author: string; id: string }[] {
  const out: { kind: 'ins' | 'del'; text: string; author: string; id: string }[] = [];
  for (const m of documentXml.matchAll(/<w:(ins|del) ([^>]*)>([\s\S]*?)<\/w:\1>/g)) {
    const attrs = m[2];
    const texts = m[3].match(/<w:(t|delText)(?: [^>]*)?>[\s\S]*?<\/w:\1>/g) ?? [];
    out.push({
      kind: m[1] as 'ins' | 'del',
      text: texts.map((t) => unescapeXml(t.replace(/^<[^>]*>|<\/[^>]*>$/g, ''))).join(''),
      author: unescapeXml(/w:author="([^"]*)"/.exec(attrs)?.[1] ?? ''),
      id: /w:id="([^"]*)"/.exec(attrs)?.[1] ?? '',
    });
  }
  return out;
}

/** The rows of every table: each row's cells' texts (paragraphs joined with \n). */
export function tableRows(documentXml: string): string[][] {
  const rows = documentXml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
  return rows.map((r) =>
    (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) =>
      (c.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [])
        .map((p) => (p.match(/<w:t(?: [^>]*)?>[\s\S]*?<\/w:t>/g) ?? []).map((t) => unescapeXml(t.replace(/^<[^>]*>|<\/[^>]*>$/g, ''))).join(''))
        .join('\n'),
    ),
  );
}
