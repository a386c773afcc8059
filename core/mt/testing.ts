/**
 * Fake translation providers for tests (unit and end-to-end): local HTTP servers that
 * speak the OpenAI chat-completions and LibreTranslate protocols, with scripted
 * misbehaviour. Nothing here touches the network beyond 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Behaviour {
  status?: number;
  headers?: Record<string, string>;
  /** raw body to send (malformed JSON, wrong shape…) */
  raw?: string;
  /** wait this long before answering (timeouts) */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  at: number;
}

export interface FakeProvider {
  url: string;
  requests: RecordedRequest[];
  /** Scripted answers, consumed one per request before the default behaviour applies. */
  script: Behaviour[];
  /** The default answer's translation of a text. */
  translate: (text: string) => string;
  /** Every request waits this long (slow provider: for cancelling mid-job). */
  delayMs: number;
  close(): Promise<void>;
}

export function fakeTranslation(text: string): string {
  return `EN(${text})`;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

export async function startFakeProvider(kind: 'openai' | 'libretranslate'): Promise<FakeProvider> {
  const fake: FakeProvider = {
    url: '',
    requests: [],
    script: [],
    translate: fakeTranslation,
    delayMs: 0,
    close: async () => undefined,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readJson(req);
      fake.requests.push({ path: req.url ?? '', headers: req.headers, body, at: Date.now() });
      const b = fake.script.shift() ?? {};
      const delay = (b.delayMs ?? 0) + fake.delayMs;
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (res.destroyed) return;
      let payload: string;
      if (b.raw !== undefined) payload = b.raw;
      else if (kind === 'openai') {
        const msgs = (body as { messages?: { role: string; content: string }[] })?.messages ?? [];
        const user = msgs.find((m) => m.role === 'user')?.content ?? '';
        payload = JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: fake.translate(user) }, finish_reason: 'stop' }] });
      } else {
        const q = (body as { q?: string })?.q ?? '';
        payload = JSON.stringify({ translatedText: fake.translate(q) });
      }
      res.writeHead(b.status ?? 200, { 'Content-Type': 'application/json', ...b.headers });
      res.end(payload);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  fake.url = kind === 'openai' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
