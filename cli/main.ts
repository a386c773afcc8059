/**
 * The `jiaodui` command line. Every command goes through the same service and
 * contract validation as the app. Exit codes: 0 ok, 1 `check` found errors (later),
 * 2 usage or input error (one line on stderr), 3 unexpected internal error, 4 conflict
 * (a stale write refused: cli/usage.ts EXIT_CONFLICT), 5 `restore` or `recover` refused
 * because another process has the database open (cli/usage.ts).
 */
import { basename } from 'node:path';
import { contractCaller } from './call';
import { JiaoduiError, namingFile } from '../shared/errors';
import { encodingLabel, parseEncodingName } from '../shared/text/encoding';
import { MAX_IMPORT_BYTES } from '../shared/text/encoding';
import { cliCaller, dbPathFor, openService } from '../core/context';
import type { JiaoduiService } from '../core/service';
import { clip, fitFor, formatTable } from './format';
import { importLine, plural } from './output';
import { runServe } from './serve';
import { checkDocument, checkFile, formatFindings, parseRules } from './check';
import { runReplace } from './replace';
import { runApplyGlossary, runGlossary } from './glossary';
import { runClaims } from './claims';
import { runExport, runImportXliff } from './export';
import { runBackup, runRestore } from './backup';
import { runRecover } from './recover';
import { checkProject, formatProjectFindings, projectExitCode } from './check-project';
import { looksCorrupt } from '../db/connection';
import { parseId, UsageError } from './args';
import { describePathError, readInputFile } from '../core/files';
import { attachFiles, parallelFiles, runAttach } from './attach';
import { runTranslate } from './translate';
import { progressOn } from './progress';
import type { ResultOf } from '../shared/contract/api';
import { runUsers } from './users';
import { runProject } from './project';
import { runPull, runPush } from './push-pull';
import { connectionsFileFor } from '../core/remote/connections';
import { parseCommandLine, reportUserError } from './usage';



function print(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text());
}

async function main(argv: string[]): Promise<number> {
  const cl = parseCommandLine(argv, process.stdout.isTTY === true);
  if (cl.help) {
    process.stdout.write(cl.text + '\n');
    return cl.exitCode;
  }
  const { command, rest, values, json } = cl;

  // `check FILE` works on a file without importing it: no database needed.
  if (command === 'check' && values.project === undefined && rest[0] !== undefined && !/^\d+$/.test(rest[0])) {
    const file = rest[0];
    const bytes = readInputFile(file, MAX_IMPORT_BYTES, () => `${file} is over the ${MAX_IMPORT_BYTES / 1048576} MB limit.`);
    const rows = namingFile(basename(file), () => checkFile(new Uint8Array(bytes), parseRules(values.rules)));
    print(json, rows, () => formatFindings(rows, fitFor(process.stdout.isTTY === true, process.stdout.columns, values.wide === true)));
    return rows.some((r) => r.severity === 'error') ? 1 : 0;
  }
  // `restore FILE` replaces the database file: it must not be open here.
  if (command === 'restore') return runRestore(dbPathFor(values.db), rest, json);
  // `recover` works on a damaged database (cli/recover.ts); `serve` starts in recovery on one.
  if (command === 'recover') return runRecover(dbPathFor(values.db), values, json);
  if (command === 'serve') {
    const team = values.team
      ? { listen: values.listen, publicUrl: values['public-url'], tlsCert: values['tls-cert'], tlsKey: values['tls-key'], allowPlainHttp: values['allow-plain-http'] }
      : undefined;
    if (!values.team && (values.listen ?? values['public-url'] ?? values['tls-cert'] ?? values['tls-key'] ?? values['allow-plain-http']) !== undefined) {
      throw new UsageError('--listen, --public-url, --tls-cert, --tls-key and --allow-plain-http are for serve --team.');
    }
    return runServe(dbPathFor(values.db), typeof values.port === 'string' ? values.port : undefined, team, { noOpen: values['no-open'] === true });
  }
  const service = await openService(dbPathFor(values.db), { kind: 'cli', command: `jiaodui ${command}` });
  try {
    return await run(service, command, rest, values, json);
  } finally {
    if (command !== 'serve') service.db.close();
  }
}

type Flags = Record<string, string | boolean | undefined>;

async function run(service: JiaoduiService, command: string, args: string[], f: Flags, json: boolean): Promise<number> {
  // Every command goes through the contract; `service` itself serves only the two that are
  // not contract methods: backup (the open connection's online backup) and translate (its job).
  const caller = cliCaller(typeof f.reviewer === 'string' ? f.reviewer : undefined);
  const api = contractCaller(service, caller);
  // check and show: cut to the terminal's width, whole when piped or with --wide
  const fit = fitFor(process.stdout.isTTY === true, process.stdout.columns, f.wide === true);
  const { call } = api;
  switch (command) {
    case 'import': {
      const file = args[0];
      if (!file) throw new UsageError('Missing FILE: jiaodui import FILE [--project NAME].');
      const bytes = new Uint8Array(readInputFile(file, MAX_IMPORT_BYTES, (mb) => `${file} is ${mb} MB; the import limit is ${MAX_IMPORT_BYTES / 1048576} MB.`));
      const encoding = typeof f.encoding === 'string' ? parseEncodingName(f.encoding) : undefined;
      const parallel = parallelFiles(f); // --source/--english: attached after the import
      // Checked before the import, so a wrong parallel file leaves no document behind.
      for (const p of parallel) readInputFile(p.file, MAX_IMPORT_BYTES, (mb) => `${p.file} is ${mb} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`);
      const variant = f.variant;
      if (variant !== undefined && !['t', 'tw', 'hk'].includes(String(variant))) throw new UsageError(`--variant must be t, tw or hk, got "${String(variant)}".`);
      // on a terminal (text output), a progress bar of the import's stages (cli/progress.ts); piped or JSON, nothing
      const bar = progressOn();
      const label = `importing ${basename(file)}`;
      const importer = json || !bar.shown ? api : contractCaller(service, { ...caller, progress: (p) => bar.update(`${label}: ${p.stage}`, p.done, p.total) });
      let r: ResultOf<'importDocument'>;
      try {
        r = importer.call('importDocument', {
          fileName: basename(file),
          data: bytes, // in-process: the bytes themselves, no base64 round trip
          encoding,
          variant: variant as 't' | 'tw' | 'hk' | undefined,
          projectName: f.project as string | undefined,
          title: f.title as string | undefined,
        });
      } finally {
        bar.end();
      }
      if (parallel.length) attachFiles(api, r.documentId, parallel);
      // Piped (or --format json): the JSON result, as scripts expect; in text mode stderr says which
      // encoding was used and how sure detection is. On a terminal (or --format text): one line.
      if (json) {
        process.stdout.write(JSON.stringify(r) + '\n');
        if (f.format !== 'json') process.stderr.write(`jiaodui: ${basename(file)}: encoding ${encodingLabel(r.encoding)} (${r.encodingDetected ? `detected, confidence ${r.encodingConfidence}` : 'as chosen'}), ${plural(r.segments, 'segment')}\n`);
      } else {
        const title = call('getDocument', { documentId: r.documentId }).title;
        process.stdout.write(importLine(title, { ...r, encodingLabel: encodingLabel(r.encoding) }, parallel.map((p) => (p.kind === 'source' ? 'the source' : 'the English'))));
      }
      return 0;
    }
    case 'list': {
      const docs = call('listDocuments', {});
      print(json, docs, () =>
        formatTable(
          ['ID', 'PROJECT', 'TITLE', 'SEGMENTS', 'APPROVED', 'DATE'],
          docs.map((d) => [d.id, d.projectName, d.title, d.progress.total, d.progress.approved, d.date ?? '']),
        ),
      );
      return 0;
    }
    case 'show': {
      const documentId = parseId(args[0], 'DOC');
      const document = call('getDocument', { documentId });
      const segments = call('getSegments', { documentId });
      const title = `# ${document.title} (${document.projectName}, ${document.encoding}, ${document.script}/${document.variant})`;
      print(json, { document, segments }, () =>
        `${fit === 'full' ? title : clip(title, fit)}\n` +
        formatTable(
          ['#', 'ID', 'STATUS', 'SPEAKER', 'TEXT', 'SIMPLIFIED', ...(segments.some((s) => s.source != null) ? ['SOURCE'] : []), ...(segments.some((s) => s.english != null) ? ['ENGLISH'] : [])],
          segments.map((s) => [
            s.index + 1,
            s.id,
            s.furniture ? `furniture:${s.furniture}` : s.status,
            s.speaker ?? '',
            s.text,
            s.rendering,
            // parallel texts (cli/attach.ts), when the document has them
            ...(segments.some((x) => x.source != null) ? [s.source ?? ''] : []),
            ...(segments.some((x) => x.english != null) ? [s.english?.text ?? ''] : []),
          ]),
          48,
          fit,
        ),
      );
      return 0;
    }
    case 'edit': {
      const documentId = parseId(args[0], 'DOC');
      const segmentId = parseId(args[1], 'SEGMENT');
      if (typeof f.text !== 'string') throw new UsageError('Missing --text: jiaodui edit DOC SEGMENT --text "…".');
      const seg = call('getSegments', { documentId }).find((s) => s.id === segmentId);
      if (!seg) throw new JiaoduiError('not-found', `Document ${documentId} has no segment ${segmentId}.`);
      // --if-text: an expected-value compare inside the write transaction (refused: exit 4)
      const r = call('editSegment', { segmentId, text: f.text, ...(typeof f['if-text'] === 'string' ? { ifText: f['if-text'] } : {}) });
      print(json, r, () => (r.operationId ? `Segment ${segmentId} corrected (operation ${r.operationId}).\n` : `Segment ${segmentId} unchanged.\n`));
      return 0;
    }
    case 'undo':
    case 'redo': {
      const documentId = parseId(args[0], 'DOC');
      const doc = call('getDocument', { documentId });
      const r = call(command, { projectId: doc.projectId });
      print(json, r, () => `${command === 'undo' ? 'Undone' : 'Redone'}: ${plural(r.segments.length, 'segment')} changed.\n`);
      return 0;
    }
    case 'export':
      return runExport(api, args, f);
    case 'import-xliff':
      return runImportXliff(api, args, json);
    case 'search': {
      const query = args.join(' ');
      const hits = call('search', { query });
      print(json, hits, () =>
        hits.length ? formatTable(['DOC', 'SEGMENT', '#', 'TEXT'], hits.map((h) => [h.documentId, h.segmentId, h.index + 1, h.text])) : `No matches for "${query}".\n`,
      );
      return 0;
    }
    case 'check': {
      if (f.project !== undefined) {
        if (args.length || f.rules !== undefined) throw new UsageError('check --project NAME|ID takes no DOC and no --rules: it runs every rule on every document of the project.');
        const o = checkProject(api, String(f.project));
        print(json, o, () => formatProjectFindings(o, fit));
        return projectExitCode(o);
      }
      const documentId = parseId(args[0], 'DOC or FILE');
      const rows = checkDocument(api, documentId, parseRules(typeof f.rules === 'string' ? f.rules : undefined));
      print(json, rows, () => formatFindings(rows, fit));
      return rows.some((r) => r.severity === 'error') ? 1 : 0;
    }
    case 'replace':
      return runReplace(api, args, f, json);
    case 'glossary':
      return runGlossary(api, args, f, json);
    case 'claims':
      return runClaims(api, args, f);
    case 'apply-glossary':
      return runApplyGlossary(api, args, f, json);
    case 'backup':
      return runBackup(service, args, json);
    case 'attach':
      return runAttach(api, args, f, json);
    case 'translate':
      return runTranslate(service, api, args, f, json);
    case 'users':
      return runUsers(api, args, f, json);
    case 'project':
      return runProject(api, args, f, json);
    case 'push':
      return runPush(api, args, f, json, connectionsFileFor(dbPathFor(typeof f.db === 'string' ? f.db : undefined)));
    case 'pull':
      return runPull(api, args, f, json, connectionsFileFor(dbPathFor(typeof f.db === 'string' ? f.db : undefined)));
  }
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
  },
  (e: unknown) => {
    if (reportUserError(e)) {
      // one line, exit 2 (cli/usage.ts)
    } else if (describePathError(e)) {
      // A path the user gave that no command-specific check caught: still their input.
      process.stderr.write(`jiaodui: ${describePathError(e)}\n`);
      process.exitCode = 2;
    } else if (looksCorrupt(e)) {
      process.stderr.write(`jiaodui: the database is damaged (${(e as Error).message}). Run \`jiaodui recover\` to see its backups and open one or start anew.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`jiaodui: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 3;
    }
  },
);
