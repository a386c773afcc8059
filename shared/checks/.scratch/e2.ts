import { Analysis } from '../analysis';
import { findMentions } from '../entities';
import { runChecks } from '../index';
const ctx = { script: 'hant' as const, variant: 't' as const };
const tests = ['董事長李嘉誠表示,公司將繼續發展。','公司表示,收入增長。','管理層一向表示支持。','財務總監管理層面的工作。','歐陽娜娜女士出席。','謝謝李明先生。','王先生表示同意。','首席執行官張一鳴在會上指出,','剛才王徵介紹的現金','他說,我們會繼續。','高度重視','分析師預計明年增長。','CFO王震介紹生成式AI','余光中表示','范冰冰表示','範冰冰表示','餘光中表示','陳餘表示','李徵還稱,','總裁兼CEO馬雲表示','主席習近平指出','和記黃埔主席李澤鉅表示', '執行董事兼董事會秘書徐冰稱', '徐立還稱,', '由王明表示', '並由張小明表示'];
for (const t of tests) {
  const a = new Analysis({ id: 1, text: t, furniture: null, speaker: null }, ctx);
  console.log(t, '→', findMentions(a, 0).map(m => `${m.text}[${m.evidence}${m.roles.length ? ':' + m.roles : ''}]`).join(' '));
}
