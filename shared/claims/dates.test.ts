import { describe, expect, it } from 'vitest';
import { claimDateHasYear, parseClaimDate, readableClaimDate } from './dates';

describe('claim dates as people read them', () => {
  it('a date without a year: 3月28日（年份不詳） / 28 March (year unknown), never --03-28', () => {
    expect(readableClaimDate('--03-28', 'zh-Hant')).toBe('3月28日（年份不詳）');
    expect(readableClaimDate('--03-28', 'zh-Hans')).toBe('3月28日（年份不详）');
    expect(readableClaimDate('--03-28', 'en')).toBe('28 March (year unknown)');
    for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) expect(readableClaimDate('--03-28', lang)).not.toContain('--');
  });
  it('full dates, months and years', () => {
    expect(readableClaimDate('2023-08-18', 'zh-Hant')).toBe('2023年8月18日');
    expect(readableClaimDate('2023-08-18', 'en')).toBe('18 August 2023');
    expect(readableClaimDate('2023-08', 'en')).toBe('August 2023');
    expect(readableClaimDate('2023-08', 'zh-Hant')).toBe('2023年8月');
    expect(readableClaimDate('2023', 'zh-Hant')).toBe('2023年');
    expect(readableClaimDate('2023')).toBe('2023');
  });
  it('nothing for no date; an impossible or unknown form is shown as stored', () => {
    expect(readableClaimDate(null)).toBe('');
    expect(readableClaimDate('')).toBe('');
    expect(readableClaimDate('--02-30')).toBe('--02-30');
    expect(readableClaimDate('2023-13-01')).toBe('2023-13-01');
    expect(readableClaimDate('112年8月')).toBe('112年8月');
    expect(parseClaimDate('--02-29')).toEqual({ year: null, month: 2, day: 29 }); // a leap day may be meant
    expect(parseClaimDate('2023-02-29')).toBeNull();
  });
  it('knows whether the year is known', () => {
    expect(claimDateHasYear('--03-28')).toBe(false);
    expect(claimDateHasYear('2023-03-28')).toBe(true);
    expect(claimDateHasYear(null)).toBe(false);
  });
});
