import { getConverter } from '../../text/convert';
import { pinyin } from 'pinyin-pro';
const s2t = getConverter('s2t'), t2s = getConverter('t2s');
for (const s of ['有云端的公有云模式','一个是公有云,一个是私有云','云端','布好软件','王征介绍','范冰冰表示','余光中','陈余','李征','魏征','张三丰']) console.log(s, '→', s2t.convert(s));
const seg = new Intl.Segmenter('zh', { granularity: 'word' });
for (const s of ['有云端的公有云模式','公有云','私有云','交由CFO王震介紹','剛才王徵介紹的現金','董事長兼首席執行官徐立在會上表示','執行董事兼董事會秘書徐冰稱','范冰冰表示','人工智能','45000個生成式','商湯表示','公司表示','管理層一向表示','布好軟件','王征','徐立指出']) console.log([...seg.segment(s)].map(x=>x.segment).join('|'));
console.log(pinyin('征震徵', {toneType:'none', type:'array'}), pinyin('徵', {multiple:true, type:'array'}), pinyin('王征',{type:'array'}));
console.log(process.versions.icu, Intl.Segmenter.supportedLocalesOf(['zh']));
