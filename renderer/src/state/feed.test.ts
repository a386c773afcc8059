import { describe, expect, it } from 'vitest';
import { splitFeedLines as readLines } from '../../../shared/contract/changes';

describe('reading the NDJSON feed stream', () => {
  it('splits complete lines, keeps the unfinished rest, skips garbled and invalid lines', () => {
    const change = { type: 'change', seq: 3, at: 'now', client: { kind: 'cli', id: '9' }, reviewer: null, ids: { segments: [4] } };
    const text = `{"type":"heartbeat","seq":2}\n${JSON.stringify(change)}\n{oops\n{"type":"nope","seq":1}\n\n{"type":"resy`;
    const { messages, rest } = readLines(text);
    expect(messages).toEqual([{ type: 'heartbeat', seq: 2 }, change]);
    expect(rest).toBe('{"type":"resy');
    expect(readLines(rest + 'nc","seq":9}\n').messages).toEqual([{ type: 'resync', seq: 9 }]);
  });
});
