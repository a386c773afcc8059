/**
 * Per-command help: `jiaodui COMMAND --help` and `jiaodui help COMMAND`. One table, one
 * entry per command (cli/usage.ts COMMANDS; cli/help.test.ts fails when a command has no
 * entry, or when an option its line in the overall usage names is missing here).
 * To add a command or an option: add or extend its entry below. Pure text, no imports:
 * it is on the fast `--help` path (cli/entry.ts).
 */

export interface CommandHelp {
  /** What follows `jiaodui ` in the usage line(s): one line per form; a line starting with spaces continues the previous one. */
  usage: string[];
  /** One or two sentences. */
  summary: string;
  /** [option as typed, what it does]; the global ones (--db, --reviewer) are added for all. */
  options?: [string, string][];
  /** Full command lines, starting with `jiaodui `. */
  examples: string[];
  /** Exit codes beyond 0 and the common ones, one line each ("6  the server cannot be reached"). */
  exitCodes?: string[];
}

const FORMAT_JSON: [string, string] = ['--format json', 'print JSON on stdout (schemas in shared/contract/cli.ts)'];
/** For the commands that print JSON when piped (cli/output.ts JSON_BY_DEFAULT). */
const FORMAT_JSON_TEXT: [string, string] = ['--format json|text', 'JSON (the default when piped) or one readable line (the default on a terminal)'];

/** push and pull: one exit code per kind of failure (cli/remote.ts REMOTE_EXIT). */
const PUSH_PULL_EXIT_CODES = [
  '2   usage: a missing or malformed argument, an address that is not http(s), a token of the wrong shape, no such project',
  '6   the server cannot be reached (refused, no such host, TLS) or is not a Jiaodui team server',
  '7   sign-in refused: a wrong, used, expired or revoked token (or too many attempts)',
  "8   refused for the account's role (403): a reviewer may not push",
  '9   a project of that name exists on the receiving side (nothing copied; use --as or --replace-existing)',
  '10  a bundle of a newer format than the receiving side reads',
  '11  digest mismatch: the copy was changed or damaged on the way (nothing stored)',
];

export const COMMAND_HELP: Record<string, CommandHelp> = {
  import: {
    usage: ['import FILE [--project NAME] [--title T] [--encoding ENC] [--variant t|tw|hk] [--source ORIGINAL] [--english ENGLISH]'],
    summary: 'Import a text file as a document (encoding and script detected), with its parallel texts if given.',
    options: [
      ['--project NAME', 'the project to import into (made when missing)'],
      ['--title T', 'the document title (default: from the text or the file name)'],
      ['--encoding ENC', 'utf-8, utf-16le, utf-16be, big5 or gb18030 instead of the detected one'],
      ['--variant t|tw|hk', 'the Traditional variant (OpenCC standard, Taiwan, Hong Kong)'],
      ['--source ORIGINAL', 'attach the original source text, aligned to the segments'],
      ['--english ENGLISH', 'attach an English rendering, aligned to the segments'],
      FORMAT_JSON_TEXT,
    ],
    examples: ['jiaodui import report.zh-Hant.txt --project SenseTime --english report.en.txt'],
    exitCodes: ['2   usage, or the file is refused (one line naming it, nothing stored): unreadable, empty, binary, over 10 MB, or not text in its encoding (naming the one it reads as)'],
  },
  attach: {
    usage: ['attach DOC (--source FILE | --english FILE) [--encoding ENC]'],
    summary: 'Attach the original source or an English rendering to DOC, aligned to its segments (replaces an earlier one).',
    options: [
      ['--source FILE', 'the original source text'],
      ['--english FILE', 'an English rendering'],
      ['--encoding ENC', "the file's encoding instead of the detected one"],
      FORMAT_JSON,
    ],
    examples: ['jiaodui attach 3 --english report.en.txt'],
  },
  list: {
    usage: ['list'],
    summary: 'List the documents with their project, segments and progress.',
    options: [FORMAT_JSON],
    examples: ['jiaodui list'],
  },
  show: {
    usage: ['show DOC [--wide]'],
    summary: "Show a document's segments: number, id, status, speaker, text, Simplified rendering (and source and English when attached). On a terminal the columns are cut to its width.",
    options: [['--wide', 'full texts on a terminal too (piped, they are never cut)'], FORMAT_JSON],
    examples: ['jiaodui show 3', 'jiaodui show 3 --format json'],
  },
  edit: {
    usage: ['edit DOC SEGMENT --text T [--if-text OLD]'],
    summary: 'Correct a segment (one undoable step). SEGMENT is the id `show` prints.',
    options: [
      ['--text T', 'the new text'],
      ['--if-text OLD', "only while the segment's text is still OLD (else exit 4, nothing changed)"],
      FORMAT_JSON,
    ],
    examples: ['jiaodui edit 3 412 --text "王征表示" --if-text "王震表示"'],
  },
  undo: {
    usage: ['undo DOC'],
    summary: "Undo your own last step in DOC's project (the reviewer's, with --reviewer). Exit 4 when someone else changed what it would restore.",
    options: [FORMAT_JSON],
    examples: ['jiaodui undo 3'],
  },
  redo: {
    usage: ['redo DOC'],
    summary: "Redo your own last undone step in DOC's project. Exit 4 when someone else changed what it would restore.",
    options: [FORMAT_JSON],
    examples: ['jiaodui redo 3'],
  },
  export: {
    usage: [
      'export DOC [--format txt|md|html|docx|csv|docx-bilingual|report-html|report-json|xliff|xliff12|annotations]',
      '       [--marked] [--include-furniture|--no-furniture] [--claims] [--script hant|hans] [--lang en|zh-Hant] [--out FILE]',
    ],
    summary: 'Export a transcript, bilingual table, change report or XLIFF. Reports give times in the time zone of the process (TZ), in the language of --lang, else the UI language set in the app.',
    options: [
      ['--format F', 'the export format (default txt)'],
      ['--script hant|hans', 'Traditional (default) or Simplified text'],
      ['--marked', 'mark the corrections in the text'],
      ['--include-furniture', 'keep page furniture (bylines, share buttons…) in md, html and docx'],
      ['--no-furniture', 'leave page furniture out'],
      ['--claims', 'include the claims'],
      ['--lang en|zh-Hant', "the change report's language (operation labels, finding messages, rule names)"],
      ['--out FILE', 'write to FILE (needed for the docx formats)'],
    ],
    examples: ['jiaodui export 3 --format report-html --out report.html', 'jiaodui export 3 --format report-html --lang zh-Hant --out 報告.html', 'jiaodui export 3 --format txt --script hans'],
  },
  'import-xliff': {
    usage: ['import-xliff DOC FILE'],
    summary: "Apply an XLIFF 2.0 or 1.2 file's changed targets as one undoable step; refused (exit 4, nothing imported) when a unit was changed in Jiaodui since the export.",
    options: [FORMAT_JSON],
    examples: ['jiaodui import-xliff 3 reviewed.xlf'],
  },
  backup: {
    usage: ['backup FILE'],
    summary: 'Copy the whole database to FILE (SQLite online backup; never overwrites).',
    options: [FORMAT_JSON],
    examples: ['jiaodui backup ~/jiaodui-2026-12-02.db'],
  },
  restore: {
    usage: ['restore FILE'],
    summary: 'Replace the database with a backup (the current one is kept aside). Exit 5 while another process has it open.',
    options: [FORMAT_JSON],
    examples: ['jiaodui restore ~/jiaodui-2026-12-02.db'],
  },
  recover: {
    usage: ['recover [--backup FILE | --new]'],
    summary: 'Check a damaged database and list its backups; open a copy of one, or start with an empty database (the damaged file is kept).',
    options: [
      ['--backup FILE', 'open a copy of this backup'],
      ['--new', 'start with an empty database'],
      FORMAT_JSON,
    ],
    examples: ['jiaodui recover', 'jiaodui recover --backup ~/jiaodui-2026-12-02.db'],
  },
  search: {
    usage: ['search QUERY'],
    summary: 'Search the current text and Simplified rendering of all documents.',
    options: [FORMAT_JSON],
    examples: ['jiaodui search 王徵'],
  },
  check: {
    usage: ['check DOC|FILE [--rules a,b] [--wide]', 'check --project NAME|ID [--wide]'],
    summary: "A document's (or a file's, without importing it) findings; with --project every document's findings and the cross-document ones. Exit 1 when errors remain. On a terminal the table is cut to its width.",
    options: [
      ['--rules a,b', 'only these rules'],
      ['--project NAME|ID', 'the whole project'],
      ['--wide', 'full texts on a terminal too (piped, they are never cut)'],
      FORMAT_JSON,
    ],
    examples: ['jiaodui check 3', 'jiaodui check --project SenseTime', 'jiaodui check draft.txt --format json'],
  },
  replace: {
    usage: ['replace DOC --find X --replace Y [--regex] [--cross-script] [--project] [--dry-run]'],
    summary: 'Replace in DOC (or its whole project) as one undoable step (undo with `jiaodui undo DOC`).',
    options: [
      ['--find X', 'the text (or pattern) to find'],
      ['--replace Y', 'its replacement ("" deletes)'],
      ['--regex', 'X is a regular expression'],
      ['--cross-script', 'also find X written in the other script'],
      ['--project', "in every document of DOC's project"],
      ['--dry-run', 'print the preview, change nothing'],
      FORMAT_JSON,
    ],
    examples: ['jiaodui replace 3 --find 王震 --replace 王征 --dry-run'],
  },
  glossary: {
    usage: ['glossary import|export DOC FILE [--project NAME]'],
    summary: "Read or write a .csv or .tbx glossary of DOC (with --project: of DOC's project NAME).",
    options: [['--project NAME', "the project's glossary (NAME must be DOC's project)"], FORMAT_JSON_TEXT],
    examples: ['jiaodui glossary import 3 names.csv --project SenseTime'],
  },
  'apply-glossary': {
    usage: ['apply-glossary DOC [--project NAME]'],
    summary: 'Replace forbidden variants in DOC (or its project) as one step; undo with `jiaodui undo DOC`.',
    options: [['--project NAME', "every document of DOC's project NAME"], FORMAT_JSON_TEXT],
    examples: ['jiaodui apply-glossary 3'],
  },
  claims: {
    usage: [
      'claims DOC [--format json|csv|claimreview] [--out FILE]',
      'claims DOC --candidates [--format json]',
      'claims DOC --cross-check [--format json]',
      'claims DOC --add --segment N [--start S --end E] [--claimant NAME] [--format json]',
      'claims DOC --accept-candidates [--format json]',
      'claims DOC --set ID [--verdict V] [--status S] [--assignee A] [--evidence URL [--note TEXT] | --note TEXT] [--format json]',
    ],
    summary:
      "DOC's claims for fact-checking (table, JSON, CSV or ClaimReview), the sentences that state checkable quantities, the cross-checks between claims; make claims and set their verdict, status, assignee and evidence.",
    options: [
      ['--format json|csv|claimreview', 'JSON, or an export of the stored claims'],
      ['--out FILE', 'write the export to FILE'],
      ['--candidates', 'sentences that state checkable quantities'],
      ['--cross-check', "cross-checks between DOC's claims"],
      ['--add', 'make a claim (with --segment)'],
      ['--segment N', 'the segment id, as show lists them'],
      ['--start S', 'first character of the claim in the segment (with --end)'],
      ['--end E', 'end of the claim in the segment'],
      ['--claimant NAME', 'who makes the claim'],
      ['--accept-candidates', 'make a claim of every open candidate'],
      ['--set ID', 'change claim ID'],
      ['--verdict V', 'unverified, true, mostly-true, misleading, false, unverifiable'],
      ['--status S', 'new, in-progress, ready-for-review, published, discarded'],
      ['--assignee A', 'who checks it'],
      ['--evidence URL', 'add evidence: an http(s) address (with an optional --note)'],
      ['--note TEXT', 'add evidence: a note'],
    ],
    examples: ['jiaodui claims 3', 'jiaodui claims 3 --set 7 --verdict true --evidence https://example.org/report.pdf', 'jiaodui claims 3 --format claimreview --out claims.json'],
  },
  translate: {
    usage: ['translate DOC (--all-untranslated | --segments 3,5-9) [--provider openai|libretranslate] [--url URL] [--model M] [--key-env VAR]'],
    summary: 'Machine-translate rows (numbers as `show` prints them) into the English column as one undoable step. Exit 1 if any segment failed, 130 after Ctrl+C.',
    options: [
      ['--all-untranslated', 'every row without English'],
      ['--segments 3,5-9', 'these rows'],
      ['--provider openai|libretranslate', 'the kind of server (default: the saved settings)'],
      ['--url URL', "the server's address"],
      ['--model M', 'the model name (openai)'],
      ['--key-env VAR', 'read the API key from the environment variable VAR (never from the command line)'],
      FORMAT_JSON,
    ],
    examples: ['jiaodui translate 3 --all-untranslated --url http://127.0.0.1:8080/v1 --model qwen'],
  },
  serve: {
    usage: ['serve [--port N] [--no-open]', 'serve --team [--listen HOST:PORT] [--public-url URL] [--tls-cert FILE --tls-key FILE | --allow-plain-http]'],
    summary: 'Browser mode on 127.0.0.1 (prints the address and opens it in the default browser), or a team server where reviewers sign in with their own accounts.',
    options: [
      ['--port N', 'the port (browser mode)'],
      ['--no-open', 'do not open the default browser (it opens only where there is a display, never in CI)'],
      ['--team', 'a team server (default 127.0.0.1:7420)'],
      ['--listen HOST:PORT', 'where the team server listens (another address needs TLS or --allow-plain-http)'],
      ['--public-url URL', 'the address reviewers open (used in sign-in addresses)'],
      ['--tls-cert FILE', 'TLS certificate (with --tls-key)'],
      ['--tls-key FILE', 'TLS private key'],
      ['--allow-plain-http', 'plain HTTP on another address (behind a TLS proxy)'],
    ],
    examples: ['jiaodui serve', 'jiaodui serve --team --public-url https://review.example.org'],
  },
  project: {
    usage: ['project standard-forms PROJECT', 'project standard-forms PROJECT unset|ministry|press [--if-version N]', 'project delete PROJECT'],
    summary:
      "A project's house style for the standard forms professional writers write both ways (PROJECT: its name or id). ministry: Taiwan's Ministry of Education's 占 and 拚, Hong Kong's 公布 and 宣布 — a converter's 佔, 拼, 公佈, 宣佈 are warnings; press: either form, not reported; unset (the default): information only, unless the project's own writers' documents keep one form. Without a value: prints the setting and its version. Setting it re-runs the regional checks of the project's checked documents. --if-version N sets it only while it is still version N (else exit 4, nothing changed). project delete: deletes an empty project (no documents, none in the Trash) with its glossary and settings; one still holding documents is refused (exit 2).",
    options: [['--if-version N', 'only while the stored version is N'], FORMAT_JSON],
    examples: ['jiaodui project standard-forms 財經新聞', 'jiaodui project standard-forms 財經新聞 press --if-version 0', 'jiaodui project delete 收件匣測試'],
  },
  users: {
    usage: ['users add NAME --role reviewer|lead|admin', 'users revoke NAME', 'users list'],
    summary: "Team reviewers: add one (prints a one-time sign-in address), revoke one (ends their sessions), or list them.",
    options: [['--role reviewer|lead|admin', 'the new reviewer\'s role'], FORMAT_JSON],
    examples: ['jiaodui users add 林小姐 --role reviewer', 'jiaodui users list'],
  },
  push: {
    usage: ['push PROJECT --to URL [--token T] [--as NAME | --replace-existing]'],
    summary:
      "Copy a local project (PROJECT: its name or id) to a team server with its documents, full history (undone steps too), annotations, claims with evidence and history, glossary, findings and parallel texts: a one-time copy, stored there as a new project in one transaction and checked against the bundle's digest. A project of the same name there is never overwritten: give the copy another name with --as, or --replace-existing to put the copy in its place (the old project is kept, renamed \"NAME (replaced DATE TIME)\"). T is a sign-in address (or its token) of a lead or admin account from `jiaodui users add` on the server; signing in uses it up. Without --token the command uses the session the app keeps for that server (Connect to a team server…) and leaves it signed in.",
    options: [
      ['--to URL', "the team server's address (its public URL)"],
      ['--token T', "a sign-in address https://…/#signin=TOKEN, or the TOKEN (default: the app's session for that server)"],
      ['--as NAME', 'the name of the copy on the server (default: the same name)'],
      ['--replace-existing', 'a project of that name there is renamed aside (kept) and the copy takes its name'],
      FORMAT_JSON,
    ],
    examples: ['jiaodui push SenseTime --to https://review.example.org --token "https://review.example.org/#signin=…"', 'jiaodui push 3 --to https://review.example.org --token TOKEN --as "SenseTime 2023"'],
    exitCodes: PUSH_PULL_EXIT_CODES,
  },
  pull: {
    usage: ['pull PROJECT --from URL [--token T] [--as NAME | --replace-existing]'],
    summary:
      "Copy one of a team server's projects (PROJECT: its name or id there) into this database with everything push carries, in one transaction checked against the bundle's digest. A local project of the same name is never overwritten: use --as, or --replace-existing to put the copy in its place (the old one is kept, renamed). T is a sign-in address (or its token) of any role; without --token, the app's session for that server.",
    options: [
      ['--from URL', "the team server's address (its public URL)"],
      ['--token T', "a sign-in address https://…/#signin=TOKEN, or the TOKEN (default: the app's session for that server)"],
      ['--as NAME', 'the name of the local copy (default: the same name)'],
      ['--replace-existing', 'a local project of that name is renamed aside (kept) and the copy takes its name'],
      FORMAT_JSON,
    ],
    examples: ['jiaodui pull SenseTime --from https://review.example.org --token "https://review.example.org/#signin=…" --as "SenseTime (server)"'],
    exitCodes: PUSH_PULL_EXIT_CODES,
  },
};

const GLOBAL_OPTIONS: [string, string][] = [
  ['--db PATH', 'the database (or JIAODUI_DB; default: the app\'s own)'],
  ['--reviewer NAME', 'sign the changes as NAME (default: the system user)'],
  ['-h, --help', 'this help'],
];

/** The help text of one command; undefined for an unknown one. */
export function commandHelpText(command: string): string | undefined {
  const h = Object.hasOwn(COMMAND_HELP, command) ? COMMAND_HELP[command] : undefined;
  if (!h) return undefined;
  const options = [...(h.options ?? []), ...GLOBAL_OPTIONS];
  const col = Math.min(32, Math.max(...options.map(([o]) => o.length)));
  const lines = [
    // a line starting with spaces continues the one above it; any other is another form
    ...h.usage.map((u, i) => (u.startsWith(' ') ? ' '.repeat(15) + u.trim() : `${i === 0 ? 'Usage:' : '      '} jiaodui ${u}`)),
    '',
    h.summary,
    '',
    'Options:',
    ...options.map(([o, d]) => (o.length > col ? `  ${o}\n  ${' '.repeat(col)}  ${d}` : `  ${o.padEnd(col)}  ${d}`)),
    '',
    h.examples.length > 1 ? 'Examples:' : 'Example:',
    ...h.examples.map((e) => `  ${e}`),
    '',
    ...(h.exitCodes ? ['Exit codes:', ...h.exitCodes.map((e) => `  ${e}`), ''] : []),
    'All commands: jiaodui --help',
  ];
  return lines.join('\n');
}
