/**
 * A translation job: the segments in order, one request at a time through the provider
 * (whose rate limiter and retry policy it carries), progress events, cancellation, a
 * failure recorded per segment, never an overwrite of reviewer-written English (the host
 * is asked again right before each write), and the glossary's English forms checked in
 * every translation.
 */
import { EventEmitter } from 'node:events';
import type { MtJob } from '../../shared/mt/schemas';
import { missingTerms, type TermPair } from '../../shared/mt/terms';
import { MtError } from './http';
import type { Translator } from './providers';

export interface JobTarget {
  segmentId: number;
  /** row number − 1, for messages */
  index: number;
  text: string;
  terms: TermPair[];
}

export interface JobHost {
  /** Empty or machine-filled English: the job may write it. Asked right before each write. */
  canWrite(segmentId: number): boolean;
  /** Store a machine translation as the segment's English. */
  writeEnglish(segmentId: number, text: string): void;
}

export interface JobOptions {
  id: string;
  documentId: number;
  targets: readonly JobTarget[];
  translator: Translator;
  host: JobHost;
  now?: () => string;
}

export class TranslationJob extends EventEmitter<{ progress: [MtJob]; finished: [MtJob] }> {
  private readonly ctl = new AbortController();
  private readonly state: MtJob;
  readonly finished: Promise<MtJob>;

  constructor(private readonly o: JobOptions) {
    super();
    const now = o.now ?? (() => new Date().toISOString());
    this.state = {
      id: o.id,
      documentId: o.documentId,
      state: 'running',
      total: o.targets.length,
      done: 0,
      translated: 0,
      skipped: 0,
      failed: 0,
      failures: [],
      missingTerms: [],
      translatedSegmentIds: [],
      startedAt: now(),
      finishedAt: null,
      error: null,
    };
    this.finished = new Promise((resolve) => {
      // start on the next tick so a caller can subscribe first
      setImmediate(() => {
        void this.run().then(
          () => this.finish(this.ctl.signal.aborted ? 'cancelled' : 'done', null, now, resolve),
          (e: unknown) => this.finish('failed', (e as Error).message, now, resolve),
        );
      });
    });
  }

  get id(): string {
    return this.o.id;
  }

  snapshot(): MtJob {
    return structuredClone(this.state);
  }

  cancel(): void {
    if (this.state.state === 'running') this.ctl.abort();
  }

  private finish(state: MtJob['state'], error: string | null, now: () => string, resolve: (j: MtJob) => void): void {
    this.state.state = state;
    this.state.error = error;
    this.state.finishedAt = now();
    const snap = this.snapshot();
    this.emit('progress', snap);
    this.emit('finished', snap);
    resolve(snap);
  }

  private async run(): Promise<void> {
    const s = this.state;
    for (const t of this.o.targets) {
      if (this.ctl.signal.aborted) return;
      if (!this.o.host.canWrite(t.segmentId)) {
        s.skipped++;
      } else {
        try {
          const english = await this.o.translator.translate({ text: t.text, terms: t.terms, signal: this.ctl.signal });
          if (this.ctl.signal.aborted) return;
          // the reviewer may have written English while the request ran
          if (!this.o.host.canWrite(t.segmentId)) s.skipped++;
          else {
            this.o.host.writeEnglish(t.segmentId, english);
            s.translated++;
            s.translatedSegmentIds.push(t.segmentId);
            const missing = missingTerms(english, t.terms);
            if (missing.length) s.missingTerms.push({ segmentId: t.segmentId, index: t.index, terms: missing });
          }
        } catch (e) {
          if (this.ctl.signal.aborted || (e instanceof MtError && e.kind === 'cancelled')) return;
          // a configuration error stops the job: every other segment would fail the same way
          // (no address or model, a refused key, a wrong address)
          if (e instanceof MtError && (e.kind === 'config' || (e.kind === 'http' && [401, 403, 404].includes(e.status ?? 0)))) throw e;
          s.failed++;
          s.failures.push({ segmentId: t.segmentId, index: t.index, message: (e as Error).message });
        }
      }
      s.done++;
      this.emit('progress', this.snapshot());
    }
  }
}
