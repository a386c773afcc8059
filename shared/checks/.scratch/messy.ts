import { runChecks } from '../index';
import { segs, HANT } from '../testkit';
const messy = [
  '交由CFO李震介紹後續的增長預期,收入爲3,5億元。',
  '剛才李徵介紹的現金外,我們我們還有這个資產。',
  '他說:「公司的客 戶很多,爲此努力。',
  '這是為了明天,也是爲了集團。',
];
for (const f of runChecks(segs(...messy), HANT)) console.log(f.rule, f.severity, f.segmentId, f.start, f.text, '→', f.fixes.map(x => x.replacement).join('/'), '|', f.message, f.related.length ? 'REL ' + f.related.map(r => `${r.segmentId}:${r.start}:${r.text}→${r.fixes.map(x => x.replacement)}`).join(' ') : '');
