export declare function newestMtime(path: string): number;
export declare function rendererIsStale(root?: string): boolean;
export declare function serveArgs(args: readonly string[]): string[];
export declare function freshCliBundle(build?: () => Promise<boolean>, out?: { write(s: string): unknown }): Promise<boolean>;
