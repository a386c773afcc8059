/** The sealed corpus has not changed since it was sealed (eval/manifest.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_DIR } from './lib/dataset';
import { compareManifest, hashSealed, type Manifest } from './lib/manifest';

describe('eval manifest', () => {
  it('every sealed file has the hash recorded in eval/manifest.json, and no file was added or removed', () => {
    const manifest = JSON.parse(readFileSync(join(EVAL_DIR, 'manifest.json'), 'utf8')) as Manifest;
    const diff = compareManifest(manifest, hashSealed(EVAL_DIR));
    // a corpus change must be deliberate: npm run eval:generate && npm run eval:seal (eval/README.md)
    expect(diff).toEqual({ changed: [], added: [], removed: [] });
  });

  it('compareManifest reports changed, added and removed files', () => {
    const m: Manifest = { note: '', algorithm: 'sha256', files: { a: '1', b: '2', c: '3' } };
    expect(compareManifest(m, { a: '1', b: 'x', d: '4' })).toEqual({ changed: ['b'], added: ['d'], removed: ['c'] });
    expect(compareManifest(m, { a: '1', b: '2', c: '3' })).toEqual({ changed: [], added: [], removed: [] });
  });
});
