/**
 * Writes the markers of a fixture from what the checks report now:
 * `npx tsx tests/helpers/mark-fixture.ts FILE…`. Read the result before
 * committing: the markers are the expectation, the tool only saves typing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkPlan } from '../../server/src/checks';
import { parsePlan } from '../../server/src/syntax/parse';

for (const file of process.argv.slice(2)) {
  const rule = basename(file).split('.')[0];
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !/^\/\/(!| *\^)/.test(l));
  const text = lines.join('\n');
  const found = checkPlan(parsePlan(text), { today: '2026-11-22' }).filter((d) => d.code === rule);
  const after = new Map<number, string[]>();
  for (const d of found) {
    const { start, end } = d.range;
    const marker =
      start.line === end.line && start.character >= 2 ? `//${' '.repeat(start.character - 2)}${'^'.repeat(Math.max(1, end.character - start.character))} ${d.severity} ${d.code}` : undefined;
    after.set(start.line, [...(after.get(start.line) ?? []), marker ?? JSON.stringify(d.range)]);
  }
  const out: string[] = [];
  let shift = 0;
  const explicit: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    for (const m of after.get(i) ?? []) {
      if (m.startsWith('//')) out.push(m);
      else explicit.push(m);
      shift++;
    }
  });
  // Explicit ranges need final line numbers: recompute them against the marked text.
  const marked = out.join('\n');
  const finalFound = checkPlan(parsePlan(marked), { today: '2026-11-22' }).filter((d) => d.code === rule);
  const explicitLines = finalFound
    .filter((d) => !(d.range.start.line === d.range.end.line && d.range.start.character >= 2))
    .map((d) => `//! ${d.severity} ${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
  writeFileSync(file, marked.replace(/\n*$/, '\n') + explicitLines.join('\n') + (explicitLines.length ? '\n' : ''));
  console.log(`${file}: ${finalFound.length} markers (${explicit.length ? explicit.length + ' explicit' : 'carets'}; shift ${shift})`);
}
