import { readCorpus, scoreCorpus } from '/work/wt/extract/test/extract/corpus.js';
const all = readCorpus();
const s = scoreCorpus(all.filter((p, i) => p.split === 'tune' && i < 261));
console.log(`old tune: ${s.passages} p, ${s.expected} exp, ${s.extracted} ext, ${s.correct} ok; P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}`);
const fmt = (o: any) => `${o.indicator} ${o.region} ${o.period} ${o.value}${o.series ? ' ' + o.series : ''}`;
if (process.argv.includes('-v')) for (const m of s.misses) { console.log('##', m.id, all.find(p=>p.id===m.id)!.text.slice(0,300).replace(/\n/g,' ')); for (const e of m.missed) console.log('  MISSED', fmt(e)); for (const o of m.wrong) console.log('  WRONG', fmt(o), '«' + String((o as any).quote ?? '').slice(0, 100) + '»'); }
