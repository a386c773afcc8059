#!/usr/bin/env node
/**
 * Draw build-resources/icon.png (512×512): 校 in warm white on a calm teal tile, with a
 * vermilion proofreader's underline. Rendered by headless Chromium with Noto Serif CJK
 * (Debian: chromium, fonts-noto-cjk). The PNG is committed; run this only to change it.
 * Usage: node scripts/make-icon.mjs [path-to-chromium]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build-resources', 'icon.png');
const chromium = process.argv[2] ?? 'chromium';

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;width:512px;height:512px;background:transparent;overflow:hidden}
.tile{position:absolute;left:32px;top:32px;width:448px;height:448px;border-radius:100px;
  background:linear-gradient(160deg,#3a7f78 0%,#2a635e 55%,#1f4f4b 100%);
  box-shadow:inset 0 2px 0 rgba(255,255,255,.18), inset 0 -3px 0 rgba(0,0,0,.18)}
.glyph{position:absolute;left:0;top:62px;width:512px;text-align:center;font:700 300px/1 "Noto Serif CJK TC","Noto Serif CJK SC",serif;color:#f7f1e3}
.mark{position:absolute;left:156px;top:392px;width:200px;height:18px;border-radius:9px;background:#d8553a}
</style></head><body><div class="tile"></div><div class="glyph">校</div><div class="mark"></div></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'jiaodui-icon-'));
try {
  const page = join(dir, 'icon.html');
  writeFileSync(page, html);
  const r = spawnSync(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000', '--window-size=512,512', `--screenshot=${OUT}`, `file://${page}`],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`${chromium} failed: ${r.stderr || r.error}`);
  process.stdout.write(`Wrote ${OUT} (${statSync(OUT).size} bytes).\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
