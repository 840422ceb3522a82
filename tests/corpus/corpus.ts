/**
 * The corpus of real plans (tests/corpus/README.md): each plan imported as
 * `kehoach import` does and checked as `kehoach check` does, its findings
 * matched with the verdicts given by hand. Shared by the test, the script
 * that rewrites the verdict files and the one that measures.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlan } from '../../server/src/checks';
import { importFile } from '../../server/src/host/import-file';
import type { ImportResult } from '../../server/src/import';
import type { PlanDiagnostic } from '../../server/src/model';
import { parsePlan } from '../../server/src/syntax/parse';

export const CORPUS = dirname(fileURLToPath(import.meta.url));

export interface PlanEntry {
  id: string;
  file: string;
  sha256: string;
  form: string;
  issuerKind: string;
  issuer: string;
  number: string;
  year: number;
  set: 'measured' | 'tuning';
  source: { repo: string; path: string; commit: string; origin: string };
  note?: string;
}

export type Verdict = 'true-defect' | 'import-artefact' | 'false-alarm' | 'debatable' | 'unjudged';
export const VERDICTS: Verdict[] = ['true-defect', 'import-artefact', 'false-alarm', 'debatable', 'unjudged'];

export interface JudgedFinding {
  rule: string;
  severity: string;
  /** 1-based line of the imported plan, for a person; findings are matched by rule, flagged text and order. */
  line: number;
  /** The text the finding covers (its line when the range is empty), up to 100 characters. */
  text: string;
  message: string;
  verdict: Verdict;
  reason: string;
}

/** A defect a careful reviewer marks that kehoach does not report. */
export interface MissedDefect {
  line: number;
  text: string;
  what: string;
}

export interface VerdictFile {
  id: string;
  /** The header fields the source gives, as a reader sees them (hand-checked); a field the source lacks is absent. */
  sourceHeader?: Partial<Record<'issuer' | 'number' | 'place' | 'date' | 'kind' | 'summary', string>>;
  findings: JudgedFinding[];
  missed: MissedDefect[];
}

export function manifest(): PlanEntry[] {
  return JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')).plans;
}

/** The plans whose file is missing or not the one the manifest lists. */
export function missingSources(plans: PlanEntry[]): string[] {
  return plans.flatMap((p) => {
    const path = join(CORPUS, p.file);
    if (!existsSync(path)) return [`${p.file} (absent)`];
    const sum = createHash('sha256').update(readFileSync(path)).digest('hex');
    return sum === p.sha256 ? [] : [`${p.file} (SHA-256 ${sum.slice(0, 12)}…, manifest ${p.sha256.slice(0, 12)}…)`];
  });
}

export interface CheckedPlan {
  plan: PlanEntry;
  imported: ImportResult;
  findings: JudgedFinding[];
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The text a diagnostic covers, or its line when the range is empty. */
function flagged(lines: string[], d: PlanDiagnostic): string {
  const { start, end } = d.range;
  if (start.line === end.line && start.character === end.character) return (lines[start.line] ?? '').trim();
  if (start.line === end.line) return lines[start.line]?.slice(start.character, end.character) ?? '';
  return [lines[start.line]?.slice(start.character) ?? '', ...lines.slice(start.line + 1, end.line), lines[end.line]?.slice(0, end.character) ?? ''].join('\n');
}

/** Imports one plan (writing it to imported/) and checks it; a plan without a date of its own is judged on the 31st of December of its year. */
export async function checkCorpusPlan(plan: PlanEntry): Promise<CheckedPlan> {
  const imported = await importFile(join(CORPUS, plan.file));
  mkdirSync(join(CORPUS, 'imported'), { recursive: true });
  writeFileSync(join(CORPUS, 'imported', `${plan.id}.kh`), imported.text);
  const parsed = parsePlan(imported.text);
  const lines = imported.text.split('\n');
  const diagnostics = checkPlan(parsed, { today: `${plan.year}-12-31` });
  const findings = diagnostics.map((d) => ({
    rule: d.code,
    severity: d.severity,
    line: d.range.start.line + 1,
    text: clip(flagged(lines, d).replace(/\s+/g, ' ').trim(), 100),
    message: clip(d.message, 200),
    verdict: 'unjudged' as Verdict,
    reason: '',
  }));
  return { plan, imported, findings };
}

const keyOf = (f: Pick<JudgedFinding, 'rule' | 'text'>) => `${f.rule}\u0000${f.text}`;

/**
 * Pairs the current findings with the judged ones: same rule and flagged
 * text, in order (the second such finding with the second verdict). Returns
 * each current finding with its verdict (or `unjudged`), and the judged
 * findings no longer reported.
 */
export function matchVerdicts(current: JudgedFinding[], judged: JudgedFinding[]): { findings: JudgedFinding[]; gone: JudgedFinding[] } {
  const pool = new Map<string, JudgedFinding[]>();
  for (const j of judged) pool.set(keyOf(j), [...(pool.get(keyOf(j)) ?? []), j]);
  const findings = current.map((f) => {
    const match = pool.get(keyOf(f))?.shift();
    return match ? { ...f, verdict: match.verdict, reason: match.reason } : f;
  });
  return { findings, gone: [...pool.values()].flat() };
}

export function verdictPath(id: string): string {
  return join(CORPUS, 'verdicts', `${id}.json`);
}

export function readVerdicts(id: string): VerdictFile | undefined {
  const path = verdictPath(id);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

export function writeVerdicts(file: VerdictFile): void {
  mkdirSync(join(CORPUS, 'verdicts'), { recursive: true });
  writeFileSync(verdictPath(file.id), `${JSON.stringify(file, null, 1)}\n`);
}
