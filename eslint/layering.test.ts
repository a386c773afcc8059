/**
 * The layering rule bites: ESLint's Node API on small snippets at virtual paths, with the
 * project's own config (type-aware parsing switched off: the paths do not exist on disk).
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'layering/imports').map((m) => m.message);
}

describe('layering/imports', () => {
  it.each([
    ['core/x.ts', "import Database from 'better-sqlite3';", /better-sqlite3 is imported only in db\//],
    ['cli/x.ts', "const D = require('better-sqlite3');", /better-sqlite3/],
    ['shared/text/x.ts', "import { readFileSync } from 'node:fs';", /no Node builtin \(node:fs\)/],
    ['shared/x.ts', "import { join } from 'path';", /no Node builtin \(path\)/],
    ['shared/x.ts', "export * from 'node:os';", /no Node builtin/],
    ['core/x.ts', "import { app } from 'electron';", /electron is imported only in electron\//],
    ['renderer/src/components/X.tsx', "import { app } from 'electron';", /electron/],
    ['renderer/src/components/X.tsx', "import { createService } from '../../../core/service';", /only through shared\/contract/],
    ['renderer/src/X.tsx', "import { openDb } from '../../db/connection';", /only through shared\/contract/],
    ['renderer/src/components/X.tsx', "import { runChecks } from '../../../shared/checks';", /presentation helpers/],
    ['renderer/src/state/x.ts', "const m = await import('../../../shared/text/convert');", /presentation helpers/],
    ['renderer/src/components/X.tsx', "import { Segment } from '../../../shared/domain/schemas';", /only types from shared\/domain\/schemas/],
    ['renderer/src/X.ts', "import { readFileSync } from 'node:fs';", /no Node builtin/],
    ['core/features/x.ts', "import * as segq from '../../db/queries/segments';", /db\/queries is used only through the store \(core\/store\/\): ask the store, not db\/queries\/segments/],
    ['core/x.ts', "import type { SegmentRow } from '../db/queries/segments';", /only through the store/],
    ['core/operations/x.ts', "export { toPublic } from '../../db/queries/segments';", /only through the store/],
    ['cli/x.ts', "import { listProjects } from '../db/queries/projects';", /only through the store/],
    ['electron/x.ts', "const q = await import('../db/queries/settings');", /only through the store/],
  ])('%s: %s is reported', async (path, code, message) => {
    const errors = await layeringErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['db/x.ts', "import Database from 'better-sqlite3';"],
    ['electron/main.ts', "import { app } from 'electron';"],
    ['core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/components/X.tsx', "import type { Segment } from '../../../shared/domain/schemas';"],
    ['renderer/src/components/X.tsx', "import { type Segment, type Document } from '../../../shared/domain/schemas';"],
    ['renderer/src/X.ts', "import { makeNamedClient } from '../../shared/contract/client';"],
    ['renderer/src/components/X.tsx', "import { charDiff } from '../../../shared/text/diff';"],
    ['renderer/src/components/X.tsx', "import { Row } from './Row';"],
    ['core/store/segments.ts', "import * as segq from '../../db/queries/segments';"],
    ['db/queries/x.ts', "import type { Db } from '../connection';"],
    ['db/digest.ts', "import { listProjects } from './queries/projects';"],
    ['core/x.ts', "import { openDatabase } from '../db/connection';"],
    // tests and bench may reach across
    ['core/x.test.ts', "import Database from 'better-sqlite3';"],
    ['renderer/src/x.test.ts', "import { runChecks } from '../../shared/checks';"],
    ['bench/x.ts', "import Database from 'better-sqlite3';"],
    ['core/x.test.ts', "import * as segq from '../db/queries/segments';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await layeringErrors(path, code)).toEqual([]);
  });
});
