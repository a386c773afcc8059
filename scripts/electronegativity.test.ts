import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareFindings, JUSTIFIED_FILE, toFindings, validateJustified, type ElectronegativityFinding } from './electronegativity.mjs';

const finding = (check: string, file: string, line = 1): ElectronegativityFinding => ({
  check,
  file,
  line,
  column: 0,
  severity: 'HIGH',
  confidence: 'FIRM',
  sample: '',
  description: '',
});

describe('electronegativity findings vs the justified list', () => {
  it('a justification covers every finding of its check in its file, whatever the line', () => {
    const r = compareFindings(
      [finding('CONTEXT_ISOLATION_JS_CHECK', 'main.ts', 10), finding('CONTEXT_ISOLATION_JS_CHECK', 'main.ts', 99)],
      [{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main.ts', reason: 'set in security.ts' }],
    );
    expect(r.unjustified).toEqual([]);
    expect(r.justifiedCount).toBe(2);
    expect(r.stale).toEqual([]);
  });

  it('a new check, or a known check in another file, is unjustified (the run fails)', () => {
    const r = compareFindings(
      [finding('NODE_INTEGRATION_JS_CHECK', 'main.ts'), finding('SANDBOX_JS_CHECK', 'preload.ts'), finding('SANDBOX_JS_CHECK', 'main.ts')],
      [{ check: 'SANDBOX_JS_CHECK', file: 'main.ts', reason: 'r' }],
    );
    expect(r.unjustified.map((f) => `${f.check} ${f.file}`)).toEqual(['NODE_INTEGRATION_JS_CHECK main.ts', 'SANDBOX_JS_CHECK preload.ts']);
  });

  it('check ids match case-insensitively and paths with either slash; unused justifications are reported as stale', () => {
    const r = compareFindings([finding('sandbox_js_check', 'sub\\main.ts')], [
      { check: 'SANDBOX_JS_CHECK', file: 'sub/main.ts', reason: 'r' },
      { check: 'AUXCLICK_JS_CHECK', file: 'main.ts', reason: 'r' },
    ]);
    expect(r.unjustified).toEqual([]);
    expect(r.stale.map((s) => s.check)).toEqual(['AUXCLICK_JS_CHECK']);
  });

  it('every entry needs a check, a file and a reason', () => {
    expect(() => validateJustified({})).toThrow(/array/);
    expect(() => validateJustified([{ check: 'X', file: 'main.ts', reason: ' ' }])).toThrow(/reason/);
    expect(validateJustified([{ check: 'X', file: 'main.ts', reason: 'because' }])).toHaveLength(1);
  });

  it('the committed list is valid', () => {
    expect(validateJustified(JSON.parse(readFileSync(JUSTIFIED_FILE, 'utf8'))).length).toBeGreaterThan(0);
  });

  it("turns electronegativity's issue objects into plain findings", () => {
    const [f] = toFindings([{ id: 'SANDBOX_JS_CHECK', file: 'main.ts', location: { line: 3, column: 4 }, severity: { name: 'MEDIUM' }, confidence: { name: 'FIRM' }, sample: 'new BrowserWindow({', description: 'd' }]);
    expect(f).toEqual({ check: 'SANDBOX_JS_CHECK', file: 'main.ts', line: 3, column: 4, severity: 'MEDIUM', confidence: 'FIRM', sample: 'new BrowserWindow({', description: 'd' });
  });
});
