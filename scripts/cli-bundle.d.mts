export declare const ROOT: string;
export declare const BUNDLE_DIR_NAME: string;
export declare const ENTRY_FILE: string;
export declare const MANIFEST_FILE: string;
export declare function bundleEntry(root?: string): string;
export declare function bundleState(root?: string): 'fresh' | 'missing' | 'stale';
