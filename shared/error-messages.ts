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
  'conflict.project-not-empty': 'The project "{name}" still holds documents ({live} in the library, {trashed} in the Trash): move them to another project before deleting it (documents in the Trash go when it is emptied).',
  'conflict.project-in-trash': 'The project "{name}" still has {trashed} documents in the Trash: restore and move them, or empty the Trash (on a team server an admin does), before deleting it.',
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
  'team.signed-out.said': 'Signed out of the team server {origin} ({reason}). Connect to it again with a new sign-in address from a team admin.',
  // ---- project bundles (core/bundle.ts)
  'bundle.future': 'This project bundle is format version {version}; this Jiaodui reads up to version {known}. Update Jiaodui here first.',
  'bundle.digest': "The project bundle's content does not match its digest ({stated}… stated, {found}… found): it was changed or damaged on the way. Nothing was imported.",
  // ---- glossary entries' fields (shared/glossary/validate.ts: the form, the API, CSV and TBX imports)
  'glossary.at': '{where}: {problem}',
  'glossary.where.csv': 'CSV line {line}',
  'glossary.where.tbx': 'TBX <{element}> at line {line}',
  'glossary.what.term': 'the term',
  'glossary.what.variant': 'the variant',
  'glossary.what.note': 'the note of "{term}"',
  'glossary.what.english': 'the English rendering of "{term}"',
  'glossary.term-empty': 'the term is empty',
  'glossary.term-too-long': '{what} "{start}…" is longer than {max} characters',
  'glossary.bad-char': '{what} "{value}" contains {char}',
  'glossary.bar-char': '{what} "{value}" contains “|” (it separates variants)',
  'glossary.xml-char': '{what} contains {char}, a character TBX (XML) cannot carry',
  'glossary.xml-char.remove': '{what} contains {char}, a character TBX (XML) cannot carry; remove it',
  'glossary.variant-is-term': 'the variant "{variant}" is the term itself',
  'glossary.too-many-variants': '"{term}" has {count} variants; at most {max} are allowed',
  'glossary.text-too-long': '{what} is longer than {max} characters',
  'glossary.english-line-break': 'the English rendering of "{term}" contains a line break',
  'glossary.unknown-type': 'unknown type "{value}" (use {types})',
  // why an entry cannot join its glossary (the reason in conflict.glossary-save and conflict.glossary-import)
  'glossary.conflict.term': '"{term}" is already in this glossary',
  'glossary.conflict.term-is-variant': '"{term}" is listed as a wrong variant of "{of}"',
  'glossary.conflict.variant-is-term': 'the variant "{variant}" is itself a term of this glossary',
  'glossary.conflict.variant-taken': 'the variant "{variant}" is already a variant of "{of}"',
  // ---- glossary files: CSV (shared/csv/csv.ts, shared/glossary/csv.ts) and TBX (shared/glossary/tbx.ts)
  'csv.at': 'CSV line {line}: {problem}',
  'csv.unclosed-quote': 'a quoted field is never closed (a missing ")',
  'csv.after-quote': 'unexpected text after a closing quote ({text}); a quote inside a quoted field is written ""',
  'csv.bare-quote': 'a quote (") inside an unquoted field; enclose the field in quotes and double the quote',
  'csv.glossary-empty': 'the file is empty; the first line must be the header {header}',
  'csv.glossary-header': 'the header must be {header} ({why})',
  'csv.why.missing': 'missing {columns}{sep}',
  'csv.why.unknown': 'unknown {columns}{sep}',
  'csv.why.repeated': 'repeated {columns}{sep}',
  'csv.why.sep': ';',
  'csv.glossary-fields': 'expected {expected} fields ({header}), found {found}',
  'tbx.at': 'TBX <{element}> at line {line}: {problem}',
  'tbx.term-count': 'has more than one <term>',
  'tbx.no-term': 'has no <term>',
  'tbx.no-chinese': 'has no Chinese term (a <langSec xml:lang="zh-Hant"> with a <term>)',
  'tbx.admitted': '"{term}" is an admitted term; Jiaodui keeps one preferred term and deprecated variants',
  'tbx.unknown-status': 'unknown administrativeStatus "{status}"',
  'tbx.second-preferred': 'a second preferred term ("{term}"; the first is "{first}")',
  'tbx.all-deprecated': 'every Chinese term is deprecated; mark the correct one preferredTerm-admn-sts',
  'tbx.no-status': '"{term}" has no administrativeStatus; mark it deprecatedTerm-admn-sts (a variant) or make it the preferred term',
  'tbx.root': 'the root element must be <tbx> (TBX v3) or <martif> (TBX 2008)',
  'tbx.no-text': 'has no <text> element',
  'tbx.no-body': 'has no <body> element',
  // ---- XML (shared/xml/xml.ts: TBX, XLIFF)
  'xml.at': 'XML line {line}, column {col}: {problem}',
  'xml.expected-name': 'expected a name, found {found}',
  'xml.never-closed': '{what} is never closed (no "{end}")',
  'xml.what.comment': 'a comment',
  'xml.what.pi': 'a processing instruction',
  'xml.what.cdata': 'a CDATA section',
  'xml.bad-char': 'character {char} is not allowed in XML',
  'xml.bare-amp': 'a bare "&": write it as &amp;',
  'xml.bad-char-ref': '&{ref}; is not a valid XML character',
  'xml.unknown-entity': 'unknown entity &{ref}; (only &amp; &lt; &gt; &quot; &apos; and numeric references are accepted)',
  'xml.decl-first': 'the XML declaration must come first',
  'xml.encoding': 'the file declares encoding "{encoding}"; only UTF-8 is accepted',
  'xml.doctype': 'DOCTYPE declarations are not accepted (no DTDs or external entities)',
  'xml.entity-decl': 'ENTITY declarations are not accepted',
  'xml.attr-space': 'expected whitespace before an attribute',
  'xml.attr-no-value': 'attribute {name} has no value (expected =)',
  'xml.attr-unquoted': 'the value of attribute {name} must be quoted',
  'xml.attr-unclosed': 'the value of attribute {name} is never closed',
  'xml.attr-lt': '"<" in the value of attribute {name}',
  'xml.attr-twice': 'attribute {name} appears twice',
  'xml.bom': 'unexpected byte order mark',
  'xml.no-root': 'the file has no root element',
  'xml.text-before-root': 'text before the root element',
  'xml.unclosed': '<{name}> (line {line}) is never closed',
  'xml.cdata-end': '"]]>" in text',
  'xml.close-expected': 'expected ">" to close </{name}',
  'xml.close-mismatch': '</{name}> does not close <{open}> (line {line})',
  'xml.unexpected-bang': 'unexpected "<!"',
  'xml.too-deep': 'elements are nested more than {max} deep',
  'xml.after-root': 'content after the root element',
  // ---- XLIFF (shared/export/xliff*.ts, core/export.ts importXliff)
  'xliff.at': 'XLIFF: {problem}',
  'xliff.line': 'line {line}: {problem}',
  'xliff.base-not-number': 'the recorded text version "{value}" is not a number.',
  'xliff.not-scalar': '{element}: "{hex}" is not a Unicode scalar value.',
  'xliff.inline': 'inline element <{name}> in <{parent}> is not supported (plain text only).',
  'xliff.no-id': 'a <{element}> has no id.',
  'xliff.id-twice': 'unit id "{id}" appears twice.',
  'xliff.not-12': 'not an XLIFF 1.2 file (namespace {namespace}).',
  'xliff.not-20': 'not an XLIFF 2.0 file (namespace {namespace}).',
  'xliff.not-20.is-12': 'not an XLIFF 2.0 file (namespace {namespace}, which is XLIFF 1.2).',
  'xliff.namespace-missing': 'missing',
  'xliff.root': 'the root element is <{name}>, not <xliff>.',
  'xliff.version': 'version "{version}" is not supported (2.0 or 1.2).',
  'xliff.two-targets': 'unit "{id}" has more than one <target>.',
  'xliff.segments': 'unit "{id}" has {count} segments; Jiaodui units have exactly one.',
  'xliff.unknown-units': 'XLIFF: {count} unit(s) do not match a segment of document {document}: {units}. Nothing was imported.',
  'xliff.unit-at': '"{id}" (line {line}){sep}',
  'edit-conflict.xliff': 'XLIFF: {count} unit(s) changed in Jiaodui since the export ({segments}); importing would overwrite those changes. Nothing was imported; export again and carry your edits over.',
  // ---- backups, restore and the database path (core/backup.ts, db/backup.ts, db/connection.ts, core/recovery.ts)
  'backup.no-file': 'Cannot read {file}: no such file.',
  'backup.is-folder': 'Cannot read {file}: it is a folder, not a backup file.',
  'backup.not-backup': '{file} is not a Jiaodui backup ({problem}).',
  'backup.missing-tables': '{file} is not a Jiaodui backup (no {missing}).',
  'backup.no-schema-version': '{file} is not a Jiaodui backup (no schema version).',
  'backup.schema-differs': "{file} is not a Jiaodui backup: its schema is not what Jiaodui's schema {version} has ({differences}). Nothing was restored.",
  'backup.damaged': '{file} is damaged ({problem}). Nothing was restored.',
  'backup.not-found-for': '{file} is not one of the backups found for {database}.',
  'backup.unusable': '{file} cannot be used: {problem}',
  'db.not-database': '{file} is not a Jiaodui database ({problem}).',
  'db.path-through-file': 'The database path {file} goes through a file, not a folder.',
  'db.path-unusable': 'Cannot use the database {file}: {problem}.',
  'db.path-folder': 'The database path {file} is a folder, not a database file.',
  'db.path-mkdir': 'Cannot create the folder for the database {file}: {problem}.',
  // ---- files the user names (core/files.ts)
  'path.read': 'Cannot read {file}: {problem}.',
  'path.write': 'Cannot write {file}: {problem}.',
  'path.read-folder': 'Cannot read {file}: it is a folder, not a file.',
  'path.no-folder': 'Cannot write {file}: the folder {folder} does not exist.',
  'path.is-folder': 'Cannot write {file}: it is a folder.',
  'path.not-folder': 'Cannot write {file}: {folder} is not a folder.',
  'path.ENOENT': 'no such file or folder',
  'path.EISDIR': 'it is a folder',
  'path.ENOTDIR': 'a part of the path is not a folder',
  'path.EACCES': 'permission denied',
  'path.EPERM': 'operation not permitted',
  'path.EROFS': 'read-only file system',
  'path.ENAMETOOLONG': 'the name is too long',
  'path.ELOOP': 'too many symbolic links',
  // ---- machine translation settings (core/mt.ts, core/mt/providers.ts)
  'mt.key-before-address': 'Set the provider address before the API key: the key is kept for that address only.',
  'mt.no-address': 'Set the provider address in the machine translation settings first.',
  'mt.no-model': 'Set the model in the machine translation settings first.',
  'conflict.mt-key-origin': 'The stored API key was entered for {origin} ({provider}); it is not sent to {to} ({toProvider}). Enter the key again for this address in the machine translation settings.',
  'conflict.mt-key-unbound': 'The stored API key has no address recorded (saved by an older version); it is not sent to {to}. Enter the key again in the machine translation settings.',
  // ---- parallel columns' alignment (core/parallel.ts, shared/align/edit.ts)
  'align.needs-position': 'A split needs a position (at).',
  'align.needs-direction': 'A shift needs a direction (up or down).',
  'align.cannot': 'Cannot {op} here: {problem}.',
  'align.op.split': 'split',
  'align.op.merge': 'merge',
  'align.op.shift': 'shift',
  'align.outside': 'row {row} is outside the column',
  'align.merge-last': 'the last row has no next row to merge with',
  'align.split-last': 'the last row has no next row to split into',
  'align.split-edge': 'split inside the text',
  'align.shift-below': 'no row below to shift into',
  'align.shift-above': 'no row above to shift into',
  // ---- checks, find, requests (core/features/findings.ts, core/replace.ts, core/requests.ts, core/versions.ts)
  'findings.merged-scope': "mergedIds go with scope 'group' (fix all on a merged card); a fix at one place needs only findingId.",
  'findings.unknown-rules': 'Unknown rule(s): {rules}. Rules: {known}.',
  'findings.no-fix': 'This finding has no suggested fix; edit the segment instead.',
  'find.timeout': 'Finding “{find}” took longer than {seconds} s and was stopped. Simplify the regular expression (nested repetition such as (a+)+ can run for ever) or narrow the scope.',
  'request.id-reused': 'Request id {id} was already used for another request ({method}); nothing was changed. Draw a new id for each request.',
  'versions.count': 'versions has {count} entries for {segments} segments; give one per segment, in the same order.',
  // ---- project bundles' shape (core/bundle.ts)
  'bundle.not-bundle': 'This is not a Jiaodui project bundle (format "{format}" with a version).',
  'bundle.malformed': 'The project bundle is malformed at {path}: {problem}.',
  'bundle.inconsistent-ref': 'The project bundle is inconsistent: {table}[{index}].{column} names row {row} of {count} {target}.',
  'bundle.inconsistent-check-run': 'The project bundle is inconsistent: a check run names a document it does not hold.',
  'bundle.unknown-record-kind': 'The bundle has a record version of an unknown kind "{kind}".',
  'bundle.record-orphan': 'The bundle has a {kind} version of a {kind} it does not hold.',
  // ---- saving a file from the app (electron/main.ts)
  'save.bad-content': 'Nothing to save, or too much.',
  'save.bad-encoding': 'Unknown encoding of the content to save.',
  'save.not-base64': 'The content to save is not base64.',
  // ---- connecting to a team server (core/remote/connections.ts, electron/remote-routing.ts)
  'team.connect.no-address': "Give the team server's address (or paste the whole sign-in address, which names it).",
  'team.connect.bad-address': "The team server's address must be an http(s) address such as https://review.example.org.",
  'team.connect.no-token': 'Paste the sign-in address a team admin gave you (or its token).',
  'team.connect.bad-token': 'That is not a sign-in address or token: it looks like https://review.example.org/#signin=… (43 letters, digits, - and _).',
  'team.connect.mismatch': 'The sign-in address is for another server than the address given.',
  'team.connect.refused': 'The team server {origin} refused the sign-in (HTTP {status}).',
  'team.connect.refused.said': '{origin}: {reason}',
  'team.connect.refused.text': '{origin}: {reason}',
  'team.connect.not-team': '{origin} answered without a Jiaodui team session: is it a team server (jiaodui serve --team)?',
  'team.route.not-connection': 'Not a team server connection id.',
  'team.route.not-method': 'Not a method name.',
  'team.route.not-json': 'The arguments cannot be sent as JSON.',
  'team.route.connect-needs': 'Connecting needs the server address and a sign-in address (text).',
  'team.route.no-envelope': 'The team server answered {status} without a Jiaodui envelope.',
  'team.route.no-json': 'The team server {origin} answered {status} without JSON.',
  'team.reason.answered': 'it answered {status}',
  'team.reason.timeout': 'no answer within {seconds} s',
  'team.reason.too-large': 'the answer is larger than {limit} MB',
  'team.feed-refused': 'The team feed was refused.',
  // ---- the HTTP layer's own refusals (core/server.ts: browser mode, serve, serve --team)
  'http.post-only': 'API calls are POST.',
  'http.json-only': 'API calls must send application/json.',
  'http.too-large': 'Request larger than {limit} MB.',
  'http.bad-json': 'The request body is not valid JSON.',
  'http.bad-method-name': 'The method name in the address is not valid percent-encoding.',
  'http.connect-json-only': 'Connecting must send application/json.',
  'http.connect-needs': 'Connecting needs {"address": "…", "signIn": "…"}.',
  'http.connections-methods': 'Connections: GET lists, POST connects, DELETE /api/connections/ID disconnects.',
  'http.files-get-only': 'Only GET for files.',
  'http.feed-get-only': 'The feed is GET.',
  'http.feed-query': 'since must be a sequence number and client a short id (letters, digits, - and _).',
  'http.bad-path': 'Bad path.',
  'http.no-team-route': 'No such team server route.',
  'http.session-methods': 'The session is POST (sign in), GET (check) or DELETE (sign out).',
  'http.sign-in-methods': 'Sign in with POST, check with GET, sign out with DELETE.',
  'http.sign-in-json-only': 'Sign-in requests must send application/json.',
  'http.sign-in-bad-json': 'The sign-in request is not valid JSON: {"token": "…"}.',
  'http.rate-limited': 'Too many sign-in attempts from this address; try again in {seconds} s.',
  'http.no-database.sign-in': 'No database is open; nobody can sign in until it is recovered.',
  'http.no-database.feed': 'No database is open; there are no changes to follow.',
  'http.answer-not-json': 'The Jiaodui server answered {status} without JSON.',
  // ---- who may call (core/http-policy.ts, core/server.ts): browser mode's token and session cookie, a team server's session
  'http.not-this-machine': 'Requests must come from this machine (127.0.0.1 or localhost).',
  'http.not-public-url': "Requests must be addressed to {origin} (the team server's public URL).",
  'http.token-wrong': 'Missing or wrong token. Open the address printed by `jiaodui serve`.',
  'http.session-ended': 'No valid session: open the address printed by `jiaodui serve` (or `npm start`) again.',
  'http.cookie-no-origin': "A request signed in by cookie must come from this app's page (its Origin header is missing).",
  'http.sign-in-origin': "The sign-in must come from the app's page (Origin header missing or foreign).",
  'http.sign-in-json': 'The sign-in must send application/json.',
  'http.sign-in-needs-token': 'The sign-in needs {"token": "…"}.',
  'http.sign-in-stale': 'This sign-in link is out of date: open the address printed by `jiaodui serve` (or `npm start`) again.',
  'http.sign-out-origin': "Signing out must come from the app's page.",
  'http.team-session-ended': 'Not signed in, or your session ended. Open the sign-in address a team admin gave you.',
  // ---- a team server's sign-in address refused (core/accounts.ts)
  'sign-in.invalid': 'This sign-in address is not valid. Ask a team admin for a new one.',
  'sign-in.used': 'This sign-in address was already used. Ask a team admin for a new one (jiaodui users revoke, then users add).',
  'sign-in.expired': 'This sign-in address has expired or was revoked. Ask a team admin for a new one.',
  'sign-in.revoked': 'This reviewer was revoked. Ask a team admin.',
  // ---- a server setting (core/heap-policy.ts)
  'env.heap-growing': '{name} must be a whole number 0–1000 (0: V8\'s own heap growing), got "{given}".',
  'env.retain-maps': '{name} must be a whole number 0–1000 (0: V8\'s own 2 collections), got "{given}".',
  // lists inside messages (English joins a list's parts with a space)
  'list.comma': ',',
  'list.more': '…',
  // ---- anything else: a fault of Jiaodui's, its English detail in the message (em's `english`)
  internal: 'Internal error: something went wrong inside Jiaodui.',
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

/** An envelope's error (`{ ok: false, error }`) a transport answers with itself, worded like a thrown one: code, English message, message data. */
export function keyedError<C extends string>(code: C, m: KeyedMessage): { code: C; message: string; messageData: ErrorMessageRef } {
  return { code, message: m.message, messageData: m.messageData };
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
