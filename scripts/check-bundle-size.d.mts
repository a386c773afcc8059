export declare const INITIAL_JS_LIMIT_KB: number;
export declare function initialScripts(html: string): string[];
export declare function measureInitialJs(dir: string): { files: { src: string; bytes: number }[]; total: number };
