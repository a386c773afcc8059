import { describe, it, expect } from 'vitest';
import { detectTurnLabel } from './speakers';

describe('detectTurnLabel', () => {
  it('detects Q/A and 問/答 labels with ASCII or full-width colons', () => {
    expect(detectTurnLabel('Q:算力一直是我們的優勢')).toEqual({ label: 'Q', bodyStart: 2 });
    expect(detectTurnLabel('A:首先,我們肯定會')).toEqual({ label: 'A', bodyStart: 2 });
    expect(detectTurnLabel('Q：問題')).toEqual({ label: 'Q', bodyStart: 2 });
    expect(detectTurnLabel('A： 回答')).toEqual({ label: 'A', bodyStart: 3 });
    expect(detectTurnLabel('問:今年如何?')).toEqual({ label: '問', bodyStart: 2 });
    expect(detectTurnLabel('答：很好。')).toEqual({ label: '答', bodyStart: 2 });
    expect(detectTurnLabel('问：今年如何？')).toEqual({ label: '问', bodyStart: 2 });
  });

  it('bodyStart points at the speech', () => {
    const p = 'Q : 有沒有規劃?';
    const l = detectTurnLabel(p)!;
    expect(p.slice(l.bodyStart)).toBe('有沒有規劃?');
  });

  it('detects named speakers (2–4 CJK characters or a Latin name)', () => {
    expect(detectTurnLabel('徐立：大家好。')).toEqual({ label: '徐立', bodyStart: 3 });
    expect(detectTurnLabel('歐陽娜娜:你好')?.label).toBe('歐陽娜娜');
    expect(detectTurnLabel('John Smith: Thanks.')).toEqual({ label: 'John Smith', bodyStart: 12 });
    expect(detectTurnLabel('Jensen：謝謝')?.label).toBe('Jensen');
  });

  it('accepts a role word alone or before a name', () => {
    expect(detectTurnLabel('主持人:歡迎各位。')?.label).toBe('主持人');
    expect(detectTurnLabel('分析師:請問毛利率?')?.label).toBe('分析師');
    expect(detectTurnLabel('首席執行官：謝謝。')?.label).toBe('首席執行官');
    expect(detectTurnLabel('分析師 張三:請問')?.label).toBe('張三');
    expect(detectTurnLabel('主持人徐立：開始')?.label).toBe('徐立');
    expect(detectTurnLabel('CFO王震：收入增長')?.label).toBe('王震');
    expect(detectTurnLabel('分析師 John Smith: hi')?.label).toBe('John Smith');
    expect(detectTurnLabel('記者問：今年目標？')?.label).toBe('記者');
  });

  it('rejects section headings, enumerations and dates', () => {
    for (const p of [
      'Q&A:',
      '第一,持續保持集團的技術領先',
      '第一:持續保持',
      '第三是股價的問題',
      '2023年:收入增長',
      '首先:我們',
      '其次：',
      '一是：降本',
      '徐立表示:今年',
      'Note: this is a note',
      'Q3:收入',
      '商湯科技(00020)業績交流會:2023年上線GPU',
      '董事長兼首席執行官徐立在會上表示:',
      '這是一個很長的句子:後面',
      '近日,商湯科技召開業績交流會。',
      '',
    ]) {
      expect(detectTurnLabel(p), p).toBeNull();
    }
  });

  it('requires the label at the start of the paragraph', () => {
    expect(detectTurnLabel('他說 Q:什麼')).toBeNull();
    expect(detectTurnLabel('  A:回答')).toEqual({ label: 'A', bodyStart: 4 });
  });
});
