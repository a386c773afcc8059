/**
 * The two provider protocols: OpenAI-compatible chat completions (OpenAI, llama.cpp's
 * server, Ollama, vLLM…) and LibreTranslate. Each translates one text; glossary English
 * forms go into the OpenAI prompt as required terminology (LibreTranslate has no
 * glossary: the job checks the output afterwards for both).
 */
import { em } from '../../shared/error-messages';
import type { MtSettings } from '../../shared/mt/schemas';
import { cleanTranslation, translationMessages, type TermPair } from '../../shared/mt/terms';
import { MtError, postJson, type RateLimiter, type RetryPolicy } from './http';

export interface TranslateRequest {
  text: string;
  terms: readonly TermPair[];
  signal?: AbortSignal;
}

export interface Translator {
  translate(req: TranslateRequest): Promise<string>;
}

export interface ProviderOptions {
  settings: MtSettings;
  apiKey: string | null;
  policy: RetryPolicy;
  limiter?: RateLimiter;
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

/** …/v1 → …/v1/chat/completions; a full …/chat/completions address is kept. */
export function chatCompletionsUrl(base: string): string {
  const u = base.trim().replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(u)) return u;
  if (/\/v\d+$/.test(u)) return `${u}/chat/completions`;
  return `${u}/v1/chat/completions`;
}

/** LibreTranslate's /translate under its base address. */
export function libreTranslateUrl(base: string): string {
  const u = base.trim().replace(/\/+$/, '');
  return /\/translate$/.test(u) ? u : `${u}/translate`;
}

function shapeError(what: string): MtError {
  return new MtError('bad-response', `The provider's answer has an unexpected shape (${what}).`);
}

export function openAiTranslator(o: ProviderOptions): Translator {
  const url = chatCompletionsUrl(o.settings.url);
  const headers: Record<string, string> = o.apiKey ? { Authorization: `Bearer ${o.apiKey}` } : {};
  return {
    async translate(req) {
      const body = { model: o.settings.model, temperature: 0, stream: false, messages: translationMessages(req.text, req.terms, o.settings.targetLang) };
      const json = (await postJson(url, body, { headers, policy: o.policy, limiter: o.limiter, signal: req.signal, onRetry: o.onRetry })) as {
        choices?: { message?: { content?: unknown } }[];
        error?: { message?: unknown };
      };
      if (json && typeof json === 'object' && json.error && typeof json.error.message === 'string') throw new MtError('http', json.error.message);
      const content = Array.isArray(json?.choices) ? json.choices[0]?.message?.content : undefined;
      if (typeof content !== 'string') throw shapeError('no choices[0].message.content');
      const text = cleanTranslation(content);
      if (!text) throw new MtError('bad-response', 'The provider answered with an empty translation.');
      return text;
    },
  };
}

export function libreTranslateTranslator(o: ProviderOptions): Translator {
  const url = libreTranslateUrl(o.settings.url);
  return {
    async translate(req) {
      const body: Record<string, string> = { q: req.text, source: o.settings.sourceLang, target: o.settings.targetLang, format: 'text' };
      if (o.apiKey) body.api_key = o.apiKey;
      const json = (await postJson(url, body, { policy: o.policy, limiter: o.limiter, signal: req.signal, onRetry: o.onRetry })) as { translatedText?: unknown; error?: unknown };
      if (json && typeof json === 'object' && typeof json.error === 'string') throw new MtError('http', json.error);
      const text = json && typeof json === 'object' ? json.translatedText : undefined;
      if (typeof text !== 'string') throw shapeError('no translatedText');
      if (!text.trim()) throw new MtError('bad-response', 'The provider answered with an empty translation.');
      return text.trim();
    },
  };
}

export function makeTranslator(o: ProviderOptions): Translator {
  if (!o.settings.url) throw new MtError('config', em('mt.no-address'));
  if (o.settings.provider === 'openai') {
    if (!o.settings.model) throw new MtError('config', em('mt.no-model'));
    return openAiTranslator(o);
  }
  return libreTranslateTranslator(o);
}
