/**
 * Where a worker thread's code comes from, for every worker of core/ (the gloss cache builder,
 * the offload lanes): the configured built file (Electron's bundle), else
 * the file a CLI bundle names through a global its banner sets (scripts/build-cli.mjs), else a
 * built worker beside the module that starts it (a bundle emits core/<name>.ts as one of
 * `<name>.mjs|.cjs|.js`), else in source the sibling .ts file, loaded through tsx's API from a
 * small eval'd bootstrap (Node 20 does not apply `--import tsx` to a worker's own entry file).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerSource {
  code: string | URL;
  eval: boolean;
}

/**
 * `name`: the worker's module name without extension ('offload-worker'); `here`: the directory of
 * the module starting it; `bundledGlobal`: the global a CLI bundle sets to its build's URL.
 */
export function workerSource(name: string, here: string, opts: { configured?: string; bundledGlobal?: string } = {}): WorkerSource {
  const bundled = opts.bundledGlobal ? (globalThis as Record<string, unknown>)[opts.bundledGlobal] : undefined;
  const bundledFile = typeof bundled === 'string' ? fileURLToPath(bundled) : undefined;
  const built =
    opts.configured ??
    (bundledFile && existsSync(bundledFile) ? bundledFile : undefined) ??
    ['.mjs', '.cjs', '.js'].map((ext) => join(here, name + ext)).find((f) => existsSync(f));
  if (built) return { code: pathToFileURL(built), eval: false };
  const url = pathToFileURL(join(here, `${name}.ts`)).href;
  return { code: `import('tsx/esm/api').then((t) => t.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`, eval: true };
}
