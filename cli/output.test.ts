import { describe, expect, it } from 'vitest';
import { applyGlossaryLine, glossaryExportLine, glossaryImportLine, importLine, JSON_BY_DEFAULT, printsJson } from './output';
import { COMMANDS } from './usage';

describe('the TTY / JSON rule (cli/output.ts)', () => {
  it('JSON-by-default commands: JSON when piped, readable on a terminal; --format forces either', () => {
    for (const c of JSON_BY_DEFAULT) {
      expect(COMMANDS).toContain(c);
      expect(printsJson(c, undefined, false)).toBe(true);
      expect(printsJson(c, undefined, true)).toBe(false);
      expect(printsJson(c, 'json', true)).toBe(true);
      expect(printsJson(c, 'text', false)).toBe(false);
      expect(printsJson(c, 'txt', false)).toBe(false);
    }
  });
  it('other commands: readable unless --format json, terminal or not', () => {
    for (const c of ['list', 'show', 'check', 'search', 'users']) {
      expect(printsJson(c, undefined, false)).toBe(false);
      expect(printsJson(c, undefined, true)).toBe(false);
      expect(printsJson(c, 'json', true)).toBe(true);
      expect(printsJson(c, 'json', false)).toBe(true);
    }
    expect(printsJson('export', 'report-json', false)).toBe(false); // a file format, not the JSON output
  });
});

describe('readable lines', () => {
  const r = { documentId: 3, segments: 119, encodingLabel: 'UTF-8', encodingConfidence: 'certain' as const, script: 'hant' as const, variant: 't' };
  it('import', () => {
    expect(importLine('商湯業績', r)).toBe('Imported "商湯業績" — 119 segments, UTF-8, Traditional (t) → document 3\n');
    expect(importLine('x', { ...r, segments: 1, script: 'hans', encodingConfidence: 'low', encodingLabel: 'GB18030' }, ['the English'])).toBe(
      'Imported "x" — 1 segment, GB18030 (a guess: check the text, or give --encoding), Simplified → document 3; the English attached\n',
    );
  });
  it('glossary import and export, apply-glossary', () => {
    const w = { scope: 'document' as const, projectId: 1, documentId: 3, file: 'names.csv' };
    expect(glossaryImportLine({ ...w, added: 4, updated: 1, unchanged: 0, rerendered: 1 })).toBe("names.csv → document 3's glossary: 4 added, 1 updated, 0 unchanged; 1 segment re-rendered\n");
    expect(glossaryExportLine({ ...w, scope: 'project', documentId: null, format: 'tbx', entries: 1, bytes: 210 })).toBe("project 1's glossary → names.csv: 1 entry (TBX, 210 bytes)\n");
    const a = { operationId: 9, scope: 'project' as const, segmentsChanged: 2, documents: 2, replacements: 3, approvedReset: 1 };
    expect(applyGlossaryLine(3, a)).toBe("Replaced 3 forbidden variants in 2 segments in 2 documents; 1 approved segment back to edited (operation 9; 'jiaodui undo 3' reverts).\n");
    expect(applyGlossaryLine(3, { ...a, scope: 'document', operationId: null, segmentsChanged: 0 })).toBe('No forbidden variants in document 3; nothing changed.\n');
  });
});
