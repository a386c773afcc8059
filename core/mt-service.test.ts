/**
 * Machine translation and glosses through the service and the dispatcher: English is
 * written as 'en' revisions (reason 'mt', undoable), reviewer English is never replaced,
 * machine English may be, the key never comes back, glossary terms are checked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../shared/contract/dispatch';
import { freshService, importSample } from './test-helpers';
import { startFakeProvider, type FakeProvider } from './mt/testing';
import type { JiaoduiService } from './service';
import type { MtJob } from '../shared/mt/schemas';

async function waitForJob(service: JiaoduiService, id: string): Promise<MtJob> {
  for (let i = 0; i < 500; i++) {
    const j = service.getTranslationJob({ jobId: id });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

describe('machine translation through the service', () => {
  let fake: FakeProvider;
  let ctx: Awaited<ReturnType<typeof freshService>>;
  beforeEach(async () => {
    fake = await startFakeProvider('openai');
    ctx = await freshService();
  });
  afterEach(async () => {
    ctx.cleanup();
    await fake.close();
  });

  it('fills empty and machine English, keeps reviewer English, undoes, checks glossary terms', async () => {
    const { service } = ctx;
    const { documentId } = importSample(service);
    const call = (m: string, a: unknown) => dispatch(service, m, a, { checkResults: true });
    const view = call('updateMtSettings', { provider: 'openai', url: fake.url, model: 'local-model', requestsPerSecond: 100, apiKey: 'sk-abc' }) as { keySet: boolean };
    expect(view.keySet).toBe(true);
    expect(JSON.stringify(call('getMtSettings', {}))).not.toContain('sk-abc');

    const segs = service.getSegments({ documentId }).filter((s) => !s.furniture);
    const [a] = segs;
    const b = segs.find((s) => s.id !== a.id && !s.text.includes('商湯科技'))!;
    service.editEnglish({ segmentId: a.id, text: 'The reviewer’s English.' });
    service.saveGlossaryEntry({ documentId, term: '商湯科技', english: 'SenseTime', type: 'organisation' });
    const withName = segs.find((s) => s.text.includes('商湯科技') && s.id !== a.id && s.id !== b.id)!;

    const job = call('startTranslation', { documentId, scope: 'segments', segmentIds: [a.id, b.id, withName.id] }) as MtJob;
    expect(job).toMatchObject({ state: 'running', total: 3 });
    const end = await waitForJob(service, job.id);
    expect(end).toMatchObject({ state: 'done', translated: 2, skipped: 1, failed: 0 });
    // the fake echoes the Chinese: SenseTime is missing, and the prompt asked for it
    expect(end.missingTerms).toEqual([{ segmentId: withName.id, index: withName.index, terms: ['SenseTime'] }]);
    const prompt = fake.requests.find((r) => JSON.stringify(r.body).includes('商湯科技 → SenseTime'));
    expect(prompt).toBeTruthy();

    const after = new Map(service.getSegments({ documentId }).map((s) => [s.id, s]));
    expect(after.get(a.id)!.english?.text).toBe('The reviewer’s English.');
    expect(after.get(b.id)!.english?.text).toBe(`EN(${b.text})`);
    const rev = service.segmentHistory({ segmentId: b.id }).filter((r) => r.field === 'en');
    expect(rev.at(-1)).toMatchObject({ reason: 'mt', after: `EN(${b.text})` });
    // machine output awaits review: unreviewed, not edited
    expect(after.get(b.id)!.english?.status).toBe('unreviewed');
    expect(after.get(withName.id)!.english?.status).toBe('unreviewed');
    // the whole job is one undo step
    const projectId = service.getDocument({ documentId }).projectId;
    expect(service.undoState({ projectId }).undoLabel).toBe('Machine-translate 2 segments');
    expect(service.undoState({ projectId }).undoLabelKey).toEqual({ key: 'mt.segments', params: { count: 2 } });

    // machine English is translated again; reviewer English still not
    fake.translate = (t) => `EN2(${t})`;
    const again = await waitForJob(service, service.startTranslation({ documentId, scope: 'segments', segmentIds: [a.id, b.id] }).id);
    expect(again).toMatchObject({ translated: 1, skipped: 1 });
    expect(service.getSegments({ documentId }).find((s) => s.id === b.id)!.english?.text).toBe(`EN2(${b.text})`);

    // each job is an undoable operation
    service.undo({ projectId });
    expect(service.getSegments({ documentId }).find((s) => s.id === b.id)!.english?.text).toBe(`EN(${b.text})`);
    service.undo({ projectId });
    const undone = new Map(service.getSegments({ documentId }).map((s) => [s.id, s]));
    expect(undone.get(b.id)!.english?.text).toBe('');
    expect(undone.get(withName.id)!.english?.text).toBe('');
    service.redo({ projectId });
    expect(service.getSegments({ documentId }).find((s) => s.id === withName.id)!.english).toMatchObject({ text: `EN(${withName.text})`, status: 'unreviewed' });

    // a reviewer correction makes the English theirs, and edited
    expect(service.editEnglish({ segmentId: b.id, text: 'Fixed by hand.' }).segments[0].english?.status).toBe('edited');
    const third = await waitForJob(service, service.startTranslation({ documentId, scope: 'segments', segmentIds: [b.id] }).id);
    expect(third).toMatchObject({ translated: 0, skipped: 1 });

    // approved machine English is the reviewer's too
    service.setEnglishStatus({ segmentIds: [withName.id], status: 'approved' });
    const fourth = await waitForJob(service, service.startTranslation({ documentId, scope: 'segments', segmentIds: [withName.id] }).id);
    expect(fourth).toMatchObject({ translated: 0, skipped: 1 });
  });

  it('starts a new operation when the reviewer does something while the job runs', async () => {
    const { service } = ctx;
    const { documentId } = importSample(service);
    const projectId = service.getDocument({ documentId }).projectId;
    service.updateMtSettings({ url: fake.url, model: 'm', requestsPerSecond: 100 });
    const segs = service.getSegments({ documentId }).filter((s) => !s.furniture).slice(0, 4);
    fake.delayMs = 40;
    const job = service.startTranslation({ documentId, scope: 'segments', segmentIds: segs.map((s) => s.id) });
    while (service.getTranslationJob({ jobId: job.id }).translated < 2) await new Promise((r) => setTimeout(r, 5));
    service.setStatus({ segmentIds: [segs[0].id], status: 'approved' });
    const end = await waitForJob(service, job.id);
    expect(end.translated).toBe(4);
    const labels: string[] = [];
    for (let u = service.undoState({ projectId }); u.canUndo; u = service.undoState({ projectId })) {
      labels.push(u.undoLabel!);
      service.undo({ projectId });
    }
    expect(labels).toHaveLength(3);
    expect(labels[1]).toMatch(/^Mark segment \d+ approved$/);
    expect(labels.filter((l) => l.startsWith('Machine-translate'))).toHaveLength(2);
    expect(service.getSegments({ documentId }).filter((s) => s.english?.text).length).toBe(0);
  });

  it('translates all untranslated segments, and cancels', async () => {
    const { service } = ctx;
    const { documentId } = importSample(service);
    service.updateMtSettings({ url: fake.url, model: 'm', requestsPerSecond: 100 });
    const segs = service.getSegments({ documentId }).filter((s) => !s.furniture);
    service.editEnglish({ segmentId: segs[0].id, text: 'Done already.' });
    fake.delayMs = 30;
    const job = service.startTranslation({ documentId, scope: 'untranslated' });
    expect(job.total).toBe(segs.length - 1);
    expect(() => service.startTranslation({ documentId, scope: 'untranslated' })).toThrow(/already running/);
    await new Promise((r) => setTimeout(r, 150));
    const cancelled = service.cancelTranslation({ jobId: job.id });
    expect(['running', 'cancelled']).toContain(cancelled.state);
    const end = await waitForJob(service, job.id);
    expect(end.state).toBe('cancelled');
    expect(end.done).toBeGreaterThan(0);
    expect(end.done).toBeLessThan(end.total);
    const written = service.getSegments({ documentId }).filter((s) => s.english?.text.startsWith('EN('));
    expect(written.length).toBe(end.translated);
    // what finished before the cancel is one undo step
    const projectId = service.getDocument({ documentId }).projectId;
    expect(service.undoState({ projectId }).undoLabel).toBe(end.translated === 1 ? `Machine-translate segment ${written[0].index + 1}` : `Machine-translate ${end.translated} segments`);
    service.undo({ projectId });
    expect(service.getSegments({ documentId }).filter((s) => s.english?.text.startsWith('EN(')).length).toBe(0);
  });

  it('looks up glosses with the document glossary first', () => {
    const { service } = ctx;
    const { documentId } = importSample(service);
    service.saveGlossaryEntry({ documentId, term: '算力', english: 'compute', type: 'term' });
    const r = dispatch(service, 'lookupGloss', { word: '算力', documentId }, { checkResults: true }) as { entries: { source: string }[] };
    expect(r.entries.map((e) => e.source)).toEqual(['glossary', 'cc-cedict']);
    const text = '運營總算力突破了12000P';
    const at = dispatch(service, 'glossAt', { text, offset: text.indexOf('力') }, { checkResults: true }) as { word: string };
    expect(at.word).toBe('算力');
  });
});

describe('the API key never follows a changed address', () => {
  let home: FakeProvider;
  let other: FakeProvider;
  let ctx: Awaited<ReturnType<typeof freshService>>;
  beforeEach(async () => {
    home = await startFakeProvider('openai');
    other = await startFakeProvider('openai'); // another port on 127.0.0.1: another origin
    ctx = await freshService();
  });
  afterEach(async () => {
    ctx.cleanup();
    await home.close();
    await other.close();
  });

  const auth = (f: FakeProvider) => f.requests.map((r) => r.headers.authorization ?? null);

  async function translateOne(service: JiaoduiService, documentId: number): Promise<MtJob> {
    const seg = service.getSegments({ documentId }).find((s) => !s.furniture)!;
    const job = dispatch(service, 'startTranslation', { documentId, scope: 'segments', segmentIds: [seg.id] }, { checkResults: true }) as MtJob;
    return waitForJob(service, job.id);
  }

  it('changing only the URL forgets the key: the new host gets no Authorization header', async () => {
    const { service } = ctx;
    const { documentId } = importSample(service);
    service.updateMtSettings({ provider: 'openai', url: home.url, model: 'm', requestsPerSecond: 100, apiKey: 'sk-home' });
    expect(service.getMtSettings()).toMatchObject({ keySet: true, keyOrigin: new URL(home.url).origin });
    expect(await translateOne(service, documentId)).toMatchObject({ state: 'done', translated: 1 });
    expect(auth(home)).toEqual(['Bearer sk-home']);

    // the same origin, another path: the key stays
    expect(service.updateMtSettings({ url: `${home.url}/chat/completions` }).keySet).toBe(true);

    const view = service.updateMtSettings({ url: other.url });
    expect(view).toMatchObject({ keySet: false, keyOrigin: null });
    expect(await translateOne(service, documentId)).toMatchObject({ state: 'done' });
    expect(other.requests.length).toBeGreaterThan(0);
    expect(auth(other).every((a) => a === null)).toBe(true);
    expect(JSON.stringify(other.requests)).not.toContain('sk-home');

    // going back does not bring it back: it was forgotten, not hidden
    expect(service.updateMtSettings({ url: home.url }).keySet).toBe(false);
  });

  it('changing the provider forgets the key; a key saved with the new address is bound to it', async () => {
    const { service } = ctx;
    const { documentId } = importSample(service);
    service.updateMtSettings({ provider: 'openai', url: home.url, model: 'm', requestsPerSecond: 100, apiKey: 'sk-home' });
    expect(service.updateMtSettings({ provider: 'libretranslate' }).keySet).toBe(false);
    // provider, address and key in one save: the key belongs to the new address
    const v = service.updateMtSettings({ provider: 'openai', url: other.url, apiKey: 'sk-other' });
    expect(v).toMatchObject({ keySet: true, keyOrigin: new URL(other.url).origin });
    await translateOne(service, documentId);
    expect(auth(other)).toEqual(['Bearer sk-other']);
    expect(auth(home)).toEqual([]);
  });

  it('a key whose binding does not fit the address is refused, not sent (older unbound key, or another database)', async () => {
    const { service } = ctx;
    const { documentId } = importSample(service);
    service.updateMtSettings({ provider: 'openai', url: other.url, model: 'm', requestsPerSecond: 100 });
    // a key as an older version stored it (bare string), or one bound elsewhere, in the same secret store
    let stored: string | null = 'sk-legacy';
    service.mt.useSecretStore({ storage: 'session', get: () => stored, set: (x) => void (stored = x) });
    expect(service.getMtSettings().keySet).toBe(false);
    const seg = service.getSegments({ documentId }).find((s) => !s.furniture)!;
    expect(() => service.startTranslation({ documentId, scope: 'segments', segmentIds: [seg.id] })).toThrow(/no address recorded.*Enter the key again/);
    stored = JSON.stringify({ t: 'jiaodui-mt-key/1', key: 'sk-home', provider: 'openai', origin: new URL(home.url).origin });
    expect(() => service.startTranslation({ documentId, scope: 'segments', segmentIds: [seg.id] })).toThrow(/entered for http:\/\/127\.0\.0\.1:\d+ \(openai\); it is not sent to http:\/\/127\.0\.0\.1:\d+/);
    expect(other.requests).toEqual([]);
    // saving settings without a key forgets the misfit one
    service.updateMtSettings({ model: 'm2' });
    expect(stored).toBeNull();
  });
});
