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
 * The two are timed in alternation, round after round (which goes first
 * alternating too), and each figure is the median of its rounds: a machine
 * shared with other work slows both alike, where two runs one after the
 * other (as tinybench times its tasks) each met another load. Each call is
 * timed on the wall clock and in the process's CPU time (user + system):
 * on a loaded machine the wall clock also counts the time the process waited
 * for a core.
 *
 * Writes bench/review-results.json. Run alone: `node --import tsx bench/review.bench.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Milliseconds of one call, on the wall clock and in CPU time. */
function timed(task: () => unknown): { wall: number; cpu: number } {
  const [start, cpu] = [performance.now(), process.cpuUsage()];
  task();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

const results: Record<string, { bytes: number; rounds: number; importMs: number; reviewMs: number; ratio: number; importCpuMs: number; reviewCpuMs: number; cpuRatio: number; goal: string }> = {};
for (const [name, bytes] of [
  ['largest example (64/KH-UBND)', largest],
  ['about 100 pages', hundredPages],
] as const) {
  const tasks = { import: () => importDocx(bytes), review: () => reviewWordFile(bytes, settings, { date }) };
  // Warm until the code of both is compiled: the compiler's threads count in the process's CPU time.
  const warm = performance.now() + 3000;
  for (let round = 0; round < 5 || performance.now() < warm; round++) for (const task of Object.values(tasks)) task();
  const times = { import: [] as { wall: number; cpu: number }[], review: [] as { wall: number; cpu: number }[] };
  const until = performance.now() + 8000;
  for (let round = 0; round < 21 || performance.now() < until; round++) {
    const order = round % 2 ? (['review', 'import'] as const) : (['import', 'review'] as const);
    for (const task of order) times[task].push(timed(tasks[task]));
  }
  const [importMs, reviewMs] = [median(times.import.map((t) => t.wall)), median(times.review.map((t) => t.wall))];
  const [importCpuMs, reviewCpuMs] = [median(times.import.map((t) => t.cpu)), median(times.review.map((t) => t.cpu))];
  const round2 = (n: number) => +n.toFixed(2);
  results[name] = {
    bytes: bytes.length,
    rounds: times.import.length,
    importMs: round2(importMs),
    reviewMs: round2(reviewMs),
    ratio: round2(reviewMs / importMs),
    importCpuMs: round2(importCpuMs),
    reviewCpuMs: round2(reviewCpuMs),
    cpuRatio: round2(reviewCpuMs / importCpuMs),
    goal: 'review ≤ 2× import',
  };
  console.log(
    `${name}: ${bytes.length} bytes, ${times.import.length} rounds (medians): wall import ${importMs.toFixed(1)} ms, review ${reviewMs.toFixed(1)} ms, ratio ${(reviewMs / importMs).toFixed(2)}; ` +
      `CPU import ${importCpuMs.toFixed(1)} ms, review ${reviewCpuMs.toFixed(1)} ms, ratio ${(reviewCpuMs / importCpuMs).toFixed(2)} (goal ≤ 2)`,
  );
}
writeFileSync(join(root, 'bench', 'review-results.json'), `${JSON.stringify(results, null, 2)}\n`);
