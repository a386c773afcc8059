import { describe, expect, it } from 'vitest';
import { sharedStateChanges, type SharedState } from './shared-state';

const state = (over: Partial<SharedState> = {}): SharedState => ({
  documents: new Map([[1, '"商湯科技" in project "Samples" (#1)']]),
  projects: new Map([[1, 'Samples']]),
  settings: { author: 'root', locale: 'en' },
  connections: new Map(),
  ...over,
});

describe('sharedStateChanges: what a test left on the shared e2e server', () => {
  it('nothing when the state is the same; new projects alone may stay (they cannot be deleted)', () => {
    expect(sharedStateChanges(state(), state())).toEqual([]);
    expect(sharedStateChanges(state(), state({ projects: new Map([[1, 'Samples'], [2, 'Grid focus']]) }))).toEqual([]);
  });

  it('names a document left, one trashed, one moved or renamed', () => {
    const after = state({ documents: new Map([[2, '"結構測試" in project "Inbox" (#3)']]) });
    expect(sharedStateChanges(state(), after)).toEqual(['document #2 "結構測試" in project "Inbox" (#3) was added and is not in the Trash', 'document #1 "商湯科技" in project "Samples" (#1) is in the Trash or gone']);
    const moved = state({ documents: new Map([[1, '"商湯科技" in project "Mine" (#2)']]) });
    expect(sharedStateChanges(state(), moved)).toEqual(['document #1 "商湯科技" in project "Samples" (#1) is now "商湯科技" in project "Mine" (#2)']);
  });

  it('names a renamed project, a changed setting, a connection left open or closed', () => {
    expect(sharedStateChanges(state(), state({ projects: new Map([[1, 'Samples 2']]) }))).toEqual(['project #1 "Samples" was renamed "Samples 2"']);
    expect(sharedStateChanges(state(), state({ settings: { author: 'root', locale: 'zh-Hant' } }))).toEqual(['setting locale was "en", is "zh-Hant"']);
    const open = state({ connections: new Map([['c-1', 'http://127.0.0.1:4000']]) });
    expect(sharedStateChanges(state(), open)).toEqual(['team server connection c-1 to http://127.0.0.1:4000 is still open']);
    expect(sharedStateChanges(open, state())).toEqual(['team server connection c-1 to http://127.0.0.1:4000 was closed']);
  });
});
