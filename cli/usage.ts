/**
 * The light part of the `jiaodui` command line: every command's usage text and option
 * table, and the parsing of argv up to the command name. The entry (cli/entry.ts) answers
 * `--help` and usage errors from this module alone, so they never load the app (zod
 * contract, OpenCC dictionaries, SQLite, docx); only a valid command loads cli/main.ts.
 * Keep this module free of imports beyond node:util and cli/args.ts.
 */
import { parseArgs } from 'node:util';
import { isJiaoduiError } from '../shared/errors';
import { UsageError } from './args';
import { commandHelpText } from './help';
import { printsJson } from './output';

// ---- attach (cli/attach.ts) ----

export const ATTACH_USAGE = `  attach DOC (--source FILE | --english FILE) [--encoding ENC] [--format json]
                                                              attach the original source or an English rendering,
                                                              aligned to the segments (replaces an earlier one)`;

export const ATTACH_OPTIONS = {
  source: { type: 'string' },
  english: { type: 'string' },
} as const;

// ---- export (cli/export.ts) ----

export const EXPORT_USAGE = `  export DOC [--format txt|md|html|docx|csv|docx-bilingual|report-html|report-json|xliff|xliff12|annotations]
         [--marked] [--include-furniture|--no-furniture] [--claims] [--script hant|hans] [--lang en|zh-Hant] [--out FILE]
                                                              export a transcript, table, report or XLIFF
                                                              (docx formats need --out; md, html and docx leave
                                                              page furniture out unless --include-furniture;
                                                              reports give times in the process's time zone, TZ,
                                                              in --lang, else the app's UI language)
  import-xliff DOC FILE [--format json]                       apply an XLIFF 2.0 or 1.2 file's targets (one undo step)`;

export const EXPORT_OPTIONS = {
  marked: { type: 'boolean' },
  'no-furniture': { type: 'boolean' },
  'include-furniture': { type: 'boolean' },
  claims: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

// ---- backup (cli/backup.ts) ----

export const BACKUP_USAGE = `  backup FILE                                                 copy the whole database (online backup)
  restore FILE                                                replace the database with a backup (current one kept aside)`;

// ---- recover (cli/recover.ts) ----

export const RECOVER_USAGE = `  recover [--backup FILE | --new]                             check a damaged database, list its backups, open one or start anew`;

export const RECOVER_OPTIONS = {
  backup: { type: 'string' },
  new: { type: 'boolean' },
} as const;

// ---- replace (cli/replace.ts) ----

export const REPLACE_OPTIONS = {
  find: { type: 'string' },
  replace: { type: 'string' },
  regex: { type: 'boolean' },
  'cross-script': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  scope: { type: 'string' },
} as const;

export const REPLACE_USAGE = `  replace DOC --find X --replace Y [--regex] [--cross-script] [--project] [--dry-run] [--format json]
                                                              replace in DOC (or its project): one undoable step`;

/** Value-taking options before the command (their value is not the command). */
const VALUE_OPTIONS = new Set(['--db', '--reviewer']);

/**
 * `--project` takes a name for import but is a flag for replace; for replace it is
 * rewritten to `--scope=project` before parsing.
 */
export function normalizeReplaceArgv(argv: readonly string[]): string[] {
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (!a.startsWith('-')) {
      command = a;
      break;
    }
  }
  if (command !== 'replace') return [...argv];
  return argv.map((a) => (a === '--project' ? '--scope=project' : a));
}

// ---- glossary (cli/glossary.ts) ----

export const GLOSSARY_USAGE = `  glossary import|export DOC FILE [--project NAME]            read/write a .csv or .tbx glossary of DOC
                                                              (with --project: of DOC's project NAME)
  apply-glossary DOC [--project NAME]                         replace forbidden variants in DOC (or its
                                                              project): one step, undo with 'undo DOC'`;

// ---- claims (cli/claims.ts) ----

export const CLAIMS_USAGE = `  claims DOC [--format json|csv|claimreview] [--out FILE]   DOC's claims (table, JSON, CSV or ClaimReview)
  claims DOC --candidates [--format json]                     sentences that state checkable quantities
  claims DOC --cross-check [--format json]                    cross-checks between DOC's claims
  claims DOC --add --segment N [--start S --end E] [--claimant NAME] [--format json]
                                                              make a claim of segment N (an id, as show lists them),
                                                              of its characters S–E or, without them, all of it
  claims DOC --accept-candidates [--format json]              make a claim of every open candidate
  claims DOC --set ID [--verdict V] [--status S] [--assignee A] [--evidence URL [--note TEXT] | --note TEXT] [--format json]
                                                              change claim ID: verdict (unverified, true, mostly-true,
                                                              misleading, false, unverifiable), status (new, in-progress,
                                                              ready-for-review, published, discarded), assignee, and
                                                              add evidence: a URL (http/https) or a note`;

export const CLAIMS_OPTIONS = {
  candidates: { type: 'boolean' },
  'cross-check': { type: 'boolean' },
  add: { type: 'boolean' },
  segment: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  claimant: { type: 'string' },
  'accept-candidates': { type: 'boolean' },
  set: { type: 'string' },
  verdict: { type: 'string' },
  status: { type: 'string' },
  assignee: { type: 'string' },
  evidence: { type: 'string' },
  note: { type: 'string' },
} as const;

export const CLAIMS_FORMATS = ['json', 'text', 'txt', 'csv', 'claimreview'];

// ---- translate (cli/translate.ts) ----

export const TRANSLATE_USAGE = `  translate DOC [--all-untranslated | --segments 3,5-9] [--provider openai|libretranslate]
         [--url URL] [--model M] [--key-env VAR] [--format json]
                                                              machine-translate segments (row numbers) into English;
                                                              the key only from the variable VAR; exit 1 if any failed`;

export const TRANSLATE_OPTIONS = {
  'all-untranslated': { type: 'boolean' },
  segments: { type: 'string' },
  provider: { type: 'string' },
  url: { type: 'string' },
  model: { type: 'string' },
  'key-env': { type: 'string' },
} as const;

// ---- serve --team (cli/serve.ts) ----

export const SERVE_TEAM_USAGE = `  serve --team [--listen HOST:PORT] [--public-url URL]        a team server for reviewers with accounts
         [--tls-cert FILE --tls-key FILE | --allow-plain-http]  (default 127.0.0.1:7420; another address
                                                              needs TLS or --allow-plain-http behind a proxy)`;

export const SERVE_TEAM_OPTIONS = {
  team: { type: 'boolean' },
  listen: { type: 'string' },
  'public-url': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'allow-plain-http': { type: 'boolean' },
} as const;

// ---- users (cli/users.ts) ----

export const USERS_USAGE = `  users add NAME --role reviewer|lead|admin                   add a team reviewer; prints a one-time sign-in address
  users revoke NAME                                           end NAME's sessions and sign-in address
  users list [--format json]                                  the team's reviewers, roles and sessions`;

export const USERS_OPTIONS = {
  role: { type: 'string' },
} as const;

// ---- project (cli/project.ts) ----

export const PROJECT_USAGE = `  project standard-forms PROJECT [unset|ministry|press] [--if-version N]
                                                              read or set the project's house style for the forms
                                                              writers write both ways (佔/占, 拼/拚; 公佈/公布);
                                                              with --if-version, only while it is still version N
  project delete PROJECT                                      delete an empty project (no documents, none in the
                                                              Trash) with its glossary and settings`;

export const PROJECT_OPTIONS = {
  'if-version': { type: 'string' },
} as const;

// ---- push / pull (cli/push-pull.ts) ----

export const PUSH_PULL_USAGE = `  push PROJECT --to URL [--token T] [--as NAME] [--format json]
                                                              copy a project (documents, full history, annotations,
                                                              claims, glossary) to a team server
  pull PROJECT --from URL [--token T] [--as NAME] [--format json]
                                                              copy a team server's project into this database
                                                              (T: a sign-in address from users add, or its token;
                                                              without it: the app's session for that server;
                                                              a project of that name is never overwritten: --as)`;

export const PUSH_PULL_OPTIONS = {
  to: { type: 'string' },
  from: { type: 'string' },
  token: { type: 'string' },
  as: { type: 'string' },
  'replace-existing': { type: 'boolean' },
} as const;

// ---- the whole command line --------------------------------------------------------------

export const USAGE = `Usage: jiaodui [--db PATH] <command> [options]

Commands (jiaodui help COMMAND, or jiaodui COMMAND --help, for one command's options and examples):
  import FILE [--project NAME] [--title T] [--encoding ENC] [--variant t|tw|hk]
         [--source ORIGINAL] [--english ENGLISH]              import a text file (with its parallel texts)
${ATTACH_USAGE}
  list [--format json]                                        list documents
  show DOC [--wide] [--format json]                           show a document's segments (cut to the terminal's
                                                              width unless --wide or piped)
  edit DOC SEGMENT --text T [--if-text OLD]                   correct a segment; with --if-text, only while its
                                                              text is still OLD (else exit 4, nothing changed)
  undo DOC | redo DOC                                         undo/redo your own last step in DOC's project
                                                              (exit 4 when someone changed its text since)
${EXPORT_USAGE}
${BACKUP_USAGE}
${RECOVER_USAGE}
  search QUERY [--format json]                                search all documents
  check DOC|FILE [--format json] [--rules a,b] [--wide]       findings; exit 1 when errors remain
  check --project NAME|ID [--wide] [--format json]            every document's findings and the cross-document
                                                              ones (names, roles); exit 1 when errors remain
${REPLACE_USAGE}
${PROJECT_USAGE}
${GLOSSARY_USAGE}
${CLAIMS_USAGE}
${TRANSLATE_USAGE}
  serve [--port N] [--no-open]                                browser mode on 127.0.0.1; opens the default browser
                                                              when there is a display (never in CI or with --no-open)
${SERVE_TEAM_USAGE}
${USERS_USAGE}
${PUSH_PULL_USAGE}

--db PATH (or JIAODUI_DB) chooses the database; default: the app's own.
--reviewer NAME signs the changes (default: the system user); undo/redo take that reviewer's own steps.

Exit codes: 0 ok; 1 check found errors (or translate failures); 2 usage or input error (a wrong
argument, no such document, a file that cannot be read, is not text or is malformed);
3 internal error; 4 conflict: someone else changed what the command would overwrite
(edit --if-text, import-xliff of a unit changed since the export, undo/redo); 5 restore or recover
refused because another process has the database open; 6–11 push and pull (jiaodui push --help);
130 interrupted.`;

export const COMMANDS = ['import', 'list', 'show', 'edit', 'undo', 'redo', 'export', 'search', 'serve', 'check', 'replace', 'glossary', 'apply-glossary', 'import-xliff', 'claims', 'backup', 'restore', 'recover', 'attach', 'translate', 'users', 'push', 'pull', 'project'];

const OPTIONS = {
  db: { type: 'string' },
  format: { type: 'string' },
  project: { type: 'string' },
  title: { type: 'string' },
  encoding: { type: 'string' },
  variant: { type: 'string' },
  text: { type: 'string' },
  'if-text': { type: 'string' },
  reviewer: { type: 'string' },
  script: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
  rules: { type: 'string' },
  wide: { type: 'boolean' },
  ...REPLACE_OPTIONS,
  ...CLAIMS_OPTIONS,
  ...EXPORT_OPTIONS,
  ...ATTACH_OPTIONS,
  ...RECOVER_OPTIONS,
  ...TRANSLATE_OPTIONS,
  ...USERS_OPTIONS,
  ...PROJECT_OPTIONS,
  ...SERVE_TEAM_OPTIONS,
  ...PUSH_PULL_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

/** Every option's name (without --), for the help tests. */
export const OPTION_NAMES: readonly string[] = Object.keys(OPTIONS);

export type CommandLine =
  /** `text`: what to print on stdout (the whole usage, or one command's help). */
  | { help: true; exitCode: number; text: string }
  | { help: false; command: string; rest: string[]; values: ReturnType<typeof parseOptions>['values']; json: boolean };

function parseOptions(argv: string[]) {
  return parseArgs({ args: normalizeReplaceArgv(argv), allowPositionals: true, strict: true, options: OPTIONS });
}

/**
 * Parse argv (stdoutIsTTY: whether stdout is a terminal, for cli/output.ts's rule): `help` when the usage text is the answer (exit 0 when asked for, 2 without
 * a command); throws a UsageError (or node's ERR_PARSE_ARGS_*) for an unknown option,
 * command or --format.
 */
export function parseCommandLine(argv: string[], stdoutIsTTY = false): CommandLine {
  const { values, positionals } = parseOptions(argv);
  const [command, ...rest] = positionals;
  // `jiaodui help [COMMAND]` and `jiaodui COMMAND --help`: that command's help (cli/help.ts)
  const helpFor = command === 'help' ? rest[0] : values.help ? command : undefined;
  if (helpFor !== undefined) {
    const text = commandHelpText(helpFor);
    if (text === undefined) throw new UsageError(`Unknown command "${helpFor}". Commands: ${COMMANDS.join(', ')}.`);
    return { help: true, exitCode: 0, text };
  }
  if (values.help || !command || command === 'help') return { help: true, exitCode: command || values.help ? 0 : 2, text: USAGE };
  if (values.format && command !== 'export' && !(command === 'claims' && CLAIMS_FORMATS.includes(values.format)) && !['json', 'text', 'txt'].includes(values.format)) throw new UsageError(`Unknown --format "${values.format}" (json, text or txt).`);
  if (!COMMANDS.includes(command)) throw new UsageError(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}.`);
  // json: stdout carries JSON (cli/output.ts: --format json, or a JSON-by-default command piped)
  return { help: false, command, rest, values, json: printsJson(command, values.format, stdoutIsTTY) };
}

/** Exit code of a refused stale write (an 'edit-conflict': someone else changed it since), apart from 2 (usage). */
export const EXIT_CONFLICT = 4;

/** Exit code of a restore or recover refused because another process has the database open. */
export const EXIT_DB_IN_USE = 5;

/**
 * Report an error the user can act on (a JiaoduiError or a bad option) as one line on
 * stderr (and as JSON on stdout with --format json), exit code 2 (EXIT_CONFLICT for an
 * edit conflict, EXIT_DB_IN_USE for 'db-in-use'). False for any other error.
 */
export function reportUserError(e: unknown): boolean {
  if (!(isJiaoduiError(e) || (e as { code?: string } | null)?.code?.startsWith?.('ERR_PARSE_ARGS'))) return false;
  // a JiaoduiError's first line; node's option errors on one line, since their later lines say the fix
  // ("To specify an option argument starting with a dash use '--token=-XYZ'")
  const lines = (e as Error).message.split('\n');
  const msg = isJiaoduiError(e) ? lines[0] : lines.map((l) => l.trim()).filter(Boolean).join(' ');
  if (process.argv.includes('json') && isJiaoduiError(e)) process.stdout.write(JSON.stringify({ error: { code: e.code, message: msg } }) + '\n');
  process.stderr.write(`jiaodui: ${msg}\n`);
  // an error may carry its own exit code (push and pull: cli/remote.ts REMOTE_EXIT)
  const own = (e as { exitCode?: unknown }).exitCode;
  process.exitCode = typeof own === 'number' ? own : !isJiaoduiError(e) ? 2 : e.code === 'edit-conflict' ? EXIT_CONFLICT : e.code === 'db-in-use' ? EXIT_DB_IN_USE : 2;
  return true;
}
