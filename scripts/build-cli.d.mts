import type { BuildOptions, Metafile } from 'esbuild';
/** Packages the bundle loads from node_modules; every other package it uses is bundled. */
export declare const EXTERNAL_PACKAGES: readonly string[];
export declare function cliOptions(root?: string, outdir?: string): BuildOptions;
export declare function buildCli(opts?: { root?: string }): Promise<{ entry: string; inputs: string[]; metafile: Metafile }>;
export declare function buildCliIfStale(opts?: { root?: string }): Promise<boolean>;
