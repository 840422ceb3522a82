// How much of what real plans cite the registry knows: for each plan (`.kh`) under the folders
// given, its citations, the central documents among them (laws, ordinances, decrees; resolutions,
// directives, decisions and conclusions of the Quốc hội, the Government, the Prime Minister and the
// party's central bodies) and the citation-unknown hints `kehoach check` gives; then the share of
// distinct central documents cited that the registry knows, and those it does not.
//
//   npx tsx scripts/registry-coverage.ts DIR… [--json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkPlan } from '../server/src/checks';
import type { Citation } from '../server/src/model';
import { builtinRegistry } from '../server/src/registry/builtin';
import { parsePlan } from '../server/src/syntax/parse';

/** The issuer part of a central document's symbol: the Government, the Prime Minister, the Quốc hội and its standing committee, the party's centre. */
const CENTRAL_SYMBOL = /(?:^|[-/])(?:CP|TTg|QH\d*|UBTVQH\d*|TW)$/u;
const CENTRAL_TYPES = new Set(['Luật', 'Bộ luật', 'Pháp lệnh', 'Nghị định', 'Nghị quyết', 'Chỉ thị', 'Quyết định', 'Kết luận', 'Quy định', 'Hiến pháp']);

export function isCentral(c: Pick<Citation, 'docType' | 'symbol'>): boolean {
  return CENTRAL_TYPES.has(c.docType) && CENTRAL_SYMBOL.test(c.symbol.replace(/\s+/g, ''));
}

function plans(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? plans(path) : name.endsWith('.kh') ? [path] : [];
    });
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json').flatMap(plans);
if (files.length === 0) {
  console.error('Cách dùng / usage: npx tsx scripts/registry-coverage.ts DIR… [--json]');
  process.exit(2);
}
const registry = builtinRegistry();
const rows: { plan: string; citations: number; central: number; unknownHints: number }[] = [];
/** Distinct central documents cited (serial, year, symbol), with whether the registry knows them and where they are cited. */
const central = new Map<string, { known: boolean; cited: string; plans: Set<string> }>();
for (const file of files) {
  const parsed = parsePlan(readFileSync(file, 'utf8'));
  const plan = basename(file, '.kh');
  const date = parsed.document.header.planDate?.iso;
  const unknownHints = checkPlan(parsed, { registry }).filter((d) => d.code === 'citation-unknown').length;
  const cited = parsed.document.citations.filter(isCentral);
  for (const c of cited) {
    const key = `${c.serial}/${c.year ?? ''}/${c.symbol.replace(/\s+/g, '')}`.toLocaleUpperCase('vi');
    const entry = central.get(key) ?? { known: false, cited: `${c.docType} ${c.numberText.replace(/\s+/g, '')}`, plans: new Set<string>() };
    entry.known ||= registry.findDocument(c, date) !== undefined;
    entry.plans.add(plan);
    central.set(key, entry);
  }
  rows.push({ plan, citations: parsed.document.citations.length, central: cited.length, unknownHints });
}
const known = [...central.values()].filter((e) => e.known).length;
const unknown = [...central.values()].filter((e) => !e.known).sort((a, b) => b.plans.size - a.plans.size || (a.cited < b.cited ? -1 : 1));
const hints = rows.reduce((n, r) => n + r.unknownHints, 0);
if (json) {
  console.log(JSON.stringify({ plans: rows, distinctCentral: central.size, known, unknownHints: hints, unknown: unknown.map((e) => ({ cited: e.cited, plans: [...e.plans] })) }, null, 1));
} else {
  for (const r of rows) console.log(`${r.plan}\t${r.citations} citations\t${r.central} central\t${r.unknownHints} citation-unknown`);
  console.log(`\n${files.length} plans; ${hints} citation-unknown hints (${(hints / files.length).toFixed(1)} a plan)`);
  console.log(`distinct central documents cited: ${central.size}; known: ${known} (${((100 * known) / Math.max(1, central.size)).toFixed(1)}%)`);
  for (const e of unknown) console.log(`  unknown: ${e.cited} (${e.plans.size} plan${e.plans.size > 1 ? 's' : ''})`);
}
