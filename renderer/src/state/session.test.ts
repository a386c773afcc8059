import { describe, expect, it, vi } from 'vitest';
import {
  draftRestoreIndex,
  draftToKeep,
  onSessionEnded,
  originOf,
  parseKeptDraft,
  reportSessionEnded,
  sessionHasEnded,
  sessionLocale,
  sessionResumed,
  tokenFromText,
  withoutFragment,
} from './session';

const TOKEN = 'Ab3_-xYz0123456789abcdefgHIJKLMN';

describe('the token in an address', () => {
  it('reads it from the printed address, a fragment, or alone', () => {
    expect(tokenFromText(`http://127.0.0.1:5173/#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromText(`  http://localhost:5173/#token=${TOKEN}\n`)).toBe(TOKEN);
    // a team server's sign-in address is pasted the same way
    expect(tokenFromText(`https://team.example/#signin=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromText(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromText(`#a=1&token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromText(TOKEN)).toBe(TOKEN);
  });

  it('finds none in anything else', () => {
    for (const text of ['', 'http://127.0.0.1:5173/', '#token=', '#token=short', 'hello world', '#token=%E0%A4%A', `#token=${TOKEN}<script>`]) expect(tokenFromText(text), text).toBeNull();
  });

  it('tells the address’s origin and drops the fragment', () => {
    expect(originOf(`http://127.0.0.1:5173/#token=${TOKEN}`)).toBe('http://127.0.0.1:5173');
    expect(originOf(TOKEN)).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(withoutFragment(`http://127.0.0.1:5173/?x=1#token=${TOKEN}`)).toBe('http://127.0.0.1:5173/?x=1');
    expect(withoutFragment('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
  });
});

describe('the session-ended signal', () => {
  it('tells every listener once until the session is resumed; a throwing listener does not stop the others', () => {
    const a = vi.fn(() => {
      throw new Error('boom');
    });
    const b = vi.fn();
    const stopA = onSessionEnded(a);
    const stopB = onSessionEnded(b);
    reportSessionEnded();
    reportSessionEnded();
    expect(sessionHasEnded()).toBe(true);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    sessionResumed();
    stopA();
    reportSessionEnded();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    stopB();
    sessionResumed();
  });
});

describe('the unsaved edit kept when the session ends', () => {
  const segments = [
    { id: 10, text: '一' },
    { id: 11, text: '二' },
    { id: 12, text: '三' },
  ];

  it('keeps an open editor’s changed text, with its row and base version', () => {
    expect(draftToKeep({ segmentId: 12, draft: '三改', version: 7 }, 4, segments)).toEqual({ documentId: 4, segmentId: 12, row: 3, text: '三改', version: 7 });
    expect(draftToKeep({ segmentId: 11, draft: '', version: null }, 4, segments)).toEqual({ documentId: 4, segmentId: 11, row: 2, text: '', version: null });
  });

  it('keeps nothing when there is nothing unsaved', () => {
    expect(draftToKeep(null, 4, segments)).toBeNull();
    expect(draftToKeep({ segmentId: 12, draft: '三', version: 7 }, 4, segments)).toBeNull();
    expect(draftToKeep({ segmentId: 99, draft: 'x' }, 4, segments)).toBeNull();
    expect(draftToKeep({ segmentId: 12, draft: 'x' }, null, segments)).toBeNull();
  });

  it('reads back only a well-formed record', () => {
    const kept = { documentId: 4, segmentId: 12, row: 3, text: '三改', version: 7 };
    expect(parseKeptDraft(JSON.stringify(kept))).toEqual(kept);
    expect(parseKeptDraft(JSON.stringify({ ...kept, version: null }))).toEqual({ ...kept, version: null });
    for (const bad of [null, '', '{', 'null', '[]', JSON.stringify({ ...kept, text: 5 }), JSON.stringify({ ...kept, segmentId: '12' }), JSON.stringify({ ...kept, version: 1.5 }), JSON.stringify({ ...kept, row: 0 })]) {
      expect(parseKeptDraft(bad), String(bad)).toBeNull();
    }
  });

  it('goes back to its segment’s row in the same document only', () => {
    const kept = { documentId: 4, segmentId: 12, row: 3, text: '三改', version: 7 };
    expect(draftRestoreIndex(kept, 4, segments)).toBe(2);
    expect(draftRestoreIndex(kept, 4, [{ id: 9 }, ...segments])).toBe(3);
    expect(draftRestoreIndex(kept, 5, segments)).toBeNull();
    expect(draftRestoreIndex(kept, 4, segments.slice(0, 2))).toBeNull();
    expect(draftRestoreIndex(null, 4, segments)).toBeNull();
  });
});

describe('the session screen’s language', () => {
  it('is the one last used here, else the browser’s', () => {
    expect(sessionLocale('zh-Hant', 'en-US')).toBe('zh-Hant');
    expect(sessionLocale('en', 'zh-TW')).toBe('en');
    expect(sessionLocale(null, 'zh-TW')).toBe('zh-Hant');
    expect(sessionLocale('fr', 'zh-CN')).toBe('zh-Hant');
    expect(sessionLocale(null, 'de-DE')).toBe('en');
    expect(sessionLocale(null, undefined)).toBe('en');
  });
});
