/**
 * The UI catalogs of the second column (i18n-columns.ts) and of machine translation,
 * glosses and About (i18n-mt.ts): every key has a Traditional Chinese string, with the same
 * {placeholders} as the English one, actually translated (only names and symbols may stay
 * as they are); the command labels of these features too (i18n.ts), and the revision
 * reasons they write (i18n-review.ts). Operation labels (i18n-operations.ts): a template per
 * key of shared/operation-labels.ts in both languages, the English one giving the stored text.
 */
import { describe, expect, it } from 'vitest';
import { COLUMNS_CATALOG, translateColumns } from './i18n-columns';
import { CONFLICT_CATALOG } from './i18n-conflict';
import { SESSION_CATALOG } from './i18n-session';
import { TEAM_CATALOG } from './i18n-team';
import { ROLES_CATALOG } from './i18n-roles';
import { GLOSSARY_CATALOG } from './i18n-glossary';
import { EXPORT_CATALOG } from './i18n-export';
import { MT_CATALOG, translateMt } from './i18n-mt';
import { PROJECT_SETTINGS_CATALOG } from './i18n-project-settings';
import { commandKey, MAIN_CATALOG, makeI18n, translate } from './i18n';
import { defaultProjectOf } from '../../shared/domain/values';
import { REVIEW_CATALOG } from './i18n-review';
import { HISTORY_CATALOG } from './i18n-history';
import { IMPORT_CATALOG } from './i18n-import';
import { reasonWords as reasonLabel } from '../../shared/wording/reasons';
import { REVISION_REASONS } from '../../shared/wording/reasons';
import { COMMANDS } from '../../shared/commands';
import { formatOperationLabel, OPERATIONS_CATALOG } from './i18n-operations';
import * as labels from '../../shared/operation-labels';
import { RULES_CATALOG, ruleTitle } from './i18n-rules';
import { FINDINGS_CATALOG } from './i18n-findings';
import { CLAIMS_CATALOG } from './i18n-claims';
import { REPORTS_CATALOG } from './i18n-reports';
import { REPORT_CATALOG } from '../../shared/export/report-wording';
import { ALL_CLAIM_TYPES, CLAIM_STATUSES, CLAIM_VERDICTS, EVIDENCE_KINDS } from '../../shared/claims/types';
import { RULES } from '../../shared/checks';
import { CLAIMS_RULE_INFO } from '../../core/claims-findings'; // test only: the one rule core adds

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys whose text is a name, a symbol or a URL list, the same in both languages. */
const SAME = new Set(['columns.noneShort', 'gloss.cedict', 'mt.provider.libretranslate', 'number.value', 'export.format.md']);

describe.each([
  ['i18n-columns', COLUMNS_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-mt', MT_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-operations', OPERATIONS_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-rules', RULES_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-findings', FINDINGS_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-conflict', CONFLICT_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-session', SESSION_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-team', TEAM_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-claims', CLAIMS_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-roles', ROLES_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-glossary', GLOSSARY_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-export', EXPORT_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-project-settings', PROJECT_SETTINGS_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
])('%s', (_name, catalog) => {
  const keys = Object.keys(catalog.en);

  it('has a Traditional Chinese string for every key, and no key English lacks', () => {
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !catalog['zh-Hant'][k]?.trim())).toEqual([]);
    expect(Object.keys(catalog['zh-Hant']).filter((k) => !(k in catalog.en))).toEqual([]);
  });

  it('keeps the placeholders', () => {
    expect(keys.filter((k) => placeholders(catalog.en[k]).join() !== placeholders(catalog['zh-Hant'][k]).join())).toEqual([]);
  });

  it('translates (the Chinese string is not the English one, and has Chinese in it)', () => {
    const untranslated = keys.filter((k) => !SAME.has(k) && (catalog['zh-Hant'][k] === catalog.en[k] || !/\p{Script=Han}/u.test(catalog['zh-Hant'][k])));
    expect(untranslated).toEqual([]);
  });
});

describe('labels of the column, machine translation and licence features', () => {
  it('translates their commands', () => {
    const ids = COMMANDS.map((c) => c.id).filter((id) => /^(mt\.|help\.licences|view\.cycleColumn|segment\.editEnglish|segment\.lookup|file\.attachParallel)/.test(id));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      const zh = translate('zh-Hant', commandKey(id));
      expect(zh, id).not.toBe(translate('en', commandKey(id)));
      expect(zh, id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names the revision reasons of English and alignment edits', () => {
    for (const r of ['mt', 'align:merge', 'align:split', 'align:shift', 'attach']) {
      expect(reasonLabel('en', r)).not.toBe(r);
      expect(reasonLabel('zh-Hant', r)).toMatch(/\p{Script=Han}/u);
    }
    for (const r of Object.keys(REVISION_REASONS.en)) expect(reasonLabel('zh-Hant', r), r).toMatch(/\p{Script=Han}/u);
  });

  it('fills placeholders', () => {
    expect(translateColumns('zh-Hant', 'columns.editEnglish', { n: 5 })).toBe('第 5 段的英文');
    expect(translateMt('zh-Hant', 'mt.progress.label', { done: 3, total: 9 })).toBe('3 / 9 段');
  });
});

describe('operation labels (undo, redo, change log)', () => {
  const samples = [
    labels.editSegmentLabel(3),
    labels.statusLabel([4], 'approved'),
    labels.statusLabel([4, 5], 'unreviewed'),
    labels.furnitureLabel(2, true),
    labels.furnitureLabel(2, false),
    labels.editApproveLabel(4),
    labels.splitLabel(7),
    labels.mergeLabel(7),
    labels.revertLabel(5, null),
    labels.revertLabel(5, 42),
    labels.fixLabel('doubled', 1, 9),
    labels.fixLabel('doubled', 3, 9),
    labels.dismissLabel('doubled'),
    labels.addClaimLabel(1),
    labels.editClaimLabel(2, ['type', 'status'], 1),
    labels.deleteClaimLabel(2, 1),
    labels.claimCandidateLabel(true, 1),
    labels.claimCandidateLabel(false, 1),
    labels.xliffImportLabel(1),
    labels.xliffImportLabel(3),
    labels.applyGlossaryLabel(1),
    labels.applyGlossaryLabel(3),
    labels.mtSegmentLabel(1),
    labels.mtSegmentsLabel(3),
    labels.editEnglishLabel(1),
    labels.editApproveEnglishLabel(1),
    labels.englishStatusLabel([1], 'approved'),
    labels.englishStatusLabel([1, 2], 'edited'),
    ...(['english', 'source'] as const).flatMap((k) => [
      labels.alignLabel(k, 'merge', undefined, 2),
      labels.alignLabel(k, 'split', undefined, 2),
      labels.alignLabel(k, 'shift', 'up', 2),
      labels.alignLabel(k, 'shift', 'down', 2),
      labels.attachParallelLabel(k),
    ]),
    labels.replaceLabel('王震', '王征'),
    labels.propagateLabel(2, 1),
    labels.propagateLabel(2, 4),
  ];
  const withReplay = [...samples, ...samples.flatMap((l) => [labels.replayLabel('undo', { label: l.text, structured: l }), labels.replayLabel('redo', { label: l.text, structured: l })])];

  it('has an English and a Traditional Chinese template for every label key', () => {
    for (const key of labels.OPERATION_LABEL_KEYS) {
      expect(OPERATIONS_CATALOG.en, key).toHaveProperty([`op.${key}`]);
      expect(OPERATIONS_CATALOG['zh-Hant'][`op.${key}` as keyof typeof OPERATIONS_CATALOG.en], key).toMatch(/\p{Script=Han}/u);
    }
    // and the samples cover every key
    expect(new Set(withReplay.map((l) => l.key))).toEqual(new Set(labels.OPERATION_LABEL_KEYS));
  });

  // the stored English text names a rule by its id (the CLI prints it); the UI names it by its title
  const ruleNamed = (l: labels.OperationLabel) => {
    const rule = l.params.rule ?? l.of?.params.rule;
    return typeof rule === 'string' ? l.text.replace(rule, ruleTitle('en', rule)) : l.text;
  };

  it('words every label: the English template gives the stored text (a rule by its title), the Chinese one Chinese', () => {
    for (const l of withReplay) {
      expect(formatOperationLabel('en', l, 'fallback')).toBe(ruleNamed(l));
      const zh = formatOperationLabel('zh-Hant', l, 'fallback');
      expect(zh).not.toBe('fallback');
      expect(zh).toMatch(/\p{Script=Han}/u);
      expect(zh).not.toMatch(/[{}]/);
    }
  });

  it('translates statuses, claim fields and the wrapped target of undo', () => {
    expect(formatOperationLabel('zh-Hant', labels.statusLabel([4], 'approved'), '')).toBe('將第 4 段標為已核准');
    expect(formatOperationLabel('zh-Hant', labels.editClaimLabel(2, ['type', 'status'], 1), '')).toBe('編輯第 1 段的陳述 2（類型、狀態）');
    const edit = labels.editSegmentLabel(3);
    expect(formatOperationLabel('zh-Hant', labels.replayLabel('undo', { label: edit.text, structured: edit }), '')).toBe('復原「編輯第 3 段」');
    expect(formatOperationLabel('zh-Hant', labels.replaceLabel('王震', '王征'), '')).toBe('將「王震」取代為「王征」');
  });

  it('falls back to the English text without a key, for an unknown key or missing params', () => {
    expect(formatOperationLabel('zh-Hant', null, 'Edit segment 3')).toBe('Edit segment 3');
    expect(formatOperationLabel('zh-Hant', undefined, 'Edit segment 3')).toBe('Edit segment 3');
    expect(formatOperationLabel('zh-Hant', { key: 'from-the-future', params: {} }, 'Future thing')).toBe('Future thing');
    expect(formatOperationLabel('zh-Hant', { key: 'segment.edit', params: {} }, 'Edit segment 3')).toBe('Edit segment 3');
    // an undo of an operation stored before migration 009: the target's English text inside Chinese
    expect(formatOperationLabel('zh-Hant', labels.replayLabel('undo', { label: 'Edit segment 3', structured: null }), 'Undo Edit segment 3')).toBe('復原「Edit segment 3」');
  });
});

describe('rule titles', () => {
  it('name every rule the service lists, in English as the service does', () => {
    for (const r of [...RULES, CLAIMS_RULE_INFO]) expect([r.id, ruleTitle('en', r.id)]).toEqual([r.id, r.title]);
  });
  it('fall back to the service title for a rule the catalog does not know', () => {
    expect(ruleTitle('zh-Hant', 'future-rule', 'Future rule')).toBe('Future rule');
    expect(ruleTitle('zh-Hant', 'doubled')).toBe('重複的字詞或標點');
  });
  it('name the rule by its title inside an operation label, in both languages (the stored English keeps the id)', () => {
    const l = labels.dismissLabel('doubled');
    expect(l.text).toBe('Dismiss doubled');
    expect(formatOperationLabel('zh-Hant', l, l.text)).toBe('略過檢查結果：重複的字詞或標點');
    expect(formatOperationLabel('en', l, l.text)).toBe('Dismiss Doubled word or punctuation');
    const fix = labels.fixLabel('entity-consistency', 2, 4);
    expect(formatOperationLabel('en', fix, fix.text)).toBe('Fix 2 × Name spelled inconsistently');
    expect(formatOperationLabel('en', labels.replayLabel('undo', { label: fix.text, structured: fix }), '')).toBe('Undo Fix 2 × Name spelled inconsistently');
  });
});

describe('claims catalog', () => {
  it('labels every claim type, verdict, status (and candidate) and evidence kind', () => {
    const en = CLAIMS_CATALOG.en as Record<string, string>;
    const keys = [
      ...ALL_CLAIM_TYPES.map((v) => `claims.value.type.${v}`),
      ...CLAIM_VERDICTS.map((v) => `claims.value.verdict.${v}`),
      ...[...CLAIM_STATUSES, 'candidate'].map((v) => `claims.value.status.${v}`),
      ...EVIDENCE_KINDS.map((v) => `claims.value.evidence.${v}`),
    ];
    expect(keys.filter((k) => !en[k])).toEqual([]);
  });
  it('names the claims commands in both languages', () => {
    for (const id of ['view.claimsWide', 'segment.claim'] as const) {
      expect(translate('zh-Hant', commandKey(id))).toMatch(/\p{Script=Han}/u);
      expect(translate('en', commandKey(id))).not.toBe(commandKey(id));
    }
  });
});

describe('English UI strings: one apostrophe', () => {
  // the straight one (Taiwan's), as the finding messages and most strings write it; “ ” stay quotation marks
  it('every English string of every UI catalog writes the straight apostrophe, never ’', () => {
    const catalogs: Record<string, Record<string, string>> = {
      i18n: MAIN_CATALOG.en,
      'i18n-review': REVIEW_CATALOG.en,
      'i18n-reports': REPORTS_CATALOG.en,
      'i18n-columns': COLUMNS_CATALOG.en,
      'i18n-mt': MT_CATALOG.en,
      'i18n-operations': OPERATIONS_CATALOG.en,
      'i18n-rules': RULES_CATALOG.en,
      'i18n-findings': FINDINGS_CATALOG.en,
      'i18n-conflict': CONFLICT_CATALOG.en,
      'i18n-session': SESSION_CATALOG.en,
      'i18n-team': TEAM_CATALOG.en,
      'i18n-claims': CLAIMS_CATALOG.en,
      'i18n-roles': ROLES_CATALOG.en,
      'i18n-glossary': GLOSSARY_CATALOG.en,
      'i18n-export': EXPORT_CATALOG.en,
      'i18n-history': HISTORY_CATALOG.en,
      'i18n-import': IMPORT_CATALOG.en,
      reasons: REVISION_REASONS.en,
      'report-wording': REPORT_CATALOG.en,
    };
    const curly = Object.entries(catalogs).flatMap(([name, c]) => Object.entries(c).filter(([, v]) => typeof v === 'string' && v.includes('’')).map(([k]) => `${name}: ${k}`));
    expect(curly).toEqual([]);
    expect(Object.values(catalogs).every((c) => Object.keys(c).length > 3)).toBe(true);
  });
});

describe("Jiaodui's own projects", () => {
  it('show Inbox and Samples in the UI language while they keep that name; any other name as named', () => {
    const zh = makeI18n('zh-Hant');
    expect(zh.projectName('Inbox')).toBe('收件匣');
    expect(zh.projectName('Samples')).toBe('範例');
    expect(zh.projectName('Inbox 2')).toBe('Inbox 2');
    expect(zh.projectName('收件匣')).toBe('收件匣');
    expect(makeI18n('en').projectName('Inbox')).toBe('Inbox');
    expect(defaultProjectOf('inbox')).toBeNull();
  });
});
