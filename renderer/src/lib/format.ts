/** Display formatting that is not domain logic: dates of documents, byte sizes. */
import type { Translate } from '../i18n';

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

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
