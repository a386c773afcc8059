/**
 * Reading the files a command is given and writing the files it is asked to write.
 * A path that is wrong (missing, a folder, not readable, in a folder that does not exist)
 * is the user's input, not a fault of the app: an 'invalid-input' error naming the path
 * (the CLI prints one line and exits 2), never "internal error" (exit 3).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { em, errPart, formatErrorMessage, type KeyedMessage } from '../shared/error-messages';
import { JiaoduiError } from '../shared/errors';

/** An error in the user's input (the CLI's exit 2). */
class PathError extends JiaoduiError {
  constructor(message: KeyedMessage) {
    super('invalid-input', message);
  }
}

/** The file-system error codes that mean "this path cannot be used as given" (each worded by `path.CODE`, shared/error-messages.ts). */
const PATH_ERRORS = ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'ELOOP'] as const;
type PathErrorCode = (typeof PATH_ERRORS)[number];
const isPathErrorCode = (code: unknown): code is PathErrorCode => (PATH_ERRORS as readonly unknown[]).includes(code);

/** An input error for a file-system error on a path the user gave; null for other errors. */
export function pathError(e: unknown, verb: 'read' | 'write', file: string): PathError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (!isPathErrorCode(code)) return null;
  return new PathError(em(verb === 'read' ? 'path.read' : 'path.write', { file, problem: [errPart(`path.${code}`)] }));
}

/**
 * For the CLI's last resort: a file-system error that names its path (a path the user
 * gave that no check above caught) in one line, or null when `e` is something else.
 */
export function describePathError(e: unknown): string | null {
  const err = e as NodeJS.ErrnoException | null;
  if (!isPathErrorCode(err?.code) || typeof err.path !== 'string') return null;
  return `Cannot use ${err.path}: ${formatErrorMessage(errPart(`path.${err.code}`))}.`;
}

/**
 * The bytes of an input file, after checking it is a readable file of at most `limitBytes`
 * (`tooLarge` words the refusal; its size is passed in MB).
 */
export function readInputFile(file: string, limitBytes: number, tooLarge: (sizeMb: string) => string): Buffer {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new PathError(em('path.read-folder', { file }));
    size = st.size;
  } catch (e) {
    throw pathError(e, 'read', file) ?? e;
  }
  if (size > limitBytes) throw new JiaoduiError('import-rejected', tooLarge((size / 1048576).toFixed(1)));
  try {
    return readFileSync(file);
  } catch (e) {
    throw pathError(e, 'read', file) ?? e;
  }
}

/** Throw an input error unless `file` could be created: its folder exists and it is not a folder itself. */
export function checkOutputPath(file: string): void {
  const folder = dirname(file);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new PathError(em('path.no-folder', { file, folder }));
    throw pathError(e, 'write', file) ?? e;
  }
  if (!isFolder) throw new PathError(em('path.not-folder', { file, folder }));
  try {
    if (statSync(file).isDirectory()) throw new PathError(em('path.is-folder', { file }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw pathError(e, 'write', file) ?? e;
  }
}

/** writeFileSync, with a wrong path reported as the user's input error. */
export function writeOutputFile(file: string, content: string | Uint8Array, encoding?: BufferEncoding): void {
  checkOutputPath(file);
  try {
    writeFileSync(file, content, encoding);
  } catch (e) {
    throw pathError(e, 'write', file) ?? e;
  }
}
