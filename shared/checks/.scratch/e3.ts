import { runChecks } from '../index';
import { segs, HANT } from '../testkit';
import { analyse } from '../analysis';
import { documentMentions } from '../entities';
const s = segs('首席財務官張偉表示,收入增長。', '張維指出,成本下降。', '張偉還稱,明年繼續。');
console.log(documentMentions([...analyse(s, HANT).values()]).map(m => [m.text, m.evidence, m.segmentId]));
console.log(JSON.stringify(runChecks(s, HANT).filter(f => f.rule === 'entity-consistency'), null, 1));
