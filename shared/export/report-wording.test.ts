import { describe, expect, it } from 'vitest';
import { charDiff } from '../text/diff';
import {
  REPORT_CATALOG,
  describeTextChange,
  formatLocalTime,
  formatUtcOffset,
  isAutomaticReason,
  isTimeZone,
  reportText,
  textChangeCounts,
  utcOffsetMinutes,
} from './report-wording';

const counts = (a: string, b: string) => textChangeCounts(charDiff(a, b));

describe('times in the reviewer’s zone with its UTC offset', () => {
  it('writes local date and time and the offset that applied then', () => {
    expect(formatLocalTime('2026-12-02T13:26:05.123Z', 'Asia/Taipei')).toBe('2026-12-02 21:26:05 UTC+08:00');
    expect(formatLocalTime('2026-12-02T13:26:05.999Z', 'UTC')).toBe('2026-12-02 13:26:05 UTC+00:00');
    // across midnight, and a half-hour zone
    expect(formatLocalTime('2026-12-31T20:00:00Z', 'Asia/Kolkata')).toBe('2027-01-01 01:30:00 UTC+05:30');
    // daylight saving: the offset of the date, not of the export
    expect(formatLocalTime('2026-01-15T12:00:00Z', 'America/New_York')).toBe('2026-01-15 07:00:00 UTC−05:00');
    expect(formatLocalTime('2026-07-15T12:00:00Z', 'America/New_York')).toBe('2026-07-15 08:00:00 UTC−04:00');
  });

  it('offsets and zones', () => {
    expect(utcOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(60);
    expect(formatUtcOffset(-210)).toBe('UTC−03:30');
    expect(formatUtcOffset(0)).toBe('UTC+00:00');
    expect(isTimeZone('Asia/Taipei')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('leaves an unreadable time as stored', () => {
    expect(formatLocalTime('yesterday', 'UTC')).toBe('yesterday');
  });
});

describe('what a text change did', () => {
  it('a one-character swap is "replaced 1 character"', () => {
    expect(counts('董事長王震表示', '董事長王征表示')).toEqual({ replaced: 1, inserted: 0, deleted: 0 });
    expect(describeTextChange(counts('王震', '王征'), 'en')).toBe('replaced 1 character');
    expect(describeTextChange(counts('王震', '王征'), 'zh-Hant')).toBe('替換 1 字');
  });

  it('counts replacements, insertions and deletions apart, in code points', () => {
    expect(describeTextChange(counts('甲乙丙', '甲丁戊丙己'), 'en')).toBe('replaced 1 character, inserted 2 characters');
    expect(describeTextChange(counts('甲乙丙丁', '甲'), 'en')).toBe('deleted 3 characters');
    expect(counts('𠀋', '𠀌')).toEqual({ replaced: 1, inserted: 0, deleted: 0 });
    expect(describeTextChange(counts('同', '同'), 'en')).toBe('no text change');
  });

  it('fixes and glossary are automatic, the rest is the reviewer’s', () => {
    expect(['fix:entity-consistency', 'glossary'].every(isAutomaticReason)).toBe(true);
    expect(['manual', 'replace', 'xliff-import', 'undo', ''].some(isAutomaticReason)).toBe(false);
  });
});

describe('report labels', () => {
  it('every key in both languages, with the same placeholders, translated', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
    const keys = Object.keys(REPORT_CATALOG.en) as (keyof typeof REPORT_CATALOG.en)[];
    expect(Object.keys(REPORT_CATALOG['zh-Hant']).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(ph(REPORT_CATALOG['zh-Hant'][k]), k).toBe(ph(REPORT_CATALOG.en[k]));
      if (k !== 'list') expect(REPORT_CATALOG['zh-Hant'][k], k).toMatch(/\p{Script=Han}/u);
    }
    expect(reportText('zh-Hant', 'title', { title: '甲' })).toBe('修改報告：甲');
    expect(reportText('en', 'no-such-key')).toBe('no-such-key');
  });
});
