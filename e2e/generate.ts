/**
 * Test data: a UTF-8 Traditional Chinese text of N short paragraphs, one sentence each,
 * numbered so that every segment has a unique, searchable string (`第9000段`).
 * Run directly to write a file: `npx tsx e2e/generate.ts [count] [out]`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PHRASES = [
  '商湯科技的算力規模達到12000P。',
  '集團的日日新大模型性能快速提升。',
  '生成式AI業務爲重點發展方向。',
  '傳統AI業務去年收入爲18.4億。',
  '絕影汽車持續穩步發展。',
  '徐立在會上表示產業佈局已完成。',
  '上線的GPU數量達到了45000個。',
];

/** The paragraph text of segment `n` (1-based). */
export function sentence(n: number): string {
  return `第${n}段：${PHRASES[n % PHRASES.length]}`;
}

export function generateLargeDocument(count = 10_000): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n++) lines.push(sentence(n));
  return lines.join('\n\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = Number(process.argv[2] ?? 10_000);
  const out = process.argv[3] ?? `large-${count}.zh-Hant.txt`;
  writeFileSync(out, generateLargeDocument(count), 'utf8');
  process.stdout.write(`${out}\n`);
}
