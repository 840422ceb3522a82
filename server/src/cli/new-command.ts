import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PlanSystem } from '../model';
import type { Registry } from '../registry/registry';
import { planAsDocument } from '../registry/workspace';
import { newPlan } from '../scaffold';
import { parsePlan } from '../syntax/parse';
import { writeAtomically } from './output-file';

export const NEW_USAGE = '  kehoach new --implements "<văn bản cấp trên>" --issuer "<cơ quan>" [--system state|party|mass] [--date YYYY-MM-DD] [-o OUT.kh]\n                                       kế hoạch mới từ văn bản cấp trên / a new plan from its parent';

const SYSTEMS: readonly PlanSystem[] = ['state', 'party', 'mass'];

/**
 * `kehoach new …`: the skeleton of a plan implementing a parent, printed or
 * written to OUT (atomically, never over an existing file). The `.kh` files
 * of the output's folder (or the current one) and below are the workspace:
 * when the parent is one of them, its tasks for the issuer are listed.
 * `workspace` gives the CLI's folder walk and the registry of the nearest
 * kehoach.json. Exit 0 written, 2 usage or I/O error.
 */
export function newCommand(args: string[], workspace: { expandFiles: (paths: string[]) => string[]; registryOf: (file: string) => Registry }, out: (s: string) => void, err: (s: string) => void): number {
  const values: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^--(implements|issuer|system|date|output)(?:=(.*))?$/.exec(arg) ?? (arg === '-o' ? [arg, 'output', undefined] : null);
    if (!m) return usage(err, `Tùy chọn không biết / Unknown option: ${arg}`);
    values[m[1]] = m[2] ?? args[++i];
  }
  if (!values.implements || !values.issuer) return usage(err, '--implements và --issuer là bắt buộc / --implements and --issuer are required');
  if (values.system && !SYSTEMS.includes(values.system as PlanSystem)) return usage(err, `--system phải là state, party hoặc mass / must be state, party or mass: ${values.system}`);
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return usage(err, `--date có dạng YYYY-MM-DD / --date is YYYY-MM-DD: ${values.date}`);
  const target = values.output && values.output !== '-' ? resolve(values.output) : undefined;
  if (target && existsSync(target)) {
    err(`kehoach: Đã có tệp ${target}; không ghi đè / ${target} exists; not overwriting`);
    return 2;
  }
  const folder = target ? dirname(target) : process.cwd();
  const plans = existsSync(folder) ? workspace.expandFiles([folder]).flatMap((file) => planAsDocument(parsePlan(readFileSync(file, 'utf8')).document, file) ?? []) : [];
  const plan = newPlan({
    implements: values.implements,
    issuer: values.issuer,
    system: values.system as PlanSystem | undefined,
    date: values.date,
    registry: workspace.registryOf(join(folder, 'plan.kh')).with({ documents: plans }),
  });
  for (const note of plan.notes) err(`kehoach: ${note}`);
  if (plan.tasks.length) err(`kehoach: ${plan.tasks.length} nhiệm vụ từ văn bản cấp trên / tasks from the parent`);
  if (target) {
    writeAtomically(target, plan.text);
    out(target);
  } else out(plan.text);
  return 0;
}

function usage(err: (s: string) => void, message: string): number {
  err(`kehoach: ${message}\n${NEW_USAGE}`);
  return 2;
}
