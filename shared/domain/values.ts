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

/**
 * The projects Jiaodui names itself (core/features/library.ts): where an import goes without a
 * project, and the first start's samples. The stored name stays as it is (the CLI's `--project
 * Inbox` and every lookup by name find it); the UI shows it in its language while the project
 * keeps that name. A renamed project is shown as named.
 */
export const DEFAULT_PROJECTS = { inbox: 'Inbox', samples: 'Samples' } as const;
export type DefaultProject = keyof typeof DEFAULT_PROJECTS;

/** Which project of Jiaodui's own a stored name is, else null. */
export function defaultProjectOf(name: string): DefaultProject | null {
  return name === DEFAULT_PROJECTS.inbox ? 'inbox' : name === DEFAULT_PROJECTS.samples ? 'samples' : null;
}
