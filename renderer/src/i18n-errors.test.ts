/**
 * Error messages in the UI language (i18n-errors.ts): every key of shared/error-messages.ts has
 * a Traditional Chinese template with the same parameters, actually translated; an error is shown
 * from its message data in zh-Hant and as its English message otherwise.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { em, errPart, ERROR_MESSAGES_EN, formatErrorMessage } from '../../shared/error-messages';
import { JiaoduiError, namingFile } from '../../shared/errors';
import { notJsonAnswer, unwrap } from '../../shared/contract/client';
import { toErrorPayload } from '../../shared/contract/dispatch';
import { parseGlossaryCsv } from '../../shared/glossary/csv';
import { parseGlossaryTbx } from '../../shared/glossary/tbx';
import { normalizeFields } from '../../shared/glossary/validate';
import { errorText, loadChineseErrors } from './i18n-errors';
import { ERROR_MESSAGES_ZH } from './i18n-errors-zh';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Templates that are a parameter alone (a name as given), parameters joined by punctuation, or a list's punctuation. */
const SAME = new Set(['field.other', 'glossary.at', 'team.connect.refused.said', 'csv.why.sep', 'list.comma', 'list.more']);

describe('error catalog', () => {
  const keys = Object.keys(ERROR_MESSAGES_EN) as (keyof typeof ERROR_MESSAGES_EN)[];

  it('has a Traditional Chinese template for every key and none English lacks', () => {
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => !ERROR_MESSAGES_ZH[k]?.trim())).toEqual([]);
    expect(Object.keys(ERROR_MESSAGES_ZH).filter((k) => !(k in ERROR_MESSAGES_EN))).toEqual([]);
  });

  it('uses the same parameters in both languages', () => {
    expect(keys.filter((k) => placeholders(ERROR_MESSAGES_EN[k]).join() !== placeholders(ERROR_MESSAGES_ZH[k]).join())).toEqual([]);
  });

  it('is translated: Chinese in every template but a bare name, no English sentence left', () => {
    const untranslated = keys.filter((k) => !SAME.has(k) && !/[\u4e00-\u9fff]/.test(ERROR_MESSAGES_ZH[k]));
    expect(untranslated).toEqual([]);
    // English words outside placeholders, file names, options, code and XML element names (<text>): at most a product or format name
    const english = keys.filter((k) => /\b(the|is|was|and|not|file|text)\b/.test(ERROR_MESSAGES_ZH[k].replace(/\{\w+\}|`[^`]*`|<[^<>]*>|--as NEW_NAME|jiaodui users revoke/g, '')));
    expect(english).toEqual([]);
  });
});

describe('errorText', () => {
  const conflict = new JiaoduiError('conflict', em('conflict.nothing-to-undo'));

  it('shows the English message until the Chinese templates are loaded', () => {
    expect(errorText('zh-Hant', conflict)).toBe('Nothing to undo.');
  });

  describe('loaded', () => {
    beforeAll(() => loadChineseErrors());

  it('words an error from its key in zh-Hant and shows the English message in English', () => {
    expect(errorText('zh-Hant', conflict)).toBe('沒有可以復原的動作。');
    expect(errorText('en', conflict)).toBe('Nothing to undo.');
  });

  it('words nested parts (a place, a role) in Chinese', () => {
    const e = new JiaoduiError('edit-conflict', em('edit-conflict.segment.by', { place: [errPart('place.row', { field: [errPart('field.text')], row: 3 })], author: 'Ann', more: [errPart('conflict.more', { count: 2 })] }));
    expect(errorText('zh-Hant', e)).toBe('你讀取之後，Ann 改動了第 3 行的文字（另有 2 處）；沒有儲存任何內容。請重新載入，或選擇要保留哪個版本。');
    const forbidden = new JiaoduiError('forbidden', em('forbidden.role', { name: 'Ann', role: [errPart('role.reviewer')], action: '"dismiss finding"', needed: [errPart('role.lead')] }));
    expect(errorText('zh-Hant', forbidden)).toBe('Ann 的角色是審校員；"dismiss finding" 需要組長角色。請洽團隊管理員。');
  });

  it('keeps the file a refusal names in front, as the English does', () => {
    let e: unknown;
    try {
      namingFile('報告.txt', () => {
        throw new JiaoduiError('import-rejected', em('import.empty'));
      });
    } catch (x) {
      e = x;
    }
    expect(errorText('zh-Hant', e)).toBe('報告.txt：檔案是空的（0 位元組）。請選擇含有要校對文字的檔案。');
  });

  it("words an answer that is no JSON (the page's own error, its English the template's)", () => {
    const e = notJsonAnswer(502);
    expect(e.message).toBe(formatErrorMessage(e.messageData!));
    expect(errorText('zh-Hant', e)).toBe('校對伺服器回應了 502，但不是 JSON。');
  });

  it('falls back to the English message: no message data, a key this catalog does not know (a newer server), not an Error', () => {
    expect(errorText('zh-Hant', new JiaoduiError('invalid-input', 'Plain English.'))).toBe('Plain English.');
    expect(errorText('zh-Hant', new JiaoduiError('conflict', 'From a newer server.', undefined, { key: 'conflict.newer' as never, params: {} }))).toBe('From a newer server.');
    expect(errorText('zh-Hant', new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    // malformed parameters off the wire (the client keeps any data with a key)
    expect(errorText('zh-Hant', new JiaoduiError('conflict', 'Bad params.', undefined, { key: 'not-found.document', params: { id: { x: 1 } } } as never))).toBe('Bad params.');
    expect(errorText('zh-Hant', 'a string')).toBe('a string');
  });

  it('words what a transport delivered (the envelope through the client)', () => {
    let e: unknown;
    try {
      unwrap({ ok: false, error: { code: 'not-found', message: 'There is no document 9.', messageData: { key: 'not-found.document', params: { id: 9 } } } });
    } catch (x) {
      e = x;
    }
    expect(errorText('zh-Hant', e)).toBe('沒有文件 9。');
  });

  it('words the refusals of a glossary entry, a CSV, TBX or XML file and a backup path, and a generic internal error', () => {
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (x) {
        return x;
      }
      throw new Error('did not throw');
    };
    expect(errorText('zh-Hant', caught(() => normalizeFields({ term: '王征', variants: ['王征 '] })))).toBe('錯誤寫法「王征」就是詞條本身');
    expect(errorText('zh-Hant', caught(() => parseGlossaryCsv('term,variants,type,english,extra\n')))).toBe('CSV 第 1 行：標題列必須是 term,variants,type,note,english（缺少 note；不認得 "extra"）');
    expect(errorText('zh-Hant', caught(() => parseGlossaryCsv('term,variants,type,note,english\n王征,,robot,,\n')))).toBe('CSV 第 2 行：未知的類型「robot」（請使用 person, organisation, product, term）');
    expect(errorText('zh-Hant', caught(() => parseGlossaryTbx('<tbx><text></text></tbx>')))).toBe('TBX 第 1 行的 <text>：沒有 <body> 元素');
    expect(errorText('zh-Hant', caught(() => parseGlossaryTbx('<tbx>\n<text><body>\n</tbx>')))).toBe('XML 第 3 行第 1 欄：</tbx> 無法結束 <body>（第 2 行）');
    const xliff = new JiaoduiError('invalid-input', em('xliff.unknown-units', { count: 11, document: 4, units: [errPart('xliff.unit-at', { id: 'x', line: 3, sep: [errPart('list.comma')] }), errPart('xliff.unit-at', { id: 'y', line: 9, sep: [errPart('list.comma')] }), errPart('list.more')] }));
    expect(xliff.message).toBe('XLIFF: 11 unit(s) do not match a segment of document 4: "x" (line 3), "y" (line 9), …. Nothing was imported.');
    expect(errorText('zh-Hant', xliff)).toBe('XLIFF 檔案：有 11 個單元對不上文件 4 的段落：「x」（第 3 行）、「y」（第 9 行）、……。沒有匯入任何內容。');
    expect(errorText('zh-Hant', new JiaoduiError('invalid-input', em('backup.is-folder', { file: '/tmp/b' })))).toBe('無法讀取 /tmp/b：這是資料夾，不是備份檔。');
    const internal = toErrorPayload(new Error('boom')).error;
    expect(internal.message).toBe('Internal error: boom');
    expect(errorText('zh-Hant', Object.assign(new Error(internal.message), { messageData: internal.messageData }))).toBe('校對內部發生錯誤（這是程式的問題，不是你的輸入造成的）。請回報這個問題。');
  });

  it("names Jiaodui's own projects as the Chinese library does in a project's refusals, and others as they are", () => {
    expect(errorText('zh-Hant', new JiaoduiError('conflict', em('conflict.project-in-trash', { name: 'Inbox', trashed: 2 })))).toBe('專案「收件匣」在垃圾桶中仍有 2 份文件：請先還原並移走它們，或清空垃圾桶（在團隊伺服器上由管理員執行），再刪除這個專案。');
    expect(errorText('zh-Hant', new JiaoduiError('conflict', em('conflict.project-name-taken', { name: 'Samples' })))).toBe('已經有名為「範例」的專案。');
    expect(errorText('zh-Hant', new JiaoduiError('conflict', em('conflict.project-name-taken', { name: '財經' })))).toBe('已經有名為「財經」的專案。');
    expect(errorText('en', new JiaoduiError('conflict', em('conflict.project-name-taken', { name: 'Inbox' })))).toBe('A project named "Inbox" already exists.');
  });
  });
});
