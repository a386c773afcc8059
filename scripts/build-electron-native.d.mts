export declare const ROOT: string;
export declare const OUT_FILE: string;
export interface NativeStamp {
  electron: string | null;
  betterSqlite3: string | null;
  platform: string;
  arch: string;
}
export declare function isNetworkFailure(output: string): boolean;
export declare function wantedStamp(root?: string): NativeStamp;
export declare function isUpToDate(stamp: unknown, wanted: NativeStamp): boolean;
export declare function cleanBuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function buildElectronNative(opts?: { root?: string; force?: boolean; strict?: boolean; nodedir?: string | null; log?: (line: string) => void }): number;
