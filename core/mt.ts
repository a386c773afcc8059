/**
 * Machine translation in the service: provider settings (in the settings table, never
 * the key), the API key through a SecretStore (memory by default; Electron gives an
 * encrypting one where safeStorage really encrypts, see electron/secret-policy.ts), and
 * translation jobs that run in the background of the process holding the service and
 * are polled by id (the API is request/response).
 */
import { randomUUID } from 'node:crypto';
import { writeEnglish } from './parallel';
import type { ReviewHost } from './review-host';
import type { SegmentRow, Store } from './store';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import type { MtJob, MtKeyStorage, MtSettings, MtSettingsView, StartTranslationArgs, UpdateMtSettingsArgs } from '../shared/mt/schemas';
import { requiredTerms } from '../shared/mt/terms';
import { decodeBoundKey, encodeBoundKey, keyFits, keyOrigin } from '../shared/mt/key-binding';
import { mtSegmentLabel, mtSegmentsLabel } from '../shared/operation-labels';
import { DEFAULT_RETRY, MtError, RateLimiter } from './mt/http';
import { makeTranslator, type Translator, type ProviderOptions } from './mt/providers';
import { TranslationJob, type JobTarget } from './mt/jobs';

/**
 * Where the provider's API key lives. The stored string is the key with the provider and
 * origin it was entered for (shared/mt/key-binding.ts); the store itself does not look inside.
 */
export interface SecretStore {
  readonly storage: MtKeyStorage;
  get(): string | null;
  set(value: string | null): void;
}

/** Browser mode, the CLI, and Electron without a real keyring: the key lives only as long as the process. */
export function memorySecretStore(): SecretStore {
  let value: string | null = null;
  return {
    storage: 'session',
    get: () => value,
    set: (v) => {
      value = v || null;
    },
  };
}

/** The English side of a segment, as the parallel-texts code stores it. */
export interface EnglishAccess {
  /** null: no English yet (or the segment is unknown) */
  get(segmentId: number): { text: string; machine: boolean } | null;
  /**
   * Write a machine translation as the segment's English ('en' revision, reason 'mt', status
   * unreviewed). Writes sharing a `group` join one undoable operation while nothing else
   * happened in the project in between (see ReviewHost.operation's `extend`).
   */
  writeMachine(segmentId: number, text: string, group?: MachineWriteGroup): void;
}

/** The operation a job's translations go into, and how many segments it holds. */
export interface MachineWriteGroup {
  operationId: number | null;
  segments: number;
}

/** Revision reason of machine-translated English. */
export const MT_REASON = 'mt';

/**
 * The English column of core/parallel.ts as the jobs see it. English is machine-written
 * when its latest 'en' revision came from a translation job and still holds, and the
 * reviewer has not approved it; English from an attached file, a reviewer's edit, or an
 * undo counts as the reviewer's.
 */
export function englishAccess(host: ReviewHost): EnglishAccess {
  return {
    get: (segmentId) => {
      const row = host.store.segmentParallelText(segmentId, 'english');
      if (!row) return null;
      const last = host.store
        .segmentRevisions(segmentId)
        .filter((r) => r.field === 'en')
        .at(-1);
      return { text: row.text, machine: !!last && last.reason === MT_REASON && last.after === row.text && row.status !== 'approved' };
    },
    writeMachine: (segmentId, text, group) => {
      const seg = host.requireLiveSegment(segmentId);
      const extend = group?.operationId ? { operationId: group.operationId, label: mtSegmentsLabel(group.segments + 1) } : null;
      const r = host.operation(
        seg.projectId,
        'edit',
        mtSegmentLabel(seg.index + 1),
        (record, now) => {
          writeEnglish(host.store, record, seg.id, text, MT_REASON, now, { machine: true });
          return { touched: [seg.id] };
        },
        extend,
      );
      if (group && r.operationId !== null) {
        group.segments = r.operationId === group.operationId ? group.segments + 1 : 1;
        group.operationId = r.operationId;
      }
    },
  };
}

export const DEFAULT_MT_SETTINGS: MtSettings = {
  provider: 'openai',
  url: '',
  model: '',
  sourceLang: 'zh-Hant',
  targetLang: 'en',
  requestsPerSecond: 2,
  timeoutSeconds: 60,
  maxRetries: 3,
};

const KEY_PREFIX = 'mt.';
const NUMERIC = new Set<keyof MtSettings>(['requestsPerSecond', 'timeoutSeconds', 'maxRetries']);
/** Jobs kept for polling after they finish. */
const KEEP_JOBS = 20;

export interface MtControllerOptions {
  /** Shorter backoff in tests. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Substitute the provider (tests). */
  translator?: (o: ProviderOptions) => Translator;
}

export class MtController {
  private secrets: SecretStore = memorySecretStore();
  private readonly jobs = new Map<string, TranslationJob>();

  constructor(
    private readonly store: Store,
    private readonly english: () => EnglishAccess | null,
    private readonly opts: MtControllerOptions = {},
  ) {}

  /** Electron hands in its safeStorage-backed store at start. */
  useSecretStore(store: SecretStore): void {
    this.secrets = store;
  }

  settings(): MtSettings {
    const s: Record<string, unknown> = { ...DEFAULT_MT_SETTINGS };
    for (const k of Object.keys(DEFAULT_MT_SETTINGS) as (keyof MtSettings)[]) {
      const v = this.store.setting(`${KEY_PREFIX}${k}`);
      if (v === undefined) continue;
      if (NUMERIC.has(k)) {
        const n = Number(v);
        if (Number.isFinite(n) && n > 0) s[k] = n;
      } else s[k] = v;
    }
    if (s.provider !== 'openai' && s.provider !== 'libretranslate') s.provider = DEFAULT_MT_SETTINGS.provider;
    return s as MtSettings;
  }

  private storedKey() {
    return decodeBoundKey(this.secrets.get());
  }

  view(): MtSettingsView {
    const s = this.settings();
    const k = this.storedKey();
    return {
      ...s,
      keySet: !!k && k.provider !== null && keyFits(k, s),
      keyOrigin: k?.origin ?? null,
      keyStorage: this.secrets.storage,
      configured: !!s.url && (s.provider !== 'openai' || !!s.model),
    };
  }

  private storeKey(value: string | null): void {
    try {
      this.secrets.set(value);
    } catch (e) {
      throw new JiaoduiError('internal', `The API key could not be stored: ${(e as Error).message}`);
    }
  }

  /**
   * Save settings. A key given here is bound to the provider and address saved with it;
   * without one, a stored key that no longer fits (provider or origin changed, or an
   * unbound key from an older version) is forgotten, so it never follows a changed address.
   */
  update(args: UpdateMtSettingsArgs, tx: <T>(fn: () => T) => T): MtSettingsView {
    const { apiKey, ...rest } = args;
    tx(() => {
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) this.store.setSetting(`${KEY_PREFIX}${k}`, String(v));
    });
    const after = this.settings();
    if (apiKey !== undefined) {
      const key = apiKey ? apiKey.trim() : '';
      if (key && !keyOrigin(after.url)) throw new JiaoduiError('invalid-input', em('mt.key-before-address'));
      this.storeKey(key ? encodeBoundKey({ key, provider: after.provider, origin: keyOrigin(after.url) }) : null);
    } else {
      const k = this.storedKey();
      if (k && (k.provider === null || !keyFits(k, after))) this.storeKey(null);
    }
    return this.view();
  }

  /**
   * The key a job may send: `runKey` (given for this run, e.g. the CLI's --key-env) or
   * the stored key when it was entered for this provider and origin. A stored key for
   * another address is never sent: the job is refused, naming both origins.
   */
  private keyFor(settings: MtSettings, runKey: string | undefined): string | null {
    if (runKey) return runKey;
    const k = this.storedKey();
    if (!k) return null;
    if (k.provider !== null && keyFits(k, settings)) return k.key;
    const to = keyOrigin(settings.url) || settings.url;
    throw new JiaoduiError(
      'conflict',
      k.origin ? em('conflict.mt-key-origin', { origin: k.origin, provider: String(k.provider), to, toProvider: settings.provider }) : em('conflict.mt-key-unbound', { to }),
    );
  }

  /**
   * `overrides`: settings for this job only (the CLI's --provider/--url/--model), the stored
   * ones otherwise; `runKey`: a key for this job only (the CLI's --key-env).
   */
  start(args: StartTranslationArgs, overrides: Partial<MtSettings> = {}, runKey?: string): MtJob {
    const english = this.english();
    if (!english) throw new JiaoduiError('conflict', em('conflict.mt-no-english'));
    const running = [...this.jobs.values()].find((j) => j.snapshot().state === 'running' && j.snapshot().documentId === args.documentId);
    if (running) throw new JiaoduiError('conflict', em('conflict.mt-running'));
    const settings: MtSettings = { ...this.settings(), ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
    const live = this.store.liveSegments(args.documentId);
    const byId = new Map(live.map((s) => [s.id, s]));
    let rows: SegmentRow[];
    if (args.scope === 'segments') {
      const missing = (args.segmentIds ?? []).filter((id) => !byId.has(id));
      if (missing.length) throw new JiaoduiError('not-found', em('not-found.mt-segment', { id: missing[0], document: args.documentId }));
      const wanted = new Set(args.segmentIds);
      rows = live.filter((s) => wanted.has(s.id));
    } else {
      rows = live.filter((s) => !s.furniture && s.text.trim() !== '' && !english.get(s.id)?.text.trim());
    }
    const glossary = this.store.glossaryForDocument(args.documentId);
    const targets: JobTarget[] = rows.map((s) => ({ segmentId: s.id, index: s.index, text: s.text, terms: requiredTerms(s.text, glossary) }));

    let translator: Translator;
    const providerOptions: ProviderOptions = {
      settings,
      apiKey: this.keyFor(settings, runKey),
      policy: {
        ...DEFAULT_RETRY,
        maxRetries: settings.maxRetries,
        timeoutMs: settings.timeoutSeconds * 1000,
        baseDelayMs: this.opts.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
        maxDelayMs: this.opts.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
      },
      limiter: new RateLimiter(settings.requestsPerSecond),
    };
    try {
      translator = (this.opts.translator ?? makeTranslator)(providerOptions);
    } catch (e) {
      if (e instanceof MtError) throw new JiaoduiError('invalid-input', e.messageData ? { message: e.message, messageData: e.messageData } : e.message);
      throw e;
    }

    // one job, one undo step (unless the reviewer does something in between: see writeMachine)
    const group: MachineWriteGroup = { operationId: null, segments: 0 };
    const job = new TranslationJob({
      id: randomUUID(),
      documentId: args.documentId,
      targets,
      translator,
      host: {
        canWrite: (id) => {
          const e = english.get(id);
          return !e || !e.text.trim() || e.machine;
        },
        writeEnglish: (id, text) => english.writeMachine(id, text, group),
      },
    });
    this.jobs.set(job.id, job);
    this.prune();
    return job.snapshot();
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.snapshot().state !== 'running');
    for (const j of finished.slice(0, Math.max(0, this.jobs.size - KEEP_JOBS))) this.jobs.delete(j.id);
  }

  private requireJob(id: string): TranslationJob {
    const j = this.jobs.get(id);
    if (!j) throw new JiaoduiError('not-found', em('not-found.mt-job', { id }));
    return j;
  }

  job(id: string): MtJob {
    return this.requireJob(id).snapshot();
  }

  /** The job object itself (progress events, the finished promise). */
  jobObject(id: string): TranslationJob {
    return this.requireJob(id);
  }

  cancel(id: string): MtJob {
    const j = this.requireJob(id);
    j.cancel();
    return j.snapshot();
  }

  /** Stop every running job (the app is closing). */
  cancelAll(): void {
    for (const j of this.jobs.values()) j.cancel();
  }
}
