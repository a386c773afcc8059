import { stCharsMap, tsCharsMap } from '../analysis';
import { ONE_TO_MANY } from '../data/oneToMany';
import { TW_VARIANTS, HK_VARIANTS } from '../data/variants';
import { VARIANT_GROUPS } from '../data/misuse';
const st = stCharsMap(), ts = tsCharsMap();
const valid = new Set<string>();
for (const v of st.values()) valid.add(v);
for (const c of Object.values(ONE_TO_MANY)) for (const x of c) valid.add(x);
for (const k of ts.keys()) valid.add(k);
for (const [a, b] of [...TW_VARIANTS, ...HK_VARIANTS]) { valid.add(a); valid.add(b); }
for (const g of VARIANT_GROUPS) for (const x of g) valid.add(x);
const so = [...st.keys()].filter(k => st.get(k) !== k && !valid.has(k));
console.log(so.length, so.slice(0, 200).join(''));
for (const c of '着里干后这为户说们云台') console.log(c, so.includes(c), st.get(c), ts.get(c));
console.log(ts.get('著'), st.get('著'), ts.get('着'), ts.get('為'), ts.get('爲'));
