import type { BuildOptions } from 'esbuild';
export declare const BENCH_ENTRIES: readonly string[];
export declare const BENCH_DIR: string;
export declare const BENCH_EXTERNAL: readonly string[];
export declare function benchOptions(root?: string, outdir?: string): BuildOptions;
export declare function buildBench(root?: string): Promise<string>;
export declare function parseBenchArgs(argv: readonly string[]): { source: boolean; entry: string; rest: string[] };
export declare function benchCommand(args: { source: boolean; entry: string; rest: string[] }, root?: string): [string, string[]];
