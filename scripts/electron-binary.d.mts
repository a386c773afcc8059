export declare const ROOT: string;
export declare const ELECTRON_PACKAGE_DIR: string;
export type ElectronBinaryStatus =
  | { present: true; executablePath: string }
  | { present: false; executablePath: null; reason: string };
export declare function electronBinaryStatus(electronDir?: string, env?: Record<string, string | undefined>): ElectronBinaryStatus;
