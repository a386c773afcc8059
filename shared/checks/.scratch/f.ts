import { pinyin } from 'pinyin-pro';
console.log(pinyin('征', { toneType: 'none', type: 'array', multiple: true }), pinyin('震', { toneType: 'none', type: 'array', multiple: true }), pinyin('王', { toneType: 'none', type: 'array', multiple: true }));
let t=performance.now(); for (let i=0;i<1000;i++) pinyin('立', { toneType: 'none', type: 'array', multiple: true }); console.log(performance.now()-t);
