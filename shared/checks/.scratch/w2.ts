const seg = new Intl.Segmenter('zh', { granularity: 'word' });
for (const p of ['發展軟件技術','投資者很多','董事長表示','科技公司','我們的服務','推動效率','增長預期','客戶需求','市場機遇']) console.log(p, [...seg.segment(p)].map(x=>x.segment).join('|'));
