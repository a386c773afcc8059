/**
 * The export formats and which options each uses — zod-free, so the renderer's export dialog
 * reads the list from here (the contract's ExportFormat schema is built from the same list).
 * txt/md/html/docx: the transcript; csv/docx-bilingual: the bilingual table; report-*: the
 * change report; xliff/xliff12: XLIFF 2.0 / 1.2 exchange; annotations: W3C Web Annotation JSON-LD.
 */
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'csv', 'docx-bilingual', 'report-html', 'report-json', 'xliff', 'xliff12', 'annotations'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

const TRANSCRIPT = new Set<ExportFormatName>(['txt', 'md', 'html', 'docx']);

/** Which of exportDocument's options a format reads (the others are ignored for it). */
export interface ExportFormatOptions {
  script: boolean;
  marked: boolean;
  furniture: boolean;
  claims: boolean;
}

export function exportFormatOptions(format: ExportFormatName): ExportFormatOptions {
  const transcript = TRANSCRIPT.has(format);
  return { script: transcript, marked: transcript, furniture: transcript || format === 'csv' || format === 'docx-bilingual', claims: transcript };
}

/**
 * Whether a format keeps page furniture (share buttons, bylines, duplicated headlines,
 * disclaimers) when the caller does not say: reading copies (md, html, docx) leave it out;
 * plain text keeps it for its lossless round trip, tables list it in their own column.
 */
export function furnitureByDefault(format: ExportFormatName): boolean {
  return !READING_COPIES.has(format);
}
const READING_COPIES = new Set<ExportFormatName>(['md', 'html', 'docx']);

export function isExportFormat(name: string): name is ExportFormatName {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
