/**
 * `kehoach review` beside `kehoach import` of the same Word file, in the same
 * run so that the machine's speed cancels out of the ratio (goal: review ≤ 2×
 * import; the review imports the file too, then checks the plan, aligns it
 * with the document and writes the comments and the package):
 *
 * - the DOCX of the largest example (tests/fixtures/review/kehoach-64.docx);
 * - a DOCX of about 100 pages: the same plan's body thirteen times over,
 *   exported by kehoach.
 *
 * Writes bench/review-results.json. Run alone: `node --import tsx bench/review.bench.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { importDocx } from '../server/src/import';
import { layoutPlan } from '../server/src/layout';
import { builtinRegistry } from '../server/src/registry/builtin';
import { renderDocx } from '../server/src/render/docx';
import { reviewWordFile } from '../server/src/review/review';
import { parsePlan } from '../server/src/syntax/parse';

const root = join(import.meta.dirname, '..');
const largest = new Uint8Array(readFileSync(join(root, 'tests', 'fixtures', 'review', 'kehoach-64.docx')));
const plan = readFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), 'utf8');
const [head, body] = [plan.slice(0, plan.indexOf('\n---\n') + 5), plan.slice(plan.indexOf('\n---\n') + 5)];
const closing = body.indexOf('\nTrên đây');
const hundredPages = await renderDocx(layoutPlan(parsePlan(head + Array(13).fill(body.slice(0, closing)).join('\n') + body.slice(closing)).document));

const settings = { registry: builtinRegistry(), config: {} };
const date = '2026-12-04T09:00:00Z';
const results: Record<string, { bytes: number; paragraphs?: number; importMs: number; reviewMs: number; ratio: number; goal: string }> = {};
for (const [name, bytes] of [['largest example (64/KH-UBND)', largest], ['about 100 pages', hundredPages]] as const) {
  const bench = new Bench({ time: 3000, warmupTime: 500 });
  bench.add('import', () => void importDocx(bytes));
  bench.add('review', () => void reviewWordFile(bytes, settings, { date }));
  await bench.run();
  const mean = (task: string) => (bench.getTask(task)!.result as { latency: { mean: number } }).latency.mean;
  const [importMs, reviewMs] = [mean('import'), mean('review')];
  results[name] = { bytes: bytes.length, importMs: +importMs.toFixed(2), reviewMs: +reviewMs.toFixed(2), ratio: +(reviewMs / importMs).toFixed(2), goal: 'review ≤ 2× import' };
  console.log(`${name}: ${bytes.length} bytes, import ${importMs.toFixed(1)} ms, review ${reviewMs.toFixed(1)} ms, ratio ${(reviewMs / importMs).toFixed(2)} (goal ≤ 2)`);
}
writeFileSync(join(root, 'bench', 'review-results.json'), `${JSON.stringify(results, null, 2)}\n`);
