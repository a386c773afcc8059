export declare function asciiRegexpsAndComments(code: string): Promise<{ code: string; left: number }>;
export declare function asciiBundleFiles(dir: string): Promise<Record<string, number> | null>;
