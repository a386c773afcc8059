import type { BuildOptions, BuildResult } from 'esbuild';
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare function mainOptions(root?: string, opts?: { production?: boolean }): BuildOptions;
export declare function glossWorkerOptions(root?: string, opts?: { production?: boolean }): BuildOptions;
export declare function offloadWorkerOptions(root?: string, opts?: { production?: boolean }): BuildOptions;
export declare function preloadOptions(root?: string, opts?: { production?: boolean }): BuildOptions;
export declare function requiredModules(code: string): string[];
export declare function buildElectron(opts?: { root?: string; production?: boolean }): Promise<{
  main: BuildResult<{ metafile: true }>;
  preload: BuildResult<{ metafile: true }>;
  outDir: string;
}>;
