/**
 * API fuzz: for every method of the contract, malformed payloads through `dispatch`
 * (wrong types per field, missing and extra fields, null, arrays, 1 MB strings, deep
 * nesting, prototype-pollution keys, NaN/Infinity/-0/1e308 and negative ids) are all
 * refused with 'invalid-input', nothing stored changes, and Object.prototype stays clean.
 * Well-formed arguments pointing at ids that do not exist get 'not-found' (or 'conflict'),
 * never an internal error. Then a sample over HTTP with raw bodies.
 *
 * Seeded: set JIAODUI_FUZZ_SEED to reproduce a failure (every failure message names the seed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshService, importSample } from './test-helpers';
import { startServer, MAX_BODY_BYTES, type RunningServer } from './server';
import type { JiaoduiService } from './service';
import { databaseDigest } from '../db/digest';
import { apiSchema, methodNames, type MethodName } from '../shared/contract/api';
import { envelope } from '../shared/contract/dispatch';

const SEED = Number(process.env.JIAODUI_FUZZ_SEED ?? 20261124);
const NOWHERE = 987_654_321;

/** mulberry32: small, fast, good enough to pick fuzz cases reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Field names of an args schema (objects, unions of objects, refined objects). */
function fieldsOf(schema: unknown): Record<string, unknown> {
  const d = defOf(schema);
  if (d.type === 'object') return d.shape as Record<string, unknown>;
  if (d.type === 'union') return Object.assign({}, ...(d.options as unknown[]).map(fieldsOf));
  if (d.type === 'pipe') return fieldsOf(d.in);
  return {};
}

/** A plausible value for a schema (not always valid: strings with patterns are guesses). */
function sample(schema: unknown, rnd: () => number, key: string, nowhere: boolean, depth = 0): unknown {
  const d = defOf(schema);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  switch (d.type) {
    case 'optional':
      return rnd() < 0.5 ? undefined : sample(d.innerType, rnd, key, nowhere, depth);
    case 'nullable':
      return rnd() < 0.2 ? null : sample(d.innerType, rnd, key, nowhere, depth);
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sample(d.innerType, rnd, key, nowhere, depth);
    case 'pipe':
      return sample(d.in, rnd, key, nowhere, depth);
    case 'number':
    case 'int':
      if (nowhere && /id$/i.test(key)) return NOWHERE;
      return pick([0, 1, 2, 5, 10]);
    case 'boolean':
      return rnd() < 0.5;
    case 'string':
      return pick(['x', '王震', 'hello world', '2024-03-28', '#3366ff', 'k', 'AAAA', 'a.csv', 'doc.txt', 'comment']);
    case 'enum':
      return pick(Object.values(d.entries as Record<string, string>));
    case 'literal':
      return pick(d.values as unknown[]);
    case 'array': {
      if (nowhere && /ids$/i.test(key) && defOf(d.element).type === 'number') return [NOWHERE];
      const n = depth > 2 ? 0 : 1 + Math.floor(rnd() * 2);
      return Array.from({ length: n }, () => sample(d.element, rnd, key.replace(/s$/, ''), nowhere, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) {
        const val = sample(v, rnd, k, nowhere, depth + 1);
        if (val !== undefined) out[k] = val;
      }
      return out;
    }
    case 'union':
      return sample(pick(d.options as unknown[]), rnd, key, nowhere, depth);
    default:
      return undefined;
  }
}

/** Try to build arguments the schema accepts (ids pointing nowhere when `nowhere`). */
function validArgs(method: MethodName, rnd: () => number, nowhere: boolean): Record<string, unknown> | null {
  const schema = apiSchema[method].args;
  for (let i = 0; i < 200; i++) {
    const a = sample(schema, rnd, '', nowhere);
    if (a && typeof a === 'object' && schema.safeParse(a).success) return a as Record<string, unknown>;
  }
  return null;
}

function deep(n: number): unknown {
  let v: unknown = { leaf: 1 };
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
function deepArray(n: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

const MB_STRING = 'x'.repeat(1024 * 1024);
const MB_CJK = '王'.repeat(1024 * 1024);

/** Hostile field values: wrong types, special numbers, huge strings, deep nesting, pollution objects. */
const HOSTILE_VALUES: [string, () => unknown][] = [
  ['null', () => null],
  ['true', () => true],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['-0', () => -0],
  ['1e308', () => 1e308],
  ['-1e308', () => -1e308],
  ['2^53', () => 2 ** 53],
  ['negative', () => -1],
  ['-987654321', () => -NOWHERE],
  ['1.5', () => 1.5],
  ['numeric string', () => '1'],
  ['1 MB string', () => MB_STRING],
  ['1 M CJK string', () => MB_CJK],
  ['empty array', () => []],
  ['array of ids', () => [1, 2]],
  ['object', () => ({})],
  ['deep object', () => deep(5000)],
  ['deep array', () => deepArray(5000)],
  ['__proto__ object', () => JSON.parse('{"__proto__": {"polluted": "yes"}}')],
  ['constructor object', () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}')],
  ['null-prototype object', () => Object.create(null)],
  ['function', () => () => 1],
  ['symbol', () => Symbol('x')],
  ['bigint', () => 10n],
  ['date', () => new Date(0)],
];

/** Whole payloads that are not an args object at all. */
const HOSTILE_PAYLOADS: [string, () => unknown][] = [
  ['array', () => []],
  ['array of object', () => [{}]],
  ['string', () => 'getInfo'],
  ['number', () => 1],
  ['NaN', () => NaN],
  ['true', () => true],
  ['1 MB string', () => MB_STRING],
  ['deep object', () => deep(10_000)],
  ['__proto__ key', () => JSON.parse('{"__proto__": {"polluted": "yes"}}')],
  ['constructor key', () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}')],
  ['prototype key', () => JSON.parse('{"prototype": {"polluted": "yes"}}')],
  ['function', () => () => 1],
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const BAD_METHOD_NAMES: unknown[] = [...PROTO_KEYS, '', ' getInfo', 'getInfo\u0000', 'GETINFO', 'db', 'operation', 'tx', 'importBytes', 'ensureSample', null, undefined, 1, {}, [], Symbol('getInfo'), 'x'.repeat(100_000)];

let env: Awaited<ReturnType<typeof freshService>>;
let svc: JiaoduiService;
let protoBefore: string[];

beforeAll(async () => {
  env = await freshService();
  svc = env.service;
  const { documentId } = importSample(svc);
  const seg = svc.getSegments({ documentId })[2];
  svc.addAnnotation({ segmentId: seg.id, start: 0, end: 2, kind: 'comment', body: 'fuzz target' });
  svc.editSegment({ segmentId: seg.id, text: seg.text + '。' });
  protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterAll(() => env.cleanup());

function expectClean(where: string): void {
  expect(({} as Record<string, unknown>).polluted, `${where}: Object.prototype polluted (seed ${SEED})`).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${where}: Object.prototype changed (seed ${SEED})`).toEqual(protoBefore);
}

/** Send `args`; it must be refused with invalid-input (when the schema rejects it). */
async function expectInvalid(method: unknown, args: unknown, label: string): Promise<void> {
  const r = await envelope(svc, method, args, { checkResults: true });
  if (r.ok) throw new Error(`${String(method)} accepted ${label} (seed ${SEED})`);
  expect(r.error.code, `${String(method)} ${label}: ${r.error.message} (seed ${SEED})`).toBe('invalid-input');
  expect(r.error.message.length).toBeGreaterThan(10);
  expect(r.error.message.length, 'error messages stay short even for 1 MB inputs').toBeLessThan(2000);
}

const rejects = (method: MethodName, args: unknown) => !apiSchema[method].args.safeParse(args ?? {}).success;

describe(`API fuzz through dispatch (seed ${SEED})`, () => {
  it('unknown and prototype method names are refused', async () => {
    const before = databaseDigest(svc.db);
    for (const name of BAD_METHOD_NAMES) {
      const r = await envelope(svc, name, {});
      expect(r.ok, String(typeof name === 'symbol' ? 'symbol' : name).slice(0, 40)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-input');
        expect(r.error.message).toMatch(/^Unknown method/);
        expect(r.error.message.length).toBeLessThan(200);
      }
    }
    expect(databaseDigest(svc.db)).toBe(before);
    expectClean('method names');
  });

  it.each(methodNames)('%s: malformed payloads are refused with invalid-input, nothing changes', async (method) => {
    const rnd = prng(SEED ^ [...method].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
    const before = databaseDigest(svc.db);
    const fields = Object.keys(fieldsOf(apiSchema[method].args));
    let sent = 0;
    const send = async (args: unknown, label: string) => {
      if (!rejects(method, args)) return; // the schema accepts it: not a malformed payload
      sent++;
      await expectInvalid(method, args, label);
    };
    const base = validArgs(method, rnd, true) ?? {};

    for (const [label, make] of HOSTILE_PAYLOADS) await send(make(), `payload ${label}`);
    await send({ ...base, extra: 1 }, 'an extra field');
    for (const k of PROTO_KEYS) await send(JSON.parse(`{${JSON.stringify(k)}: {"polluted": "yes"}}`), `only key ${k}`);
    for (const k of PROTO_KEYS) await send({ ...base, ...JSON.parse(`{${JSON.stringify(k)}: {"polluted": "yes"}}`) }, `base + key ${k}`);
    for (const f of fields) {
      const { [f]: _dropped, ...missing } = base;
      await send(missing, `without ${f}`);
      for (const [label, make] of HOSTILE_VALUES) await send({ ...base, [f]: make() }, `${f} = ${label}`);
    }
    // random mixtures: several fields replaced at once
    for (let i = 0; i < 30; i++) {
      const args: Record<string, unknown> = { ...base };
      for (const f of fields) if (rnd() < 0.5) args[f] = HOSTILE_VALUES[Math.floor(rnd() * HOSTILE_VALUES.length)][1]();
      if (rnd() < 0.3) args[`k${Math.floor(rnd() * 1000)}`] = 1;
      await send(args, `mixture ${i}`);
    }
    expect(sent, 'every method gets malformed payloads').toBeGreaterThan(5);
    expect(databaseDigest(svc.db), `${method} changed the database (seed ${SEED})`).toBe(before);
    expectClean(method);
  });

  it.each(methodNames)('%s: well-formed arguments pointing nowhere give not-found/conflict, never internal', async (method) => {
    const rnd = prng(SEED + 1);
    const fields = Object.keys(fieldsOf(apiSchema[method].args));
    if (!fields.some((f) => /id$|ids$/i.test(f))) return; // nothing to point nowhere
    const before = databaseDigest(svc.db);
    let tried = 0;
    for (let i = 0; i < 5; i++) {
      const args = validArgs(method, rnd, true);
      if (!args || !JSON.stringify(args).includes(String(NOWHERE))) continue;
      tried++;
      const r = await envelope(svc, method, args, { checkResults: true });
      if (!r.ok) {
        expect(['not-found', 'conflict', 'invalid-input', 'import-rejected'], `${method}(${JSON.stringify(args).slice(0, 200)}): ${r.error.code} ${r.error.message} (seed ${SEED})`).toContain(r.error.code);
        if (r.error.code === 'not-found') expect(r.error.message).toMatch(new RegExp(String(NOWHERE)));
      }
    }
    // Methods with optional ids (listDocuments, search…) may answer with nothing; none may write.
    expect(databaseDigest(svc.db), `${method} changed the database (seed ${SEED})`).toBe(before);
    if (fields.some((f) => /^(segmentId|documentId|annotationId|findingId|labelId)$/.test(f) && !defOf(fieldsOf(apiSchema[method].args)[f]).type.startsWith('optional'))) {
      expect(tried, `${method}: no well-formed arguments generated (seed ${SEED})`).toBeGreaterThan(0);
    }
  });

  it('the service still works afterwards', async () => {
    const docs = svc.listDocuments({});
    expect(docs.length).toBe(1);
    expect((await envelope(svc, 'getSegments', { documentId: docs[0].id })).ok).toBe(true);
  });
});

describe(`API fuzz over HTTP (seed ${SEED})`, () => {
  let server: RunningServer;
  let staticRoot: string;
  beforeAll(async () => {
    staticRoot = mkdtempSync(join(tmpdir(), 'jiaodui-fuzz-static-'));
    server = await startServer(svc, { staticRoot, checkResults: true });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticRoot, { recursive: true, force: true });
  });

  /** A raw POST with node:http (fetch would refuse some of these bodies and headers). */
  function post(path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; json: { ok: boolean; error?: { code: string; message: string } } | null; error?: string }> {
    return new Promise((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json = null;
            try {
              json = JSON.parse(text);
            } catch {
              /* not JSON */
            }
            resolve({ status: res.statusCode ?? 0, json });
          });
        },
      );
      req.on('error', (e) => resolve({ status: 0, json: null, error: e.message }));
      req.end(body);
    });
  }

  it('invalid JSON bodies are 400 invalid-input', async () => {
    const before = databaseDigest(svc.db);
    for (const body of ['{', '{"documentId": 1,}', 'undefined', "{'a': 1}", '\u0000', '{"a": NaN}', '[1, 2', '\xff\xfe{}']) {
      const r = await post('/api/getDocument', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json?.error?.code).toBe('invalid-input');
      expect(r.json?.error?.message).toMatch(/not valid JSON/);
    }
    expect(databaseDigest(svc.db)).toBe(before);
  });

  it('bodies nested 100,000 deep are refused without crashing the server', async () => {
    for (const body of ['{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), '['.repeat(100_000) + ']'.repeat(100_000)]) {
      const r = await post('/api/getDocument', body);
      expect(r.status).toBe(400);
      expect(r.json?.error?.code).toBe('invalid-input');
    }
    expect((await post('/api/getInfo', '{}')).status).toBe(200);
  });

  it('a 16 MB body is 413 and the server keeps serving', async () => {
    const before = databaseDigest(svc.db);
    const body = Buffer.alloc(16 * 1024 * 1024, 0x20);
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const r = await post('/api/importDocument', body);
    expect(r.error, 'the 413 answer reaches the client').toBeUndefined();
    expect(r.status).toBe(413);
    expect(r.json?.error?.message).toMatch(/larger than 15 MB/);
    expect((await post('/api/getInfo', '{}')).status).toBe(200);
    expect(databaseDigest(svc.db)).toBe(before);
  });

  it('a wrong content type is 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', '']) {
      const r = await post('/api/getInfo', '{}', { 'Content-Type': type });
      expect(r.status, type).toBe(415);
      expect(r.json?.error?.code).toBe('invalid-input');
    }
  });

  it('prototype and malformed method names in the URL are refused, not internal errors', async () => {
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', '%5F%5Fproto%5F%5F', '%E0%A4%A', '%', 'getInfo%00', '..%2F..%2Fetc%2Fpasswd']) {
      const r = await post(`/api/${name}`, '{}');
      expect(r.status, name).toBe(400);
      expect(r.json?.error?.code, name).toBe('invalid-input');
    }
  });

  it('a sample of methods with fuzzed JSON bodies: 400 invalid-input, database unchanged, Object.prototype clean', async () => {
    const rnd = prng(SEED + 2);
    const before = databaseDigest(svc.db);
    const methods = methodNames.filter(() => rnd() < 0.4);
    const jsonValues = HOSTILE_VALUES.filter(([l]) => !['NaN', 'Infinity', '-Infinity', 'deep object', 'deep array', 'function', 'symbol', 'bigint', 'date', 'null-prototype object', '1 M CJK string'].includes(l));
    let sent = 0;
    for (const method of methods) {
      const base = validArgs(method, rnd, true) ?? {};
      const fields = Object.keys(fieldsOf(apiSchema[method].args));
      const bodies: string[] = ['[]', '"x"', '1', 'null', '{"__proto__": {"polluted": "yes"}}', '{"constructor": {"prototype": {"polluted": "yes"}}}', JSON.stringify({ ...base, extra: 1 })];
      for (const f of fields) {
        const [, make] = jsonValues[Math.floor(rnd() * jsonValues.length)];
        bodies.push(JSON.stringify({ ...base, [f]: make() }));
        // JSON has no NaN/Infinity: 1e999 parses to Infinity
        bodies.push(JSON.stringify({ ...base, [f]: 0 }).replace(`"${f}":0`, `"${f}":1e999`));
      }
      for (const body of bodies) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          continue;
        }
        if (!rejects(method, parsed)) continue;
        sent++;
        const r = await post(`/api/${method}`, body);
        expect(r.status, `${method} ${body.slice(0, 120)} (seed ${SEED})`).toBe(400);
        expect(r.json?.ok).toBe(false);
        expect(r.json?.error?.code).toBe('invalid-input');
      }
    }
    expect(sent).toBeGreaterThan(50);
    expect(databaseDigest(svc.db)).toBe(before);
    expectClean('http');
  });
});
