/** `jiaodui attach DOC --source FILE | --english FILE`, and `import FILE --source … --english …`. */
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, parseEncodingName } from '../shared/text/encoding';
import type { ContractCaller } from './call';
import { parseId, UsageError } from './args';
import { readInputFile } from '../core/files';
import { plural } from './output';

type Flags = Record<string, string | boolean | undefined>;

function readFile(file: string): Uint8Array {
  return new Uint8Array(readInputFile(file, MAX_IMPORT_BYTES, (mb) => `${file} is ${mb} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`));
}

/** The parallel files named by --source/--english (each at most once). */
export function parallelFiles(f: Flags): { kind: 'source' | 'english'; file: string }[] {
  const out: { kind: 'source' | 'english'; file: string }[] = [];
  for (const kind of ['source', 'english'] as const) {
    const v = f[kind];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !v) throw new UsageError(`--${kind} needs a FILE.`);
    out.push({ kind, file: v });
  }
  return out;
}

/** Attach each file; the encoding of the parallel files is detected unless --encoding is given for `attach`. */
export function attachFiles(api: ContractCaller, documentId: number, files: { kind: 'source' | 'english'; file: string }[], encoding?: string) {
  // read everything first: a missing file changes nothing
  const data = files.map((x) => ({ ...x, bytes: readFile(x.file) }));
  return data.map((x) =>
    api.call('attachParallelText', {
      documentId,
      kind: x.kind,
      fileName: basename(x.file),
      data: Buffer.from(x.bytes).toString('base64'),
      ...(encoding ? { encoding: parseEncodingName(encoding) } : {}),
    }),
  );
}

export function runAttach(api: ContractCaller, args: string[], f: Flags, json: boolean): number {
  const documentId = parseId(args[0], 'DOC');
  const files = parallelFiles(f);
  if (files.length !== 1) throw new UsageError('Give exactly one of --source FILE or --english FILE: jiaodui attach DOC --english FILE.');
  api.call('getDocument', { documentId });
  const [r] = attachFiles(api, documentId, files, typeof f.encoding === 'string' ? f.encoding : undefined);
  const { guess: _g, ...info } = r;
  process.stdout.write(
    json
      ? JSON.stringify(info, null, 2) + '\n'
      : `Attached ${r.kind === 'english' ? 'the English rendering' : 'the original source'} ${r.fileName ?? ''} (${r.encoding}) to document ${documentId}: ${plural(r.sentences, 'sentence')}, ${r.aligned} of ${plural(r.segments, 'segment')} aligned (${r.method}).\n`,
  );
  return 0;
}
