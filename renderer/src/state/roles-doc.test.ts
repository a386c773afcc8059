import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/contract/api';
import { METHOD_ROLES, requiredRole } from '../../../shared/contract/roles';
import { actionsTable, DECIDING_ARGS, methodsTable, rolesDoc, ROLES_DOC_END, ROLES_DOC_START } from './roles-doc';

describe("README's What the roles may do", () => {
  it('is the table generated from the roles table (paste the expected text on a difference)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf(ROLES_DOC_START);
    const end = readme.indexOf(ROLES_DOC_END);
    expect(start, 'README has the generated roles table').toBeGreaterThan(0);
    expect(readme.slice(start, end + ROLES_DOC_END.length)).toBe(rolesDoc());
  });

  it('names the arguments of every method whose role they decide, and they do raise it', () => {
    const byArgs = (Object.keys(METHOD_ROLES) as MethodName[]).filter((m) => typeof METHOD_ROLES[m] === 'function');
    expect(byArgs.filter((m) => !DECIDING_ARGS[m])).toEqual([]);
    for (const m of byArgs) expect(requiredRole(m, DECIDING_ARGS[m]!.args as never), m).not.toBe(requiredRole(m, {} as never));
  });

  it('lists every method once, and the app actions by role', () => {
    const listed = [...methodsTable().matchAll(/`(\w+)`/g)].map((x) => x[1]);
    expect(listed.sort()).toEqual(Object.keys(METHOD_ROLES).sort());
    expect(actionsTable()).toContain('| publish claims | — | ✓ | ✓ |');
    expect(actionsTable()).toContain('| empty the Trash | — | — | ✓ |');
  });
});
