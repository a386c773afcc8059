import { describe, expect, it } from 'vitest';
import { RevisionField } from '../../shared/domain/schemas';
import { FIELD_APPLIERS } from './fields';

describe('field appliers', () => {
  it('cover every revision field, so writing and undo/redo never fall through', () => {
    expect(Object.keys(FIELD_APPLIERS).sort()).toEqual([...RevisionField.options].sort());
  });

  it('say which segments a replayed structure shows and hides', () => {
    const value = JSON.stringify({ live: [4, 5], retired: [3] });
    expect(FIELD_APPLIERS.structure.affects?.(3, value)).toEqual({ touched: [4, 5], removed: [3] });
    expect(FIELD_APPLIERS.zh.affects).toBeUndefined();
  });
});
