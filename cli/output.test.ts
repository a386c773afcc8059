import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { applyGlossaryLine, glossaryExportLine, glossaryImportLine, importLine, JSON_BY_DEFAULT, plural, printsJson } from './output';
import { COMMANDS } from './usage';
import { formatFindings, type CheckRow } from './check';

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

describe('plural: counts in CLI output agree with their number', () => {
  it('is singular for exactly one, plural otherwise (zero too), irregular plurals given', () => {
    expect(plural(1, 'segment')).toBe('1 segment');
    expect(plural(0, 'segment')).toBe('0 segments');
    expect(plural(2, 'segment')).toBe('2 segments');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(1, 'match', 'matches')).toBe('1 match');
    expect(plural(1204, 'revision', undefined, (n) => n.toLocaleString('en-US'))).toBe('1,204 revisions');
  });

  it('no CLI source writes a count as "noun(s)" or with a hand-made plural', () => {
    const dir = new URL('./', import.meta.url);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      expect(src, f).not.toMatch(/\b(segment|document|finding|claim|error|unit|entr(y|ie)|match(e)?|row|session|reviewer|revision|annotation|byte|sentence|term|warning|step|file|backup|candidate|glossar(y|ie))\(s\)/);
      expect(src, f).not.toMatch(/=== 1 \? '' : 's'/);
    }
  });
});

describe('the findings table counts in words that agree with the number', () => {
  const row = (severity: CheckRow['severity']): CheckRow => ({ segmentId: 1, segmentIndex: 0, start: 0, end: 1, text: '裏', fixes: [], rule: 'variant', severity, message: 'm', related: [] });
  it('"1 finding, 1 error." and "2 findings, 0 errors."', () => {
    expect(formatFindings([row('error')], 'full')).toMatch(/\n1 finding, 1 error\.\n$/);
    expect(formatFindings([row('warning'), row('info')], 'full')).toMatch(/\n2 findings, 0 errors\.\n$/);
  });
});
