import { describe, expect, it } from 'vitest';
import { changedTextFields, historyValue, stepSpan } from './claim-edit';

describe('stepSpan', () => {
  const text = '收入爲11.8億元。';
  it('extends and shrinks either edge by one character', () => {
    expect(stepSpan(text, 3, 8, 'start', -1)).toEqual({ start: 2, end: 8 });
    expect(stepSpan(text, 3, 8, 'start', 1)).toEqual({ start: 4, end: 8 });
    expect(stepSpan(text, 3, 8, 'end', 1)).toEqual({ start: 3, end: 9 });
    expect(stepSpan(text, 3, 8, 'end', -1)).toEqual({ start: 3, end: 7 });
  });
  it('stops at the segment and never makes the span empty', () => {
    expect(stepSpan(text, 0, 4, 'start', -1)).toBeNull();
    expect(stepSpan(text, 3, text.length, 'end', 1)).toBeNull();
    expect(stepSpan(text, 3, 4, 'start', 1)).toBeNull();
    expect(stepSpan(text, 3, 4, 'end', -1)).toBeNull();
    expect(stepSpan(text, 5, 30, 'end', -1)).toBeNull(); // a span the text no longer holds
  });
  it('steps over a surrogate pair whole', () => {
    const t = '甲𠀋乙'; // 𠀋 is two UTF-16 units
    expect(stepSpan(t, 3, 4, 'start', -1)).toEqual({ start: 1, end: 4 });
    expect(stepSpan(t, 0, 1, 'end', 1)).toEqual({ start: 0, end: 3 });
    expect(stepSpan(t, 1, 4, 'start', 1)).toEqual({ start: 3, end: 4 });
  });
});

describe('changedTextFields', () => {
  it('only the fields typed differently, trimmed; null stored reads as empty', () => {
    expect(changedTextFields({ text: 'a', claimant: null, assignee: '林' }, { text: ' a ', claimant: '', assignee: '陳' })).toEqual({ assignee: '陳' });
    expect(changedTextFields({ claimant: '徐立' }, { claimant: '' })).toEqual({ claimant: '' });
  });
});

describe('historyValue', () => {
  it('words each kind of value', () => {
    expect(historyValue('verdict', null)).toEqual({ kind: 'none' });
    expect(historyValue('assignee', '')).toEqual({ kind: 'none' });
    expect(historyValue('status', 'published')).toEqual({ kind: 'label', field: 'status', value: 'published' });
    expect(historyValue('evidence', JSON.stringify([{ kind: 'note' }, { kind: 'url' }]))).toEqual({ kind: 'items', count: 2 });
    expect(historyValue('span', JSON.stringify({ start: 1, end: 4, exact: '11.8億' }))).toEqual({ kind: 'text', text: '11.8億' });
    expect(historyValue('publishedAt', '2026-12-02T14:00:00.000Z')).toEqual({ kind: 'time', iso: '2026-12-02T14:00:00.000Z' });
    expect(historyValue('assignee', '林編輯')).toEqual({ kind: 'text', text: '林編輯' });
    expect(historyValue('text', 'x'.repeat(80), 10)).toEqual({ kind: 'text', text: 'x'.repeat(9) + '…' });
    expect(historyValue('evidence', 'not json')).toEqual({ kind: 'text', text: 'not json' });
  });
});
