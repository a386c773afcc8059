/**
 * Machine translation against local HTTP servers that speak each protocol (no test
 * needs the internet): retries on 429 (Retry-After) and 5xx, timeouts, malformed JSON,
 * wrong shapes, rate limiting; the job runner's progress, cancellation, per-segment
 * failures, required terminology, and never overwriting reviewer English.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MtError, backoffDelay, parseRetryAfter, RateLimiter, DEFAULT_RETRY, type RetryPolicy } from './mt/http';
import { chatCompletionsUrl, libreTranslateTranslator, libreTranslateUrl, makeTranslator, openAiTranslator } from './mt/providers';
import { TranslationJob, type JobHost } from './mt/jobs';
import { startFakeProvider, type FakeProvider } from './mt/testing';
import { missingTerms, requiredTerms, translationMessages, cleanTranslation } from '../shared/mt/terms';
import { DEFAULT_MT_SETTINGS, MtController, type EnglishAccess } from './mt';
import { freshService, importSample } from './test-helpers';
import type { MtSettings } from '../shared/mt/schemas';

const FAST: RetryPolicy = { maxRetries: 3, timeoutMs: 2000, baseDelayMs: 10, maxDelayMs: 2000 };

function settings(over: Partial<MtSettings>): MtSettings {
  return { ...DEFAULT_MT_SETTINGS, ...over };
}

async function rejection(p: Promise<unknown>): Promise<MtError> {
  try {
    await p;
  } catch (e) {
    return e as MtError;
  }
  throw new Error('expected a rejection');
}

describe('pure helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('backs off exponentially, at least Retry-After, capped', () => {
    const p = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, null))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(0, p, 700)).toBe(700);
    expect(backoffDelay(0, p, 60_000)).toBe(1000);
  });

  it('finds the glossary terms a segment uses and checks their English afterwards', () => {
    const entries = [
      { term: '王征', variants: ['王震', '王徵'], english: 'Wang Zheng' },
      { term: '商湯科技', variants: [], english: 'SenseTime' },
      { term: '日日新', variants: [], english: '' },
    ];
    const terms = requiredTerms('首席財務官王震表示，商湯科技的日日新模型', entries);
    expect(terms).toEqual([
      { zh: '王征', en: 'Wang Zheng' },
      { zh: '商湯科技', en: 'SenseTime' },
    ]);
    expect(missingTerms('CFO Wang  Zheng said SenseTime’s model', terms)).toEqual([]);
    expect(missingTerms('CFO Wang Zhen said Sensetime', terms)).toEqual(['Wang Zheng']);
    const msgs = translationMessages('商湯科技', terms);
    expect(msgs[0].content).toContain('商湯科技 → SenseTime');
    expect(msgs[1]).toEqual({ role: 'user', content: '商湯科技' });
    expect(cleanTranslation(' Translation: "Hello." ')).toBe('Hello.');
  });

  it('builds the endpoint addresses', () => {
    expect(chatCompletionsUrl('http://127.0.0.1:8080/v1/')).toBe('http://127.0.0.1:8080/v1/chat/completions');
    expect(chatCompletionsUrl('http://localhost:11434')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://x.test/v1/chat/completions')).toBe('https://x.test/v1/chat/completions');
    expect(libreTranslateUrl('http://127.0.0.1:5000/')).toBe('http://127.0.0.1:5000/translate');
  });
});

describe('OpenAI-compatible provider', () => {
  let fake: FakeProvider;
  beforeEach(async () => {
    fake = await startFakeProvider('openai');
  });
  afterEach(async () => {
    await fake.close();
  });
  const tr = (over: Partial<MtSettings> = {}, policy = FAST) =>
    openAiTranslator({ settings: settings({ url: fake.url, model: 'qwen2.5', ...over }), apiKey: 'sk-test', policy });

  it('sends the model, the key and the required terminology; reads choices[0].message.content', async () => {
    const out = await tr().translate({ text: '商湯科技', terms: [{ zh: '商湯科技', en: 'SenseTime' }] });
    expect(out).toBe('EN(商湯科技)');
    const r = fake.requests[0];
    expect(r.path).toBe('/v1/chat/completions');
    expect(r.headers.authorization).toBe('Bearer sk-test');
    const body = r.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('qwen2.5');
    expect(body.messages[0].content).toContain('商湯科技 → SenseTime');
  });

  it('waits as Retry-After says after a 429, then succeeds', async () => {
    fake.script.push({ status: 429, headers: { 'Retry-After': '1' }, raw: '{"error":{"message":"slow down"}}' });
    const out = await tr().translate({ text: '算力', terms: [] });
    expect(out).toBe('EN(算力)');
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(900);
  });

  it('retries a 500, then succeeds', async () => {
    fake.script.push({ status: 500, raw: 'oops' }, { status: 503, raw: '' });
    expect(await tr().translate({ text: '毛利率', terms: [] })).toBe('EN(毛利率)');
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up after maxRetries with the last status', async () => {
    fake.script.push({ status: 502 }, { status: 502 }, { status: 502 });
    const e = await rejection(tr({}, { ...FAST, maxRetries: 2 }).translate({ text: 'x', terms: [] }));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(502);
    expect(e.message).toMatch(/after 3 attempts/);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a 400 or a 401', async () => {
    fake.script.push({ status: 401, raw: '{"error":{"message":"bad key"}}' });
    const e = await rejection(tr().translate({ text: 'x', terms: [] }));
    expect(e.status).toBe(401);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out, retries, and succeeds when the provider answers in time', async () => {
    fake.script.push({ delayMs: 600 });
    const out = await tr({}, { ...FAST, timeoutMs: 200 }).translate({ text: '首席執行官', terms: [] });
    expect(out).toBe('EN(首席執行官)');
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a timeout when every attempt is too slow', async () => {
    fake.delayMs = 500;
    const e = await rejection(tr({}, { ...FAST, timeoutMs: 100, maxRetries: 1 }).translate({ text: 'x', terms: [] }));
    expect(e.kind).toBe('timeout');
  });

  it('refuses malformed JSON and a wrong shape without retrying', async () => {
    fake.script.push({ raw: '{"choices": [' });
    const e1 = await rejection(tr().translate({ text: 'x', terms: [] }));
    expect(e1.kind).toBe('bad-response');
    expect(e1.message).toMatch(/not JSON/);
    fake.script.push({ raw: '{"choices": [{"text": "legacy completion"}]}' });
    const e2 = await rejection(tr().translate({ text: 'x', terms: [] }));
    expect(e2.kind).toBe('bad-response');
    expect(e2.message).toMatch(/unexpected shape/);
    fake.script.push({ raw: '[]' });
    expect((await rejection(tr().translate({ text: 'x', terms: [] }))).kind).toBe('bad-response');
    expect(fake.requests).toHaveLength(3);
  });

  it('reports an unreachable provider as a network error', async () => {
    const url = fake.url;
    await fake.close();
    const t = openAiTranslator({ settings: settings({ url, model: 'm' }), apiKey: null, policy: { ...FAST, maxRetries: 1 } });
    expect((await rejection(t.translate({ text: 'x', terms: [] }))).kind).toBe('network');
    fake = await startFakeProvider('openai');
  });

  it('asks the rate limiter before every request', async () => {
    // the spacing itself is the limiter's (its own test below, on a fake clock): here, that every request waits for it
    let takes = 0;
    class CountingLimiter extends RateLimiter {
      override async take(signal?: AbortSignal): Promise<void> {
        takes++;
        expect(fake.requests).toHaveLength(takes - 1); // asked before the request is sent
        await super.take(signal);
      }
    }
    const t = openAiTranslator({ settings: settings({ url: fake.url, model: 'm' }), apiKey: null, policy: FAST, limiter: new CountingLimiter(1000) });
    for (let i = 0; i < 4; i++) await t.translate({ text: String(i), terms: [] });
    expect(fake.requests).toHaveLength(4);
    expect(takes).toBe(4);
  });

  it('stops waiting when cancelled', async () => {
    fake.delayMs = 2000;
    const ctl = new AbortController();
    const p = tr().translate({ text: 'x', terms: [], signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    const started = Date.now();
    expect((await rejection(p)).kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('needs an address and a model', () => {
    expect(() => makeTranslator({ settings: settings({ url: '' }), apiKey: null, policy: FAST })).toThrow(/address/);
    expect(() => makeTranslator({ settings: settings({ url: fake.url, model: '' }), apiKey: null, policy: FAST })).toThrow(/model/);
  });
});

describe('RateLimiter on a fake clock', () => {
  afterEach(() => vi.useRealTimers());

  it('lets requests go 1000/rate ms apart, the first at once; an idle spell does not bank a burst', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter(10); // 10 per second: 100 ms apart
    const released: number[] = [];
    const waiting = [0, 1, 2, 3].map(async () => {
      await limiter.take();
      released.push(Date.now());
    });
    await vi.runAllTimersAsync();
    await Promise.all(waiting);
    expect(released).toEqual([0, 100, 200, 300]);
    // a second later: one goes at once, the next waits its interval again
    await vi.advanceTimersByTimeAsync(1000);
    const later: number[] = [];
    const again = [0, 1].map(async () => {
      await limiter.take();
      later.push(Date.now());
    });
    await vi.runAllTimersAsync();
    await Promise.all(again);
    expect(later).toEqual([1300, 1400]);
  });

  it('a waiting request is cancelled by its signal', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter(1);
    await limiter.take();
    const ctl = new AbortController();
    const waiting = limiter.take(ctl.signal);
    const outcome = waiting.then(
      () => 'released',
      (e: unknown) => (e instanceof MtError ? e.kind : 'other'),
    );
    await vi.advanceTimersByTimeAsync(500);
    ctl.abort();
    expect(await outcome).toBe('cancelled');
  });
});

describe('LibreTranslate provider', () => {
  let fake: FakeProvider;
  beforeEach(async () => {
    fake = await startFakeProvider('libretranslate');
  });
  afterEach(async () => {
    await fake.close();
  });
  const tr = (policy = FAST) => libreTranslateTranslator({ settings: settings({ provider: 'libretranslate', url: fake.url, sourceLang: 'zh-Hant' }), apiKey: 'k1', policy });

  it('posts q, source, target, format and api_key to /translate', async () => {
    expect(await tr().translate({ text: '算力', terms: [] })).toBe('EN(算力)');
    expect(fake.requests[0].path).toBe('/translate');
    expect(fake.requests[0].body).toEqual({ q: '算力', source: 'zh-Hant', target: 'en', format: 'text', api_key: 'k1' });
  });

  it('retries 429 with Retry-After and a 500', async () => {
    fake.script.push({ status: 429, headers: { 'Retry-After': '0' } }, { status: 500 });
    expect(await tr().translate({ text: '毛利率', terms: [] })).toBe('EN(毛利率)');
    expect(fake.requests).toHaveLength(3);
  });

  it('reports its error field, malformed JSON and a wrong shape', async () => {
    fake.script.push({ status: 400, raw: '{"error":"zh-Hant is not supported"}' });
    expect((await rejection(tr().translate({ text: 'x', terms: [] }))).message).toMatch(/not supported/);
    fake.script.push({ raw: 'not json' });
    expect((await rejection(tr().translate({ text: 'x', terms: [] }))).kind).toBe('bad-response');
    fake.script.push({ raw: '{"translation":"x"}' });
    expect((await rejection(tr().translate({ text: 'x', terms: [] }))).message).toMatch(/translatedText/);
  });

  it('times out', async () => {
    fake.delayMs = 400;
    expect((await rejection(tr({ ...FAST, timeoutMs: 100, maxRetries: 0 }).translate({ text: 'x', terms: [] }))).kind).toBe('timeout');
  });
});

/** An English column in memory: text plus who wrote it. */
function memoryEnglish(initial: Record<number, { text: string; machine: boolean }> = {}) {
  const store = new Map(Object.entries(initial).map(([k, v]) => [Number(k), v]));
  const access: EnglishAccess & JobHost = {
    get: (id) => store.get(id) ?? null,
    writeMachine: (id, text) => void store.set(id, { text, machine: true }),
    canWrite: (id) => {
      const e = store.get(id);
      return !e || !e.text || e.machine;
    },
    writeEnglish: (id, text) => void store.set(id, { text, machine: true }),
  };
  return { store, access };
}

describe('translation jobs', () => {
  let fake: FakeProvider;
  beforeEach(async () => {
    fake = await startFakeProvider('openai');
  });
  afterEach(async () => {
    await fake.close();
  });

  it('translates in order, skips reviewer English, reports failures and missing terms, emits progress', async () => {
    const { store, access } = memoryEnglish({ 2: { text: 'Reviewer text', machine: false }, 3: { text: 'old MT', machine: true } });
    fake.script.push({}, {}, { status: 400, raw: '{"error":{"message":"context too long"}}' });
    fake.translate = (t) => (t.includes('商湯') ? 'Shangtang said' : `EN(${t})`);
    const translator = openAiTranslator({ settings: settings({ url: fake.url, model: 'm' }), apiKey: null, policy: FAST });
    const job = new TranslationJob({
      id: 'j1',
      documentId: 1,
      host: access,
      translator,
      targets: [
        { segmentId: 1, index: 0, text: '商湯科技表示', terms: [{ zh: '商湯科技', en: 'SenseTime' }] },
        { segmentId: 2, index: 1, text: '算力', terms: [] },
        { segmentId: 3, index: 2, text: '毛利率', terms: [] },
        { segmentId: 4, index: 3, text: '很長', terms: [] },
      ],
    });
    const progress: number[] = [];
    job.on('progress', (s) => progress.push(s.done));
    const end = await job.finished;
    expect(end.state).toBe('done');
    expect(end).toMatchObject({ total: 4, done: 4, translated: 2, skipped: 1, failed: 1 });
    expect(end.failures).toEqual([{ segmentId: 4, index: 3, message: expect.stringMatching(/HTTP 400/) }]);
    expect(end.missingTerms).toEqual([{ segmentId: 1, index: 0, terms: ['SenseTime'] }]);
    expect(store.get(2)).toEqual({ text: 'Reviewer text', machine: false });
    expect(store.get(3)).toEqual({ text: 'EN(毛利率)', machine: true });
    expect(progress).toEqual([1, 2, 3, 4, 4]);
    expect(fake.requests).toHaveLength(3); // the reviewer's segment was never sent
  });

  it('does not write when the reviewer wrote English while the request ran', async () => {
    const { store, access } = memoryEnglish();
    fake.delayMs = 100;
    const job = new TranslationJob({
      id: 'j2',
      documentId: 1,
      host: access,
      translator: openAiTranslator({ settings: settings({ url: fake.url, model: 'm' }), apiKey: null, policy: FAST }),
      targets: [{ segmentId: 7, index: 0, text: '算力', terms: [] }],
    });
    setTimeout(() => store.set(7, { text: 'computing power', machine: false }), 30);
    const end = await job.finished;
    expect(end).toMatchObject({ translated: 0, skipped: 1 });
    expect(store.get(7)?.text).toBe('computing power');
  });

  it('cancels mid-job: the running request is aborted and nothing more is written', async () => {
    const { store, access } = memoryEnglish();
    fake.delayMs = 150;
    const job = new TranslationJob({
      id: 'j3',
      documentId: 1,
      host: access,
      translator: openAiTranslator({ settings: settings({ url: fake.url, model: 'm' }), apiKey: null, policy: FAST }),
      targets: Array.from({ length: 10 }, (_, i) => ({ segmentId: i + 1, index: i, text: `第${i}段`, terms: [] })),
    });
    job.on('progress', (s) => {
      if (s.done === 2) job.cancel();
    });
    const end = await job.finished;
    expect(end.state).toBe('cancelled');
    expect(end.done).toBe(2);
    expect(store.size).toBe(2);
    expect(end.failures).toEqual([]);
  });

  it('stops the whole job on a refused key', async () => {
    const { access } = memoryEnglish();
    fake.script.push({ status: 401, raw: '{"error":{"message":"invalid api key"}}' });
    const job = new TranslationJob({
      id: 'j4',
      documentId: 1,
      host: access,
      translator: openAiTranslator({ settings: settings({ url: fake.url, model: 'm' }), apiKey: 'bad', policy: FAST }),
      targets: [1, 2, 3].map((i) => ({ segmentId: i, index: i - 1, text: 'x', terms: [] })),
    });
    const end = await job.finished;
    expect(end.state).toBe('failed');
    expect(end.error).toMatch(/invalid api key/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('MtController (settings, key, jobs over a database)', () => {
  let fake: FakeProvider;
  beforeEach(async () => {
    fake = await startFakeProvider('openai');
  });
  afterEach(async () => {
    await fake.close();
  });

  it('keeps settings in the database, the key only in the secret store, and runs a job over a document', async () => {
    const ctx = await freshService();
    try {
      const { service } = ctx;
      const { documentId } = importSample(service);
      const { store, access } = memoryEnglish();
      const mt = new MtController(service.store, () => access, { baseDelayMs: 5 });
      const tx = <T,>(fn: () => T) => service.db.transaction(fn)();
      expect(mt.view()).toMatchObject({ configured: false, keySet: false, keyStorage: 'session' });
      const v = mt.update({ url: fake.url, model: 'local', requestsPerSecond: 50, apiKey: 'sk-secret' }, tx);
      expect(v).toMatchObject({ url: fake.url, model: 'local', requestsPerSecond: 50, keySet: true, configured: true });
      expect(JSON.stringify(v)).not.toContain('sk-secret');
      const rows = service.db.prepare(`SELECT key, value FROM settings`).all() as { key: string; value: string }[];
      expect(JSON.stringify(rows)).not.toContain('sk-secret');

      const segs = service.getSegments({ documentId });
      const first = segs.find((s) => !s.furniture)!;
      store.set(first.id, { text: 'Reviewer wrote this.', machine: false });
      const job = mt.start({ documentId, scope: 'untranslated' });
      const expected = segs.filter((s) => !s.furniture && s.id !== first.id).length;
      expect(job.total).toBe(expected);
      const end = await mt.jobObject(job.id).finished;
      expect(end).toMatchObject({ state: 'done', translated: expected, failed: 0 });
      expect(mt.job(job.id).state).toBe('done');
      expect(store.get(first.id)?.text).toBe('Reviewer wrote this.');
      expect(fake.requests.every((r) => r.headers.authorization === 'Bearer sk-secret')).toBe(true);

      // one segment on request: machine English is replaced, reviewer English kept
      const again = mt.start({ documentId, scope: 'segments', segmentIds: [first.id, segs[5].id] });
      const end2 = await mt.jobObject(again.id).finished;
      expect(end2).toMatchObject({ total: 2, translated: 1, skipped: 1 });

      expect(mt.update({ apiKey: null }, tx).keySet).toBe(false);
      expect(() => mt.job('nope')).toThrow(/no translation job/);
      expect(() => mt.start({ documentId, scope: 'segments', segmentIds: [999_999] })).toThrow(/not a live segment/);
    } finally {
      ctx.cleanup();
    }
  });

  it('refuses to start without English storage or without settings', async () => {
    const ctx = await freshService();
    try {
      const { documentId } = importSample(ctx.service);
      expect(() => new MtController(ctx.service.store, () => null).start({ documentId, scope: 'untranslated' })).toThrow(/cannot store English/);
      const { access } = memoryEnglish();
      expect(() => new MtController(ctx.service.store, () => access).start({ documentId, scope: 'untranslated' })).toThrow(/address/);
    } finally {
      ctx.cleanup();
    }
  });
});
