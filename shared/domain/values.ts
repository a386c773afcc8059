/**
 * Value lists the renderer shows, without zod (shared/domain/schemas.ts builds its enums from
 * them; the renderer's bundle holds no zod, see renderer/bundle.test.ts).
 */
/** The text encodings an import can be told to use. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
