const seg = new Intl.Segmenter('zh', { granularity: 'word' });
for (const p of ['布局','收获','周期','凭借','尽管','标注','复合架','刚才','复合式','有云','定制化','定制','布局','标注']) console.log(p, [...seg.segment(p)].map(x=>x.segment).join('|'));
