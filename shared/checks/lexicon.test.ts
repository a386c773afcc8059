/**
 * conversion-ambiguity's lexicon mechanism (lexicon.ts) on sentences of our own, with a small
 * hand-written dictionary in CC-CEDICT's shape (Traditional, Simplified, senses). The real
 * dictionary is wired in core (core/check-lexicon.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildSiblingLexicon, lexiconFindings as lexiconFindingsOf, lexiconKeeps, type LexiconEntry } from './lexicon';
import { Analysis } from './analysis';
import { checkSegment, runChecks } from './index';
import { HANT, segs } from './testkit';
import type { CheckContext, Finding } from './types';

const e = (traditional: string, simplified: string, ...senses: string[]): LexiconEntry => ({ traditional, simplified, senses });
const LEX = buildSiblingLexicon([
  e('乾燥', '干燥', 'dry'),
  e('修鬍', '修胡', 'to trim one’s beard'),
  e('胡鬧', '胡闹', 'to act wilfully'),
  e('糧穀', '粮谷', 'grain'),
  e('山谷', '山谷', 'valley'),
  // a made-up second word: where both forms are words, the rule stays silent
  e('存糧', '存粮', 'grain in store'),
  e('糧谷', '粮谷', 'grain valley (made up for the test)'),
  e('糧穀倉', '粮谷仓', 'granary (made up for the test)'),
  // spelling entries: never proposed, and 佔 is a spelling of 占, not another meaning
  e('鬆樹', '松树', 'variant of 松樹[song1 shu4]'),
  e('松樹', '松树', 'pine tree'),
  e('佔', '占', 'variant of 占[zhan4]'),
  e('占', '占', 'to occupy'),
  e('占優', '占优', 'to dominate'),
]);
const ONLY_SIBLING = buildSiblingLexicon([e('修鬍', '修胡', 'to trim one’s beard'), e('糧穀', '粮谷', 'grain')]);
const CTX: CheckContext = { ...HANT, lexicon: LEX };

const lexiconFindings = (fs: Finding[]) => fs.filter((f) => f.messageData.key === 'conversion.lexicon');
const run = (text: string, ctx = CTX) => lexiconFindings(runChecks(segs(text), ctx));

describe('conversion-ambiguity: an independent lexicon', () => {
  it('keeps only what the rule reads: one-to-many characters and short words holding one', () => {
    expect(lexiconKeeps('乾')).toBe(true);
    expect(LEX.variantPairs.has('佔占')).toBe(true);
    expect(lexiconKeeps('乾燥')).toBe(true);
    expect(lexiconKeeps('燥')).toBe(false);
    expect(lexiconKeeps('電腦')).toBe(false);
    expect(lexiconKeeps('乾燥劑的')).toBe(true);
    expect(lexiconKeeps('乾燥劑的用')).toBe(false);
    expect(LEX.words.has('鬆樹')).toBe(true);
    expect(LEX.proper.has('鬆樹=松树')).toBe(false);
  });

  it('flags the converter’s choice where only the sibling makes a word (修胡 → 修鬍, 糧谷 → 糧穀)', () => {
    // OpenCC writes 修胡 and 糧谷 from 修胡/粮谷: the round trip of the correct 修鬍, 糧穀
    const [f] = run('他每天早上先修胡再出門。', { ...HANT, lexicon: ONLY_SIBLING });
    expect(f).toMatchObject({ rule: 'conversion-ambiguity', severity: 'warning', text: '胡', start: 7, fixes: [{ replacement: '鬍' }] });
    expect(f.messageData.params).toMatchObject({ word: '修鬍', text: '修胡', simplified: '修胡', s: '胡', y: '鬍' });
    expect(run('倉庫存放的糧谷足夠一季。', { ...HANT, lexicon: ONLY_SIBLING }).map((x) => [x.text, x.fixes[0].replacement])).toEqual([['谷', '穀']]);
  });

  it('is silent on the correct sentence and where the text’s form is a word', () => {
    expect(run('他每天早上先修鬍再出門。')).toEqual([]);
    expect(run('倉庫存放的糧穀足夠一季。')).toEqual([]);
    expect(run('山谷裡的溪水清澈見底。')).toEqual([]);
    expect(run('別在會議上胡鬧。')).toEqual([]);
  });

  it('is silent where both forms are words (糧谷 and 糧穀 in this dictionary)', () => {
    expect(run('倉庫存放的糧谷足夠一季。')).toEqual([]);
  });

  it('does not propose a spelling-only entry nor judge spellings of one character (佔/占)', () => {
    const spelling = buildSiblingLexicon([e('修鬍', '修胡', 'variant of 修鬚[xiu1 xu1]')]);
    expect(run('他每天早上先修胡再出門。', { ...HANT, lexicon: spelling })).toEqual([]);
    // 佔優 is no word here and 占優 is, but 佔 is recorded as a spelling of 占
    expect(run('多方明顯佔優，收盤走高。')).toEqual([]);
  });

  it('leaves a form the converter would not write from the Simplified text (a writer’s choice)', () => {
    // OpenCC writes 山谷 from 山谷: a text with 山穀 (no word; 山谷 is) was not made by the converter
    // (directly: conversion.ts reports this place against OpenCC's phrase, and one card per place is kept)
    expect(lexiconFindingsOf(new Analysis(segs('山穀裡的溪水清澈見底。')[0], HANT), LEX)).toEqual([]);
    expect(lexiconFindingsOf(new Analysis(segs('他每天早上先修胡再出門。')[0], HANT), ONLY_SIBLING)).toHaveLength(1);
  });

  it('finds nothing without a lexicon, in a Simplified document, and runs per segment too', () => {
    const ctx = { ...HANT, lexicon: ONLY_SIBLING };
    expect(run('他每天早上先修胡再出門。', HANT)).toEqual([]);
    expect(lexiconFindings(runChecks(segs('他每天早上先修胡再出门。'), { ...ctx, script: 'hans' }))).toEqual([]);
    expect(lexiconFindings(checkSegment(segs('他每天早上先修胡再出門。')[0], ctx)).map((f) => f.text)).toEqual(['胡']);
  });
});
