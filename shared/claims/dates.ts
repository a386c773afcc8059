/**
 * Claim dates as people read them (pure, zod-free: the renderer imports it). A claim's date is
 * stored as YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (ISO 8601's form for a day whose year is not
 * known); this renders it in the UI language or a document's script, never as `--03-28`:
 * 3月28日（年份不詳） / 28 March (year unknown). Exports keep the stored value in a column of
 * its own beside this one.
 */
export type DateLanguage = 'en' | 'zh-Hant' | 'zh-Hans';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UNKNOWN_YEAR = { en: ' (year unknown)', 'zh-Hant': '（年份不詳）', 'zh-Hans': '（年份不详）' } as const;

/** The parts of a stored claim date; null when it is not one of the four forms (or not a real month/day). */
export function parseClaimDate(value: string | null | undefined): { year: number | null; month: number | null; day: number | null } | null {
  if (!value) return null;
  const m = /^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))$/.exec(value.trim());
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : null;
  const month = m[2] ? Number(m[2]) : m[4] ? Number(m[4]) : null;
  const day = m[3] ? Number(m[3]) : m[5] ? Number(m[5]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (month === null || day < 1 || day > new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate())) return null;
  return { year, month, day };
}

/** Whether the date says its year (ClaimReview's itemReviewed.datePublished is left out otherwise). */
export function claimDateHasYear(value: string | null | undefined): boolean {
  return parseClaimDate(value)?.year != null;
}

/** The date for a reader: 2023年3月28日 / 28 March 2023, 3月28日（年份不詳） / 28 March (year unknown); '' for none; an unreadable value as stored. */
export function readableClaimDate(value: string | null | undefined, lang: DateLanguage = 'en'): string {
  if (!value) return '';
  const p = parseClaimDate(value);
  if (!p) return value;
  const { year, month, day } = p;
  if (lang === 'en') {
    const md = month === null ? '' : day === null ? MONTHS[month - 1] : `${day} ${MONTHS[month - 1]}`;
    return year === null ? `${md}${UNKNOWN_YEAR.en}` : [md, String(year)].filter(Boolean).join(' ');
  }
  const md = `${month !== null ? `${month}月` : ''}${day !== null ? `${day}日` : ''}`;
  return year === null ? `${md}${UNKNOWN_YEAR[lang]}` : `${year}年${md}`;
}
