import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';

describe('commands', () => {
  it('have unique ids and no two share a shortcut', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const accs = COMMANDS.flatMap((c) => ('accelerator' in c && c.accelerator ? [c.accelerator.toLowerCase()] : []));
    expect(accs.filter((a, i) => accs.indexOf(a) !== i)).toEqual([]);
  });

  it('look up the word at the caret from the keyboard (Alt+D), in the Segment menu', () => {
    expect(COMMANDS.find((c) => c.id === 'segment.lookup')).toMatchObject({ menu: 'segment', accelerator: 'Alt+D' });
  });
});
