import { describe, expect, it } from 'vitest';
import { NOTICE_GAP, noticeInset, rowUnderNotices } from './notice-inset';

describe('noticeInset', () => {
  it('is nothing without notices', () => {
    expect(noticeInset(0, 12)).toBe(0);
  });
  it('is the stack, its distance from the bottom and a gap', () => {
    expect(noticeInset(58.4, 12)).toBe(Math.ceil(58.4 + 12 + NOTICE_GAP));
  });
});

describe('rowUnderNotices', () => {
  const view = { top: 1000, height: 500 }; // rows 1000–1500 shown
  it('a row whose lower part reaches into the inset is under the notices', () => {
    expect(rowUnderNotices({ start: 1400, end: 1480 }, view, 90)).toBe(true);
    expect(rowUnderNotices({ start: 1450, end: 1560 }, view, 90)).toBe(true);
  });
  it('a row above the inset is not', () => {
    expect(rowUnderNotices({ start: 1300, end: 1410 }, view, 90)).toBe(false);
  });
  it('a row out of view is left alone (the reading place stays)', () => {
    expect(rowUnderNotices({ start: 200, end: 260 }, view, 90)).toBe(false);
    expect(rowUnderNotices({ start: 1500, end: 1560 }, view, 90)).toBe(false);
  });
  it('nothing is under notices that are not there', () => {
    expect(rowUnderNotices({ start: 1450, end: 1500 }, view, 0)).toBe(false);
  });
});
