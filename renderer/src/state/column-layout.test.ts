import { describe, expect, it } from 'vitest';
import { layoutColumns, nextColumnMode, parseColumnMode, parseThirdChoice, thirdColumnMode, type LayoutInput } from './column-layout';

const none = { source: false, english: false };
const english = { source: false, english: true };
const both = { source: true, english: true };
const base: LayoutInput = { width: 1160, zoom: 1, second: 'hans', third: 'auto', attached: english, speakers: true };

describe('thirdColumnMode', () => {
  it('auto: Simplified when the second column is not, else the English, else the source — parallel texts only once attached', () => {
    expect(thirdColumnMode('english', 'auto', english)).toBe('hans');
    expect(thirdColumnMode('hans', 'auto', english)).toBe('english');
    expect(thirdColumnMode('hans', 'auto', { source: true, english: false })).toBe('source');
    expect(thirdColumnMode('hans', 'auto', none)).toBeNull();
    expect(thirdColumnMode('source', 'auto', none)).toBe('hans');
  });
  it('an explicit choice wins unless it is the second column itself; off is off', () => {
    expect(thirdColumnMode('hans', 'source', both)).toBe('source');
    expect(thirdColumnMode('hans', 'hans', both)).toBe('english');
    expect(thirdColumnMode('hans', 'off', both)).toBeNull();
    // chosen before its text was attached: shown (empty cells say so), the reviewer asked for it
    expect(thirdColumnMode('hans', 'english', none)).toBe('english');
  });
});

describe('layoutColumns', () => {
  it('three text columns when the grid is wide enough (1440 px window with the library open)', () => {
    const l = layoutColumns(base);
    expect(l.parallel).toEqual(['hans', 'english']);
    expect(l.roomForThird).toBe(true);
    expect(l.template).toBe('70px 26px 84px minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr)');
  });
  it('two when it is not (a side panel open), and the third column needs room at the zoom shown', () => {
    expect(layoutColumns({ ...base, width: 800 }).parallel).toEqual(['hans']);
    expect(layoutColumns({ ...base, width: 180 + 750 }).parallel).toEqual(['hans', 'english']);
    expect(layoutColumns({ ...base, width: 180 + 749 }).parallel).toEqual(['hans']);
    expect(layoutColumns({ ...base, zoom: 1.5 }).parallel).toEqual(['hans']);
    // not measured yet: the second column only, no jump of the header on the first frame
    expect(layoutColumns({ ...base, width: 0 }).roomForThird).toBe(false);
  });
  it('the Speaker column collapses without speakers, leaving its room to the text', () => {
    const l = layoutColumns({ ...base, speakers: false, width: 96 + 750 });
    expect(l.speaker).toBe(false);
    expect(l.template).toBe('70px 26px minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr)');
    expect(layoutColumns({ ...base, speakers: true, width: 96 + 750 }).parallel).toEqual(['hans']);
  });
  it('nothing to add: two columns however wide', () => {
    const l = layoutColumns({ ...base, attached: none, width: 3000 });
    expect(l.parallel).toEqual(['hans']);
    expect(l.roomForThird).toBe(true);
    expect(layoutColumns({ ...base, third: 'off', width: 3000 }).parallel).toEqual(['hans']);
  });
});

describe('choices', () => {
  it('Alt+O cycles Simplified → source → English', () => {
    expect(nextColumnMode('hans')).toBe('source');
    expect(nextColumnMode('source')).toBe('english');
    expect(nextColumnMode('english')).toBe('hans');
  });
  it('stored values read back; unknown ones are the default', () => {
    expect(parseColumnMode('english')).toBe('english');
    expect(parseColumnMode(null)).toBe('hans');
    expect(parseColumnMode('x')).toBe('hans');
    expect(parseThirdChoice('off')).toBe('off');
    expect(parseThirdChoice('source')).toBe('source');
    expect(parseThirdChoice(null)).toBe('auto');
    expect(parseThirdChoice('nonsense')).toBe('auto');
  });
});
