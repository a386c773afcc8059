/**
 * Machine translation and dictionary glosses: settings, jobs and gloss lookups as zod
 * schemas (the API contract imports them). The provider key never appears in a
 * result: only whether one is set and how it is kept.
 */
import { z } from 'zod';
import { Id } from '../domain/schemas';

export const MT_PROVIDERS = ['openai', 'libretranslate'] as const;
export const MtProvider = z.enum(MT_PROVIDERS);
export type MtProvider = z.infer<typeof MtProvider>;

const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => u === '' || /^https?:\/\/[^\s/]+/i.test(u), 'an http:// or https:// address');

export const MtSettings = z.object({
  provider: MtProvider,
  /** OpenAI-compatible: the base (…/v1) or the full …/chat/completions address; LibreTranslate: its base address */
  url: z.string(),
  /** chat model (OpenAI-compatible only) */
  model: z.string(),
  /** source language code sent to LibreTranslate (zh-Hant, zh, auto…) */
  sourceLang: z.string(),
  targetLang: z.string(),
  requestsPerSecond: z.number().positive().max(100),
  timeoutSeconds: z.number().positive().max(600),
  maxRetries: z.number().int().min(0).max(10),
});
export type MtSettings = z.infer<typeof MtSettings>;

/** How the API key is kept: encrypted on disk (Electron safeStorage with a real backend) or only for this session. */
export const MtKeyStorage = z.enum(['encrypted', 'session']);
export type MtKeyStorage = z.infer<typeof MtKeyStorage>;

export const MtSettingsView = MtSettings.extend({
  /** a key is stored for the current provider and the origin of the current address (only then is it sent) */
  keySet: z.boolean(),
  /** the origin the stored key is bound to (a key is forgotten when the provider or the origin changes); null: none */
  keyOrigin: z.string().nullable(),
  keyStorage: MtKeyStorage,
  /** the URL is set (and, for OpenAI-compatible, the model) */
  configured: z.boolean(),
});
export type MtSettingsView = z.infer<typeof MtSettingsView>;

export const UpdateMtSettingsArgs = z
  .object({
    provider: MtProvider.optional(),
    url: HttpUrl.optional(),
    model: z.string().trim().max(200).optional(),
    sourceLang: z.string().trim().min(1).max(20).optional(),
    targetLang: z.string().trim().min(1).max(20).optional(),
    requestsPerSecond: z.number().positive().max(100).optional(),
    timeoutSeconds: z.number().positive().max(600).optional(),
    maxRetries: z.number().int().min(0).max(10).optional(),
    /**
     * a string sets the key (for the provider and address saved with it), null (or '')
     * forgets it; absent leaves it — unless provider or address origin change, which forgets it
     */
    apiKey: z.string().max(4000).nullable().optional(),
  })
  .strict();
export type UpdateMtSettingsArgs = z.infer<typeof UpdateMtSettingsArgs>;

export const StartTranslationArgs = z
  .object({
    documentId: Id,
    /** 'segments': the listed ones (one segment or a selection); 'untranslated': every segment without English */
    scope: z.enum(['segments', 'untranslated']),
    segmentIds: z.array(Id).max(100_000).optional(),
  })
  .strict()
  .refine((a) => a.scope !== 'segments' || (a.segmentIds?.length ?? 0) > 0, { message: 'list the segments to translate' });
export type StartTranslationArgs = z.infer<typeof StartTranslationArgs>;

export const MtJobState = z.enum(['running', 'done', 'cancelled', 'failed']);
export type MtJobState = z.infer<typeof MtJobState>;

export const MtSegmentFailure = z.object({ segmentId: Id, index: z.number().int(), message: z.string() });
export const MtMissingTerms = z.object({ segmentId: Id, index: z.number().int(), terms: z.array(z.string()) });

export const MtJob = z.object({
  id: z.string(),
  documentId: Id,
  state: MtJobState,
  total: z.number().int(),
  /** segments finished, whatever the outcome */
  done: z.number().int(),
  translated: z.number().int(),
  /** left alone: the reviewer wrote their English meanwhile */
  skipped: z.number().int(),
  failed: z.number().int(),
  failures: z.array(MtSegmentFailure),
  /** glossary English forms the translation lacks */
  missingTerms: z.array(MtMissingTerms),
  translatedSegmentIds: z.array(Id),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** why the whole job stopped (state 'failed') */
  error: z.string().nullable(),
});
export type MtJob = z.infer<typeof MtJob>;

export const JobIdArgs = z.object({ jobId: z.string().min(1).max(100) }).strict();

// ---- glosses ----------------------------------------------------------------------------

export const GlossEntry = z.object({
  source: z.enum(['glossary', 'cc-cedict']),
  traditional: z.string(),
  simplified: z.string(),
  /** numbered (CC-CEDICT: "suan4 li4"); empty for glossary entries */
  pinyin: z.string(),
  /** with tone marks ("suàn lì") */
  pinyinMarked: z.string(),
  english: z.array(z.string()),
  /** glossary: its type and note; a known-wrong variant says which term to use */
  note: z.string().nullable(),
});
export type GlossEntry = z.infer<typeof GlossEntry>;

export const GlossLookupArgs = z.object({ word: z.string().min(1).max(50), documentId: Id.optional() }).strict();
export const GlossLookup = z.object({ word: z.string(), entries: z.array(GlossEntry) });
export type GlossLookup = z.infer<typeof GlossLookup>;

export const GlossAtArgs = z
  .object({ text: z.string().max(100_000), offset: z.number().int().min(0), documentId: Id.optional() })
  .strict();
export const GlossAt = z.object({
  word: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  entries: z.array(GlossEntry),
});
export type GlossAt = z.infer<typeof GlossAt>;
