/** The split the alignment tools offer first follows the shared sentence rule. */
import { describe, expect, it } from 'vitest';
import { defaultSplitAt } from './ParallelCell';

describe('defaultSplitAt', () => {
  it('splits before the second sentence, as the parallel text is cut', () => {
    expect(defaultSplitAt('第一句。第二句。')).toBe(4);
    expect(defaultSplitAt('「引語。」下一句。')).toBe(5); // the closer stays with its sentence
    expect(defaultSplitAt('He met Dr. Smith. Then left.')).toBe(18); // not after an abbreviation
    expect(defaultSplitAt('Growth was 3.5 percent. It rose.')).toBe(24);
  });

  it('without a second sentence, the middle', () => {
    expect(defaultSplitAt('沒有句號的一行')).toBe(3);
  });
});
