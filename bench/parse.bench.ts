// Throughput of the parser on the seeds repeated to 5 MB, and how time grows with the input
// (10× the input should take about 10× the time). Run:
//   rm -rf /tmp/dondoc-bench && npx tsc -p tsconfig.json --outDir /tmp/dondoc-bench &&
//     node /tmp/dondoc-bench/bench/parse.bench.js

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseText } from '../src/parsing/index.js';

const root = process.cwd();
const seeds = ['000_95fe18056013d91d', '001_fa2d4705234aec79']
  .map((id) => readFileSync(join(root, 'test/fixtures/seeds', `${id}.txt`), 'utf8'))
  .join('\n');

function repeatTo(bytes: number, unit: string): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(unit);
    size += Buffer.byteLength(unit, 'utf8') + 1;
  }
  return parts.join('\n');
}

function numbered(n: number): string {
  const lines = ['IV. TỔ CHỨC THỰC HIỆN'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `${i}. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành liên quan theo dõi, ` +
        'đôn đốc, định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2024.',
    );
  }
  return lines.join('\n');
}

/** median of a few runs, in milliseconds */
function time(text: string, runs = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    parseText(text);
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const MB = 1024 * 1024;
const rows: { input: string; size: string; ms: string; mbps: string }[] = [];
const measured: Record<string, number> = {};

function measure(name: string, text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  const ms = time(text);
  measured[name] = ms;
  rows.push({
    input: name,
    size: `${(bytes / MB).toFixed(2)} MB`,
    ms: ms.toFixed(0),
    mbps: (bytes / MB / (ms / 1000)).toFixed(1),
  });
}

// warm-up, so the first measurement is not the JIT's
for (let i = 0; i < 3; i++) parseText(repeatTo(MB, seeds));
parseText(numbered(2_000));
measure('seeds 1× (0.5 MB)', repeatTo(MB / 2, seeds));
measure('seeds 10× (5 MB)', repeatTo(5 * MB, seeds));
measure('numbered 1× (1,000 clauses)', numbered(1_000));
measure('numbered 10× (10,000 clauses)', numbered(10_000));

console.log('input                           size        ms      MB/s');
for (const r of rows) {
  console.log(`${r.input.padEnd(32)}${r.size.padEnd(12)}${r.ms.padStart(6)}${r.mbps.padStart(10)}`);
}
const seedRatio = measured['seeds 10× (5 MB)'] / measured['seeds 1× (0.5 MB)'];
const clauseRatio =
  measured['numbered 10× (10,000 clauses)'] / measured['numbered 1× (1,000 clauses)'];
console.log(
  `\ntime ratio 10×/1×: seeds ${seedRatio.toFixed(1)}, numbered clauses ${clauseRatio.toFixed(1)} ` +
    '(linear ≈ 10)',
);
const throughput = 5 / (measured['seeds 10× (5 MB)'] / 1000);
console.log(`throughput on 5 MB: ${throughput.toFixed(1)} MB/s (goal ≥ 1 MB/s)`);
