/** Display formatting that is not domain logic: dates of documents, byte sizes. */
import type { Locale, Translate } from '../i18n';
import { errorText } from '../i18n-errors';

/** `--03-28` (year unknown) reads as "03-28 (year unknown)"; other ISO forms as given. */
export function formatDocDate(date: string | null, t: Translate): string {
  if (!date) return '';
  const m = /^--(\d{2}-\d{2})$/.exec(date);
  return m ? t('date.noYear', { md: m[1] }) : date;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** An error's message in the UI language (renderer/src/i18n-errors.ts): its key's Chinese template in zh-Hant, else the English message. */
export function errorMessage(e: unknown, locale: Locale): string {
  return errorText(locale, e);
}
