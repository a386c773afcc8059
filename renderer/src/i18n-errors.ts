/**
 * Error messages in the UI language. An error that carries its message as a key and parameters
 * (`messageData`, shared/error-messages.ts: the transports carry it beside the English message)
 * is worded from the Traditional Chinese template of its key; in English, and for an error
 * without known message data (older server, an unconverted throw site, a network failure), the
 * message as it came — also while the Chinese templates are still loading (a few milliseconds
 * after the language is chosen).
 */
import type { Locale } from './i18n-catalog';

/** The Chinese wording once loaded (i18n-errors-zh.ts, a chunk of its own with the templates). */
let chinese: ((e: object, message: string) => string | null) | null = null;
let loading: Promise<void> | null = null;

/** Load the Chinese templates (App asks when the UI language becomes zh-Hant; errorText asks too, for the next error). */
export function loadChineseErrors(): Promise<void> {
  loading ??= import('./i18n-errors-zh').then(
    (m) => {
      chinese = m.chineseErrorText;
    },
    () => {
      loading = null; // offline or a stale build: English meanwhile, try again next time
    },
  );
  return loading;
}

/**
 * The text to show for an error in the UI language: in Traditional Chinese, its message data worded
 * with the Chinese templates (a file named by `namingFile`, details.fileName, stays in front as in
 * English); otherwise, or without message data this catalog knows, `e.message`.
 */
export function errorText(locale: Locale, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (locale === 'en' || !e || typeof e !== 'object') return message;
  if (!chinese) {
    void loadChineseErrors();
    return message;
  }
  return chinese(e, message) ?? message;
}
