import type { BuildOptions, Metafile } from 'esbuild';
export declare function cliOptions(root?: string, outdir?: string): BuildOptions;
export declare function buildCli(opts?: { root?: string }): Promise<{ entry: string; inputs: string[]; metafile: Metafile }>;
export declare function buildCliIfStale(opts?: { root?: string }): Promise<boolean>;
