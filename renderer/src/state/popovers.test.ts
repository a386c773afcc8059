import { describe, expect, it } from 'vitest';
import { visiblePopovers } from './popovers';

describe('visiblePopovers', () => {
  it('a selection shows the label bar, never with a hover gloss', () => {
    expect(visiblePopovers({ label: true, commenting: false, gloss: 'hover' })).toEqual({ label: true, gloss: false });
    expect(visiblePopovers({ label: true, commenting: false, gloss: 'none' })).toEqual({ label: true, gloss: false });
  });
  it('without a selection the gloss shows on hover or Alt+D', () => {
    expect(visiblePopovers({ label: false, commenting: false, gloss: 'hover' })).toEqual({ label: false, gloss: true });
    expect(visiblePopovers({ label: false, commenting: false, gloss: 'keyboard' })).toEqual({ label: false, gloss: true });
    expect(visiblePopovers({ label: false, commenting: false, gloss: 'none' })).toEqual({ label: false, gloss: false });
  });
  it('Alt+D on a selection shows the gloss instead of the label bar; the comment box always wins', () => {
    expect(visiblePopovers({ label: true, commenting: false, gloss: 'keyboard' })).toEqual({ label: false, gloss: true });
    expect(visiblePopovers({ label: true, commenting: true, gloss: 'keyboard' })).toEqual({ label: true, gloss: false });
  });
  it('never both', () => {
    for (const label of [true, false])
      for (const commenting of [true, false])
        for (const gloss of ['none', 'hover', 'keyboard'] as const) {
          const v = visiblePopovers({ label, commenting, gloss });
          expect(v.label && v.gloss).toBe(false);
        }
  });
});
