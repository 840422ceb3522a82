/**
 * Audit of every regular expression in server/src for catastrophic
 * backtracking, with recheck (https://makenowjust-labs.github.io/recheck/):
 * the literals of every source file (read with the TypeScript parser) and the
 * patterns the core builds at run time (recorded while it loads and checks a
 * plan). A pattern that recheck finds vulnerable (exponential or polynomial)
 * fails the test unless `pathological-regex.audit.json` lists it under
 * `reported` with why and where it was reported.
 *
 * recheck takes about 30 s over all of them on two cores, so the patterns it
 * has already found safe are listed under `safe` in the same file and skipped;
 * a new or changed pattern is checked here and then (add it to the list when
 * it is safe, to keep the test quick). `KEHOACH_REGEX_AUDIT=full`
 * checks every pattern again (and says which listed ones are gone).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { examples } from './fuzz-inputs';

const root = join(__dirname, '..');
const audit = JSON.parse(readFileSync(join(__dirname, 'pathological-regex.audit.json'), 'utf8')) as { safe: string[]; reported: Record<string, string> };
const full = process.env.KEHOACH_REGEX_AUDIT === 'full';

interface Pattern {
  where: string;
  source: string;
  flags: string;
}
const keyOf = (p: Pattern) => `/${p.source}/${p.flags}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Regular expression literals, read with the TypeScript parser (a regex cannot find regexes reliably). */
function literals(): Pattern[] {
  const found: Pattern[] = [];
  for (const file of sourceFiles(join(root, 'server', 'src'))) {
    const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(tree);
        const slash = text.lastIndexOf('/');
        found.push({ where: relative(root, file), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

/** Patterns built with `new RegExp(…)`, recorded while the core loads and parses, checks and serves the example plans. */
async function built(): Promise<Pattern[]> {
  const found: Pattern[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      if (typeof args[0] === 'string') found.push({ where: 'built at run time', source: args[0], flags: typeof args[1] === 'string' ? args[1] : '' });
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
  try {
    const { parsePlan } = await import('../server/src/syntax/parse');
    const { checkPlan } = await import('../server/src/checks');
    const { createPlanService } = await import('../server/src/service/plan-service');
    const service = createPlanService({ today: () => '2026-01-15' });
    examples.forEach((text, i) => {
      checkPlan(parsePlan(text));
      const document = { uri: `file:///audit/${i}.kh`, version: 1, getText: () => text };
      service.getCompletions(document, { line: 1, character: 3 });
      service.getHover(document, { line: 10, character: 5 });
      service.getRegistryEntry('kehoach-registry:/document/x.json');
    });
  } finally {
    globalThis.RegExp = Original;
  }
  return found;
}

describe('regular expressions of server/src', () => {
  it('none backtracks catastrophically (recheck), except those reported to their owners', async () => {
    const all = [...literals(), ...(await built())];
    const distinct = new Map(all.map((p) => [keyOf(p), p]));
    expect(distinct.size).toBeGreaterThan(100);
    const known = new Set(audit.safe);
    const problems: string[] = [];
    for (const [key, p] of distinct) {
      if (key in audit.reported) continue;
      if (known.has(key) && !full) continue;
      // `d` (match indices) does not change how a pattern backtracks, and recheck does not know it. No time limit and
      // a fixed seed: the verdict must not depend on how loaded the machine is (a timeout read as "unknown" did).
      const result = await check(p.source, p.flags.replace('d', ''), { timeout: null, randomSeed: 0 });
      if (result.status === 'vulnerable') {
        problems.push(`${p.where}: ${key} is ${result.complexity.summary}: attack ${result.attack.pattern}`);
      } else if (result.status !== 'safe') {
        problems.push(`${p.where}: ${key}: recheck could not decide (${result.status}); audit it by hand and list it under "reported" with the reason`);
      }
    }
    if (full) for (const key of audit.safe) if (!distinct.has(key)) problems.push(`${key} is listed as safe but no longer in server/src`);
    expect(problems).toEqual([]);
  }, 180_000);
});
