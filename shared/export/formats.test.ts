import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFormatOptions, furnitureByDefault } from './formats';

describe('page furniture by default', () => {
  it('reading copies (md, html, docx) leave it out; txt and the tables keep it', () => {
    expect(EXPORT_FORMATS.filter((f) => exportFormatOptions(f).furniture && !furnitureByDefault(f))).toEqual(['md', 'html', 'docx']);
    for (const f of ['txt', 'csv', 'docx-bilingual'] as const) expect(furnitureByDefault(f), f).toBe(true);
  });
});
