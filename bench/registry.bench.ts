/**
 * What the registry costs, beside markdown-it rendering in the same run (the
 * machine's speed and load cancel out of each ratio):
 *
 * - load: `JSON.parse` of server/data/central-documents.json and the table
 *   built from it, with one look-up (what the first check of a process pays
 *   for the thousands of central documents), beside `md.render` of the
 *   largest example;
 * - parse + all checks of each example and of the largest ×10, timed in
 *   turn round after round, with the registry as shipped (the documents entered by hand and the catalogue
 *   generated from the Bộ pháp điển) and with the documents entered by hand
 *   alone (no catalogue), each beside markdown-it; the ratio of the two is
 *   what the catalogue adds to a check (target: at most 1.10).
 *
 * `kehoach check` as a whole process (start, load, check) is in
 * bench/startup.bench.ts.
 *
 * Writes bench/registry-results.json.
 */
import MarkdownIt from 'markdown-it';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import agencies from '../server/data/agencies.json';
import documents from '../server/data/documents.json';
import provinces from '../server/data/provinces.json';
import { checkPlan } from '../server/src/checks';
import { builtinRegistry } from '../server/src/registry/builtin';
import { CentralTable } from '../server/src/registry/central';
import { keyOf, Registry } from '../server/src/registry/registry';
import type { RegistryAgency, RegistryDocument, RegistryProvince } from '../server/src/registry/types';
import { parsePlan } from '../server/src/syntax/parse';
import { medians } from './task-medians';

const root = join(import.meta.dirname, '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.kh'))
  .map((f) => ({ name: f, text: readFileSync(join(root, 'examples', f), 'utf8') }));
const largest = examples.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const cut = largest.text.indexOf('\n---\n') + 5;
const ten = largest.text.slice(0, cut) + Array.from({ length: 10 }, () => largest.text.slice(cut)).join('\n');
const md = new MarkdownIt();

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * xs.length)];
const median = (xs: number[]) => quantile(xs, 0.5);

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

// --- load ----------------------------------------------------------------------------------------------
const file = join(root, 'server/data/central-documents.json');
const raw = readFileSync(file, 'utf8');
const rows = (JSON.parse(raw) as { rows: string[] }).rows.length;
const load = await medians(
  {
    catalogue: () => void new CentralTable((JSON.parse(raw) as { rows: string[] }).rows).find(keyOf('30/2020/NĐ-CP')),
    markdownIt: () => void md.render(largest.text),
  },
  { time: 600, iterations: 20 },
);

// --- check with and without the catalogue ----------------------------------------------------------------
const shipped = builtinRegistry();
const handOnly = new Registry({ documents: documents as RegistryDocument[], agencies: agencies as RegistryAgency[], provinces: provinces as RegistryProvince[] });
const inputs = [...examples, { name: `${largest.name} ×10`, text: ten }];
const check: { input: string; withCatalogueMs: number; handOnlyMs: number; markdownItRenderMs: number; ratio: number; medianRatio: number }[] = [];
/**
 * The three timed in turn, round after round (a tinybench run times one task after the
 * other, and on a shared machine the load changes between them): of each, the lower
 * quartile of the rounds — the work is the same every round, so the faster rounds are
 * the ones least disturbed by other processes, and a quartile is steadier than the
 * fastest one — and the median.
 */
function interleaved(tasks: (() => void)[], rounds: number): number[] {
  const samples = tasks.map(() => [] as number[]);
  for (let r = -3; r < rounds; r++) {
    // Each round in another order: whichever runs after a given task (its garbage) changes too.
    for (let k = 0; k < tasks.length; k++) {
      const i = (k + r + 3) % tasks.length;
      const start = performance.now();
      tasks[i]();
      if (r >= 0) samples[i].push(performance.now() - start);
    }
  }
  return samples.map((xs) => quantile(xs, 0.25)).concat(samples.map(median));
}
for (const input of inputs) {
  const [withCatalogue, hand, markdown, withCatalogueMedian, handMedian] = interleaved(
    [() => void checkPlan(parsePlan(input.text), { registry: shipped }), () => void checkPlan(parsePlan(input.text), { registry: handOnly }), () => void md.render(input.text)],
    input.text.length > 100_000 ? 61 : 201,
  );
  check.push({
    input: input.name,
    withCatalogueMs: round(withCatalogue),
    handOnlyMs: round(hand),
    markdownItRenderMs: round(markdown),
    ratio: round(withCatalogue / hand),
    medianRatio: round(withCatalogueMedian / handMedian),
  });
}

const results = {
  catalogue: { rows, bytes: Buffer.byteLength(raw), loadMs: round(load.catalogue), markdownItRenderLargestMs: round(load.markdownIt), ratio: round(load.catalogue / load.markdownIt) },
  check,
};
writeFileSync(join(import.meta.dirname, 'registry-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
const worst = Math.max(...check.map((c) => c.ratio));
console.log(`check with the catalogue / without: at most ×${worst.toFixed(2)} (target ≤ 1.10)`);
if (worst > 1.1) process.exitCode = 1;
