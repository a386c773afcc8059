/**
 * Error messages as data, as finding messages are (shared/finding-messages.ts): a throw site a
 * reviewer can meet in the app builds its message from a key and its parameters with `em()`;
 * `JiaoduiError.message` stays the English text (the CLI prints it, logs and older clients read
 * it) and `JiaoduiError.messageData` is `{ key, params }`, which every transport carries beside it
 * (shared/contract/dispatch.ts `toErrorPayload`, the clients' `unwrap`) so the renderer can word
 * the error in the UI language (renderer/src/i18n-errors.ts: a Traditional Chinese template per
 * key; English shows `message` itself). A parameter is a string, a number, or a list of nested
 * messages (a field's name, a hint), worded each in the same language and joined.
 * Pure and zod-free: runs in Node and the browser.
 */

export interface ErrorMessageRef {
  key: ErrorMessageKey;
  params: ErrorMessageParams;
}
export type ErrorMessageParam = string | number | ErrorMessageRef[];
export type ErrorMessageParams = Record<string, ErrorMessageParam>;

/** The English template of every key; {name} is a parameter. Where `em()` is given the English text itself, the template says the same in fewer words. */
export const ERROR_MESSAGES_EN = {
  // ---- arguments (shared/contract/dispatch.ts): zod's issue text stays in the English message
  'args.invalid': 'Invalid arguments for {method}: {field}.',
  'args.unknown-method': 'Unknown method: {method}',
  // ---- import refusals (shared/text/encoding.ts, shared/import/prepare.ts, core/files.ts, core/parallel.ts)
  'import.empty': 'The file is empty (0 bytes). Choose a file that contains the text to review.',
  'import.blank': 'The file is empty: it contains only whitespace. Choose a file that contains the text to review.',
  'import.blank.bom': 'The file is empty: it contains only a byte-order mark and whitespace. Choose a file that contains the text to review.',
  'import.blank.invisible': 'The file is empty: it contains only whitespace and invisible characters (such as zero-width spaces). Choose a file that contains the text to review.',
  'import.blank.bom.invisible':
    'The file is empty: it contains only a byte-order mark and whitespace and invisible characters (such as zero-width spaces). Choose a file that contains the text to review.',
  'import.no-text': 'The file contains no text to review (only whitespace).',
  'import.no-text.attach': 'The file contains no text (only whitespace).',
  'import.too-large': 'The file is {size} MB, larger than the {limit} MB import limit. Split it into smaller files and import them one at a time.',
  'import.too-large.named': '{file} is {size} MB; the import limit is {limit} MB.',
  'import.too-large.attach': 'The file is {size} MB; the limit is {limit} MB.',
  'import.binary.magic': 'This looks like {kind}, not plain text. Save or export the text as a plain-text file (.txt, preferably UTF-8) and import that instead.',
  'import.binary.nul': 'This looks like a binary file, not plain text: it contains NUL bytes (the first at byte offset {offset}) that do not follow the pattern of UTF-16 text. Import a plain-text file (.txt) instead.',
  'import.binary.nul-decoded':
    'This looks like a binary file, not plain text: read as {encoding} it contains NUL characters. If it is UTF-16 text, choose UTF-16LE or UTF-16BE as the encoding; otherwise import a plain-text file (.txt) instead.',
  'import.binary.controls': 'This looks like a binary file, not plain text: {percent}% of its characters are control characters. Import a plain-text file (.txt) instead.',
  'import.bad-encoding':
    'The file is not valid {encoding} text: the first invalid byte sequence is at byte offset {offset} ({hex}). Choose another encoding, or leave the encoding unset to detect it automatically.',
  'import.bom-invalid': 'The file starts with a {encoding} byte-order mark but is not valid {encoding}: the first invalid byte sequence is at byte offset {offset}. {hint}',
  'import.utf16-invalid': 'The file looks like {encoding} text without a byte-order mark, but it is not valid {encoding}: the first invalid byte sequence is at byte offset {offset}. Re-save it as UTF-8 and import it again.',
  'import.utf16-invalid.odd':
    'The file looks like {encoding} text without a byte-order mark, but it is not valid {encoding}: the first invalid byte sequence is at byte offset {offset} (the file has an odd number of bytes, so it may be cut short). Re-save it as UTF-8 and import it again.',
  'import.utf32': 'The file starts with a {encoding} byte-order mark ({bytes}): UTF-32 text cannot be imported. Re-save it as UTF-8 (or UTF-16) and import it again.',
  'import.undecodable': 'The file is not valid text in any supported encoding. Tried {tried}. It may be in another encoding (such as Latin-1 or Shift-JIS) or damaged: re-save it as UTF-8 and import it again.',
  'import.not-chinese': 'The file does not look like Chinese text in a supported encoding: read as {encoding}, {percent}% of its characters are private-use, unassigned or very rare. {hint}',
  'import.implausible.bom': 'The file starts with a {encoding} byte-order mark, but read as {encoding} it is not text. {hint}',
  'import.implausible.bom.no-letters': 'The file starts with a {encoding} byte-order mark, but read as {encoding} it is no text to review. {hint}',
  'import.implausible.nul-pattern': 'The file looks like {encoding} without a byte-order mark (from its NUL bytes), but read as {encoding} it is not text. {hint}',
  'import.implausible.nul-pattern.no-letters': 'The file looks like {encoding} without a byte-order mark (from its NUL bytes), but read as {encoding} it is no text to review. {hint}',
  'import.implausible.detected': 'Read as {encoding} (detected), the file is not text. {hint}',
  'import.implausible.detected.no-letters': 'Read as {encoding} (detected), the file is no text to review. {hint}',
  // hints inside the messages above
  'import.hint.choose': 'It reads as {encoding} text instead: choose {encoding} as the encoding, or re-save the file as UTF-8.',
  'import.hint.choose.bom': 'It reads as {encoding} text instead (the byte-order mark is wrong): choose {encoding} as the encoding, or re-save the file as UTF-8.',
  'import.hint.damaged': 'The file may be damaged; re-save it as UTF-8 and import it again.',
  'import.hint.binary': 'No supported encoding reads it as text: it is probably a binary file, or damaged. Import a plain-text file (.txt, preferably UTF-8) instead.',
  'import.hint.no-chinese': 'Jiaodui reviews Chinese text: import a file that contains it.',
  'import.hint.unsupported': 'It may be in an encoding that cannot be imported (such as Shift-JIS, EUC-JP or Latin-1). Re-save it as UTF-8 and import it again, or choose the encoding explicitly if you are sure.',
  'import.hint.unsupported.named': 'It looks like {kind}, which cannot be imported. Re-save it as UTF-8 and import it again, or choose the encoding explicitly if you are sure.',
  // what a refused file looks like (inside the messages above)
  'file-kind.png': 'a PNG image',
  'file-kind.pdf': 'a PDF file',
  'file-kind.office-zip': 'a ZIP archive (or a .docx/.xlsx/.pptx Office document)',
  'file-kind.zip': 'a ZIP archive',
  'file-kind.gif': 'a GIF image',
  'file-kind.jpeg': 'a JPEG image',
  'file-kind.ole': 'an old-style Office document (.doc/.xls/.ppt)',
  'file-kind.gzip': 'a gzip archive',
  'file-kind.cesu-8': 'UTF-8 with separately encoded surrogate halves (CESU-8 / WTF-8, as Java or some databases write it)',
  'file-kind.shift_jis': 'Shift-JIS (Japanese)',
  'file-kind.euc-jp': 'EUC-JP (Japanese)',
  'import.unknown-encoding': 'Unknown text encoding "{name}". Accepted names: utf-8, utf-16le, utf-16be, big5, gb18030.',
  // ---- conflicts: stale writes (shared/contract/conflict.ts, core/versions.ts, core/operations/replay-check.ts, core/project-settings.ts, core/claims.ts)
  'edit-conflict.segment': 'The {place} was changed since you read it{more}; nothing was saved. Reload it, or choose which version to keep.',
  'edit-conflict.segment.by': 'The {place} was changed by {author} since you read it{more}; nothing was saved. Reload it, or choose which version to keep.',
  'edit-conflict.value': 'The {place} is not {expected} (it is {actual}){more}; nothing was saved.',
  'edit-conflict.value.by': 'The {place} is not {expected} (it is {actual}, changed by {author}){more}; nothing was saved.',
  'edit-conflict.record': 'The {record}{where} was changed since you read it ({fields}); nothing was saved. Reload it, or choose which version to keep.',
  'edit-conflict.record.by': 'The {record}{where} was changed by {author} since you read it ({fields}); nothing was saved. Reload it, or choose which version to keep.',
  'edit-conflict.record.delete': 'The {record}{where} was changed since you read it ({fields}); nothing was deleted. Reload it, or choose which version to keep.',
  'edit-conflict.record.delete.by': 'The {record}{where} was changed by {author} since you read it ({fields}); nothing was deleted. Reload it, or choose which version to keep.',
  'edit-conflict.claim-span': 'Segment {row} was changed since you read it; nothing was saved. Select the span again.',
  'edit-conflict.claim-span-moved': 'Row {row} was changed since you read it: the span read "{quote}" and now reads "{there}"; nothing was changed. Select the span again.',
  'edit-conflict.project-settings':
    'The project\'s standard forms were changed to "{theirs}" since you read them (you read version {base}, it is now {version}); nothing was saved. Reload them, or set them again.',
  'edit-conflict.project-settings.by':
    'The project\'s standard forms were changed by {author} to "{theirs}" since you read them (you read version {base}, it is now {version}); nothing was saved. Reload them, or set them again.',
  'undo.stale': 'Cannot undo "{label}": the {place} was changed since; nothing was undone.',
  'undo.stale.by': 'Cannot undo "{label}": the {place} was changed since by {author}; nothing was undone.',
  'redo.stale': 'Cannot redo "{label}": the {place} was changed since; nothing was redone.',
  'redo.stale.by': 'Cannot redo "{label}": the {place} was changed since by {author}; nothing was redone.',
  // parts of the messages above
  'conflict.more': ' (and {count} more)',
  'conflict.empty': 'empty',
  'field.text': 'text',
  'field.status': 'status',
  'field.furniture': 'furniture mark',
  'field.en': 'English',
  'field.enStatus': 'English status',
  'field.structure': 'split or merge',
  'field.other': '{name}',
  'place.row': '{field} of row {row}',
  'place.segment': '{field} of segment {id}',
  'record.annotation': 'annotation',
  'record.claim': 'claim',
  'record.glossary': 'glossary entry',
  'record.on-row': ' on row {row}',
  // ---- conflicts: names taken, nothing to do, state moved on
  'conflict.nothing-to-undo': 'Nothing to undo.',
  'conflict.nothing-to-redo': 'Nothing to redo.',
  'conflict.project-name-taken': 'A project named "{name}" already exists.',
  'conflict.label-name-taken': 'A label named "{name}" already exists.',
  'conflict.label-shortcut-taken': 'The shortcut {shortcut} is already used by the label "{label}".',
  'conflict.label-in-use': '{count} annotations use the label "{label}"; it cannot be deleted (rename it instead).',
  'conflict.label-in-use.one': '1 annotation uses the label "{label}"; it cannot be deleted (rename it instead).',
  'conflict.annotation-deleted': 'This annotation was deleted; restore it to reply.',
  'conflict.segment-retired': 'Segment {id} was split or merged; reload the document.',
  'conflict.segment-moved': 'Segment {id} moved to another project while this change was being saved; nothing was changed.',
  'conflict.merge-next-changed': 'The segment after row {row} was split or merged since you read it; nothing was merged. Reload the document.',
  'conflict.no-segments': 'The document has no segments to align to.',
  'conflict.replace-stale': 'The text changed since the preview ({gone} of {count} matches are gone). Nothing was replaced; preview again.',
  'conflict.finding-moved': 'Part of this card (finding {id}) is no longer at its place: the checks ran again since it was listed. Nothing was fixed; look at the card again.',
  'conflict.finding-text-moved': '{where} no longer reads {text} where the checks found it: nothing was fixed. Run the checks again (the project check, for another document\'s place).',
  'conflict.claim-deleted': 'Claim {id} was deleted; undo the deletion to change it.',
  'conflict.glossary-save': 'Cannot save "{term}": {reason}.',
  'conflict.glossary-import': '{where}: {reason}. Nothing was imported.',
  'conflict.recovery-running': 'A recovery is already under way.',
  'conflict.nothing-to-recover': 'The database is fine; there is nothing to recover.',
  'conflict.backup-exists': '{file} already exists; choose a new file name (a backup never overwrites).',
  'conflict.mt-no-english': 'This version cannot store English yet, so nothing can be translated.',
  'conflict.mt-running': 'A translation of this document is already running; wait for it or cancel it first.',
  'conflict.bundle-name-taken': 'A project named "{name}" already exists here. Nothing was imported; choose another name (--as NEW_NAME).',
  'conflict.reviewer-exists': 'There is already a reviewer named {name} ({role}). Revoke them first (jiaodui users revoke {name}) to issue a new sign-in address.',
  // ---- claims workflow (core/claims.ts)
  'claim.empty-segment': 'The segment is empty: there is nothing to claim.',
  'claim.bad-span': 'The span {start}–{end} is not a non-empty span of the segment text.',
  'claim.bad-span.rendering': "The span {start}–{end} is not a non-empty span of the segment's rendering.",
  'claim.evidence.no-segment': 'Evidence: there is no live segment {id}.',
  'claim.evidence.other-project': 'Evidence: segment {id} belongs to another project.',
  'claim.evidence.bad-span': 'Evidence: {start}–{end} is not a span of segment {id}.',
  'claim.evidence.too-many': 'A claim holds at most {max} evidence items.',
  'claim.publish-unverified': 'Claim {id} has no verdict yet: give it one before publishing.',
  // ---- find and replace (shared/text/find.ts, core/replace.ts)
  'find.empty': 'Type something to find.',
  'find.too-long': 'The search is too long ({length} characters; at most {max}).',
  'find.bad-regex': 'The regular expression is not valid: {detail}',
  'replace.several-projects': 'The selected segments belong to several projects; replace in one project at a time.',
  'replace.too-long': 'Segment {row} would be longer than {max} characters; nothing was replaced.',
  'replace.too-many': 'More than {max} matches: narrow the search or the scope. Nothing was replaced.',
  'replace.bad-hit': '"{id}" is not a hit id from previewReplace.',
  'replace.outside-scope': 'Segment {id} is outside the scope of this replacement.',
  'replace.no-targets': 'Choose at least one other segment to apply the correction to.',
  'replace.not-repetition': 'Segment {id} is not a repetition of segment {source} (its machine text differs). Nothing was changed.',
  // ---- glossary (core/glossary.ts)
  'glossary.scope-both': 'Give either a document or a project as the glossary scope, not both.',
  'glossary.scope-none': 'Give a document or a project as the glossary scope.',
  'glossary.document-not-in-project': 'Document {id} is not in project {project}.',
  'glossary.file.format': 'Cannot tell the glossary format of "{file}": use a .csv or .tbx file.',
  'glossary.file.too-large': '{file} is larger than {limit} MB.',
  'glossary.file.not-utf8': '{file} is not UTF-8 text; save the glossary as UTF-8.',
  'glossary.file.duplicate': '{where}: "{term}" is already defined ({prev}).',
  // ---- segments and annotations (core/features/segments.ts, core/annotations.ts)
  'segment.status-several-projects': 'Segments from several projects cannot change status in one step.',
  'segment.split-at-edge': 'Split inside the text, not at its start or end.',
  'segment.split-in-character': 'Position {at} is inside a character (a surrogate pair); split before or after it.',
  'segment.split-empty-part': 'Both parts of a split need some text.',
  'segment.merge-last': 'The last segment has nothing after it to merge with.',
  'segment.merge-too-long': 'Merged, these segments would hold {length} characters, more than a segment may ({max}); they were left as they are.',
  'annotation.span-outside': 'The span {start}–{end} is outside the segment text.',
  'annotation.span-outside.rendering': "The span {start}–{end} is outside the segment's rendering.",
  'annotation.tag-needs-label': 'A tag needs a label.',
  'annotation.tag-keeps-label': 'A tag needs a label; delete the tag instead.',
  'annotation.claim-label': '“{label}” is a claim label: make a claim of the span instead (addClaim).',
  // ---- not found
  'not-found.project': 'There is no project {id}.',
  'not-found.document': 'There is no document {id}.',
  'not-found.segment': 'There is no segment {id}.',
  'not-found.segment-gone': 'Segment {id} no longer exists.',
  'not-found.revision': 'Segment {id} has no revision {revision}.',
  'not-found.finding': 'There is no finding {id} (the checks may have run again since).',
  'not-found.annotation': 'There is no annotation {id}.',
  'not-found.label': 'There is no label {id}.',
  'not-found.claim': 'There is no claim {id}.',
  'not-found.evidence': 'Claim {id} has no evidence item {evidence}.',
  'not-found.glossary-entry': 'There is no glossary entry {id}.',
  'not-found.parallel.english': 'Document {id} has no English rendering attached.',
  'not-found.parallel.source': 'Document {id} has no original source attached.',
  'not-found.reviewer': 'There is no reviewer named {name}.',
  'not-found.connection': 'No team server connection {id} (disconnected?).',
  'not-found.mt-segment': 'Segment {id} is not a live segment of document {document}; reload the document.',
  'not-found.mt-job': 'There is no translation job {id} (jobs are kept while the app runs).',
  'not-found.file': '{path} is not a file.',
  // ---- roles (shared/contract/roles.ts)
  'forbidden.role': '{name} is a {role}; {action} needs the {needed} role. Ask a team admin.',
  'forbidden.page': 'This page may not call Jiaodui.',
  'role.reviewer': 'reviewer',
  'role.lead': 'lead',
  'role.admin': 'admin',
  // ---- the database (db/, core/operations/engine.ts, core/db-users-registry.ts, shared/contract/dispatch.ts)
  'db.busy': 'The database is busy: another Jiaodui window or command is writing to it. Nothing was changed; try again in a moment.',
  'db.busy.sqlite': 'The database is busy (another Jiaodui window or command is writing). Try again in a moment.',
  'db.in-use': '{user} has this database open; close it first. Nothing was changed.',
  'db.in-use.more': '{user} (and {others} other processes) has this database open; close them first. Nothing was changed.',
  'db.restoring': '{user} is replacing this database with a backup; try again when it has finished.',
  'db.future': '{file} comes from a newer Jiaodui (schema {version}; this version knows up to {known}). Nothing was restored.',
  'db.future.open': 'The database {file} was written by a newer version of Jiaodui (schema {version}; this version knows up to {known}). It was not changed. Update Jiaodui to open it.',
  'db.corrupt': 'The database is damaged ({problem}). Restart Jiaodui to choose a backup or a new database (`jiaodui recover` from the command line).',
  'db.corrupt.open': '{file} is damaged or not a database ({problem}); it was not changed. Run `jiaodui recover` to see the backups that could replace it.',
  'db.corrupt.recovery': 'The database {file} is damaged: {problem} Open a backup or start with a new database first.',
  // ---- team servers (core/remote/)
  'team.unreachable': 'The team server {origin} cannot be reached ({reason}). Your unsaved edit stays in the editor; Jiaodui keeps trying.',
  'team.unreachable.connect': 'The team server {origin} cannot be reached ({reason}). Check the address.',
  'team.signed-out': 'Signed out of the team server {origin}. Connect to it again with a new sign-in address from a team admin.',
  'team.signed-out.why': 'Signed out of the team server {origin} ({reason}). Connect to it again with a new sign-in address from a team admin.',
  // ---- project bundles (core/bundle.ts)
  'bundle.future': 'This project bundle is format version {version}; this Jiaodui reads up to version {known}. Update Jiaodui here first.',
  'bundle.digest': "The project bundle's content does not match its digest ({stated}… stated, {found}… found): it was changed or damaged on the way. Nothing was imported.",
  // ---- anything else
  internal: 'Internal error: {message}',
} as const;

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES_EN;

/** The English message and its data, as `JiaoduiError`'s constructor takes them. */
export interface KeyedMessage {
  message: string;
  messageData: ErrorMessageRef;
}

const pieceCache = new Map<string, string[]>();
function pieces(template: string): string[] {
  let p = pieceCache.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    pieceCache.set(template, p);
  }
  return p;
}

/**
 * Word a message with a language's templates, nested lists joined by `join`; a key the templates
 * lack stays as written. Takes the templates as an argument (no catalog of its own), so the
 * renderer's bundle holds only the Chinese ones.
 */
export function wordErrorMessage(ref: ErrorMessageRef, templates: Readonly<Record<string, string>>, join: string): string {
  const template = templates[ref.key] ?? ref.key;
  const p = pieces(template);
  let out = p[0];
  for (let i = 1; i < p.length; i += 2) {
    const v = ref.params[p[i]];
    out += (v === undefined ? `{${p[i]}}` : Array.isArray(v) ? v.map((r) => wordErrorMessage(r, templates, join)).join(join) : String(v)) + p[i + 1];
  }
  return out;
}

/** The English text of a message. */
export function formatErrorMessage(ref: ErrorMessageRef): string {
  return wordErrorMessage(ref, ERROR_MESSAGES_EN, ' ');
}

/**
 * The message of a keyed error: `new JiaoduiError(code, em(key, params), details)`. The English
 * text is the key's template, unless `english` is given (a message whose English says more than
 * a template can — zod's issue text, SQLite's words — or is built in several places).
 */
export function em(key: ErrorMessageKey, params: ErrorMessageParams = {}, english?: string): KeyedMessage {
  const messageData = { key, params };
  return { message: english ?? formatErrorMessage(messageData), messageData };
}

/** A nested message (a field's name, a hint) for a list parameter. */
export const errPart = (key: ErrorMessageKey, params: ErrorMessageParams = {}): ErrorMessageRef => ({ key, params });

/**
 * Whether a value has the shape of message data (a key, parameters of the known kinds): what a
 * client accepts off the wire. Whether the key is known is the wording side's question (a newer
 * server's key: the English message is shown).
 */
export function isErrorMessageRef(v: unknown): v is ErrorMessageRef {
  if (!v || typeof v !== 'object') return false;
  const { key, params } = v as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !params || typeof params !== 'object' || Array.isArray(params)) return false;
  return Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number' || (Array.isArray(p) && p.every(isErrorMessageRef)));
}

/** Whether a catalog words this message and every nested one. */
export function catalogWords(ref: ErrorMessageRef, templates: Readonly<Record<string, string>>): boolean {
  return Object.prototype.hasOwnProperty.call(templates, ref.key) && Object.values(ref.params).every((p) => !Array.isArray(p) || p.every((r) => catalogWords(r, templates)));
}
