import { describe, expect, it } from 'vitest';
import { parseStoredJson } from './json';

describe('parseStoredJson', () => {
  it('gives the value of JSON text, null and false included, and undefined for anything else', () => {
    expect(parseStoredJson('{"v":1,"a":[2]}')).toEqual({ v: 1, a: [2] });
    expect(parseStoredJson('null')).toBeNull();
    expect(parseStoredJson('false')).toBe(false);
    expect(parseStoredJson('{"v":1')).toBeUndefined();
    expect(parseStoredJson('')).toBeUndefined();
  });
});
