import { describe, expect, it } from 'vitest';
import { STORE_PARTS } from '.';
import { openDatabase } from '../../db/connection';

describe('the store', () => {
  it('assembles parts whose method names do not overlap (a later part would hide an earlier one)', async () => {
    const { db } = await openDatabase(':memory:');
    const seen = new Map<string, string>();
    for (const [name, part] of Object.entries(STORE_PARTS)) {
      for (const method of Object.keys(part(db))) {
        expect(seen.get(method), `${method} is in ${seen.get(method)} and ${name}`).toBeUndefined();
        seen.set(method, name);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    db.close();
  });
});
