/**
 * `npm run bench`: parse + check of the example plans and of synthetic plans
 * 10× and 100× the largest one, beside markdown-it parsing the same text in
 * the same run. Every figure is a ratio to that peer, so the machine's speed
 * cancels out. Writes bench/results.json.
 */
import MarkdownIt from 'markdown-it';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Bench } from 'tinybench';
import { checkPlan } from '../server/src/checks';
import { parsePlan } from '../server/src/syntax/parse';

const root = join(import.meta.dirname, '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.kh'))
  .map((f) => ({ name: f, text: readFileSync(join(root, 'examples', f), 'utf8') }));
if (examples.length === 0) throw new Error('no examples/*.kh to measure');

/** The largest example with its body repeated `times` times under one header. */
function scaled(text: string, times: number): string {
  const cut = text.indexOf('\n---\n');
  const header = cut >= 0 ? text.slice(0, cut + 5) : '';
  const body = cut >= 0 ? text.slice(cut + 5) : text;
  return header + Array.from({ length: times }, () => body).join('\n');
}

const largest = examples.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const inputs = [
  ...examples.map((e) => ({ name: e.name, text: e.text })),
  { name: `${basename(largest.name)} ×10`, text: scaled(largest.text, 10) },
  { name: `${basename(largest.name)} ×100`, text: scaled(largest.text, 100) },
];

const md = new MarkdownIt();
const rows: { input: string; bytes: number; kehoachMs: number; markdownItMs: number; ratio: number }[] = [];

for (const input of inputs) {
  const big = input.text.length > 1_000_000;
  const bench = new Bench({ time: big ? 3000 : 500, iterations: big ? 5 : 20, warmup: true });
  bench.add('kehoach parse + check', () => {
    checkPlan(parsePlan(input.text));
  });
  bench.add('markdown-it parse', () => {
    md.parse(input.text, {});
  });
  await bench.run();
  const mean = (name: string) => {
    const task = bench.getTask(name)!;
    const result = task.result as { latency?: { mean: number }; mean?: number };
    return result.latency?.mean ?? result.mean ?? NaN;
  };
  const kehoachMs = mean('kehoach parse + check');
  const markdownItMs = mean('markdown-it parse');
  rows.push({ input: input.name, bytes: Buffer.byteLength(input.text), kehoachMs, markdownItMs, ratio: kehoachMs / markdownItMs });
}

const at = (suffix: string) => rows.find((r) => r.input.endsWith(suffix))!;
const growth = at('×100').kehoachMs / at('×10').kehoachMs;
const peerGrowth = at('×100').markdownItMs / at('×10').markdownItMs;

console.log('input'.padEnd(48), 'bytes'.padStart(10), 'kehoach ms'.padStart(12), 'markdown-it ms'.padStart(15), 'ratio'.padStart(7));
for (const r of rows) {
  console.log(r.input.padEnd(48), String(r.bytes).padStart(10), r.kehoachMs.toFixed(3).padStart(12), r.markdownItMs.toFixed(3).padStart(15), r.ratio.toFixed(2).padStart(7));
}
console.log(`growth 10× → 100×: kehoach ${growth.toFixed(2)}×, markdown-it ${peerGrowth.toFixed(2)}× (10 means linear)`);

writeFileSync(
  join(root, 'bench', 'results.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, peer: 'markdown-it parse', rows, growth10to100: growth, peerGrowth10to100: peerGrowth }, null, 2) + '\n',
);
console.log('bench/results.json written');
