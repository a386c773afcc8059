import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/methods';
import { FEATURES, HANDLERS } from './index';
import { useFreshService } from '../test-helpers';

describe('feature handler tables', () => {
  it('serve every contract method exactly once, and nothing else', () => {
    const handled = Object.values(FEATURES).flatMap((table) => Object.keys(table));
    const counts = new Map<string, number>();
    for (const m of handled) counts.set(m, (counts.get(m) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...handled].sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  const fresh = useFreshService();
  it('are what the service calls for each method', () => {
    for (const m of METHOD_NAMES) expect(typeof fresh.service[m], m).toBe('function');
  });
});
