/**
 * Value lists the renderer shows, without zod (shared/domain/schemas.ts builds its enums from
 * them; the renderer's bundle holds no zod, see renderer/bundle.test.ts).
 */
/** The text encodings an import can be told to use. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/**
 * A project's house style for the standard forms writers write both ways (佔/占, 拼/拚 in Taiwan;
 * 公佈/公布, 宣佈/宣布 in Hong Kong; shared/checks/house-style.ts): `ministry` the standard forms
 * (Taiwan's Ministry of Education, Hong Kong's government), `press` either form, `unset` not said.
 */
export const STANDARD_FORMS = ['unset', 'ministry', 'press'] as const;
export type StandardForms = (typeof STANDARD_FORMS)[number];
