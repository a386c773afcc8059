import { describe, expect, it } from 'vitest';
import { apiSchema, methodNames } from './api';
import { METHOD_NAMES } from './methods';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

describe('METHOD_NAMES (the zod-free method list)', () => {
  it('equals Object.keys(apiSchema), in order', () => {
    expect([...METHOD_NAMES]).toEqual(Object.keys(apiSchema));
    expect([...METHOD_NAMES]).toEqual(methodNames);
  });

  it('has no runtime import (so it pulls neither zod nor the schemas into a bundle)', () => {
    const src = readFileSync(fileURLToPath(new URL('./methods.ts', import.meta.url)), 'utf8');
    const imports = src.match(/^import .*$/gm) ?? [];
    expect(imports.every((l) => l.startsWith('import type '))).toBe(true);
  });
});
