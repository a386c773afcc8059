import { describe, expect, it } from 'vitest';
import { saveLine } from './save-line';

describe('the status bar line of saving', () => {
  it('an editor holding a correction is not "saved"', () => {
    expect(saveLine({ kind: 'saved' }, 14)).toEqual({ kind: 'unsaved', row: 14 });
    expect(saveLine({ kind: 'saved' }, null)).toEqual({ kind: 'saved' });
  });

  it('saving and a failed save are said as they are, open editor or not', () => {
    expect(saveLine({ kind: 'saving' }, 14)).toEqual({ kind: 'saving' });
    expect(saveLine({ kind: 'error', message: 'db busy' }, 14)).toEqual({ kind: 'error', message: 'db busy' });
  });
});
