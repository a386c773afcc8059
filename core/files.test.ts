import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './test-helpers';
import { checkOutputPath, describePathError, readInputFile, writeOutputFile } from './files';

const tooLarge = (mb: string) => `too large: ${mb} MB`;

describe('core/files: wrong paths are input errors naming the path', () => {
  it('readInputFile: missing, a folder, too large; a good file is read', () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'a.txt');
      writeFileSync(file, '一二三');
      expect(readInputFile(file, 100, tooLarge).toString('utf8')).toBe('一二三');
      expect(() => readInputFile(join(t.dir, 'none.txt'), 100, tooLarge)).toThrow(expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(/Cannot read .*none\.txt: no such file/) }));
      expect(() => readInputFile(t.dir, 100, tooLarge)).toThrow(expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(/it is a folder, not a file/) }));
      expect(() => readInputFile(file, 3, tooLarge)).toThrow(expect.objectContaining({ code: 'import-rejected', message: 'too large: 0.0 MB' }));
    } finally {
      t.cleanup();
    }
  });

  it('checkOutputPath / writeOutputFile: a missing folder, a folder as the file, a file as the folder', () => {
    const t = tempDir();
    try {
      expect(() => checkOutputPath(join(t.dir, 'no', 'x.txt'))).toThrow(/the folder .*no does not exist/);
      mkdirSync(join(t.dir, 'sub'));
      expect(() => writeOutputFile(join(t.dir, 'sub'), 'x')).toThrow(/Cannot write .*sub: it is a folder/);
      writeFileSync(join(t.dir, 'f'), '');
      expect(() => writeOutputFile(join(t.dir, 'f', 'x.txt'), 'x')).toThrow(/Cannot write .*x\.txt: .*f is not a folder/);
      writeOutputFile(join(t.dir, 'ok.txt'), 'ok');
    } finally {
      t.cleanup();
    }
  });

  it('describePathError: only file-system errors that name a path, by own code', () => {
    expect(describePathError(Object.assign(new Error('x'), { code: 'EACCES', path: '/p' }))).toBe('Cannot use /p: permission denied.');
    expect(describePathError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBeNull();
    expect(describePathError(Object.assign(new Error('x'), { code: 'toString', path: '/p' }))).toBeNull();
    expect(describePathError(new Error('boom'))).toBeNull();
    expect(describePathError(null)).toBeNull();
  });
});
