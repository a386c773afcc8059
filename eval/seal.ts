/** npm run eval:seal — rewrite eval/manifest.json from the files under eval/texts and eval/data. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR } from './lib/dataset';
import { buildManifest } from './lib/manifest';

const manifest = buildManifest(EVAL_DIR);
writeFileSync(join(EVAL_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
process.stdout.write(`sealed ${Object.keys(manifest.files).length} files in eval/manifest.json\n`);
