import type { PlanDiagnostic, Severity } from '../model';
import type { Confidence, RegistryAgency, RegistryDocument, RegistryProvince } from '../registry/types';
import { readDate } from '../syntax/dates';
import { SourceText } from '../syntax/source-text';
import type { CheckConfig } from './rule';

/** A workspace's `kehoach.json`: check settings plus the registry files to load (paths relative to it). */
export interface WorkspaceConfig extends CheckConfig {
  registry?: string[];
}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const KEYS = ['rules', 'registry', 'planDate', 'system', 'toneStyle', '$schema'];

/** Diagnostics for a JSON file, placed on the first occurrence of `needle` (a key or value) or at the top. */
class JsonReporter {
  readonly diagnostics: PlanDiagnostic[] = [];
  private readonly src: SourceText;

  constructor(private readonly text: string, private readonly code: string) {
    this.src = new SourceText(text);
  }

  at(needle: string | number | undefined, message: string, severity: Severity = 'error'): void {
    let start = 0;
    let end = 0;
    if (typeof needle === 'number') {
      start = end = Math.min(needle, this.text.length);
    } else if (needle !== undefined) {
      const i = this.text.indexOf(JSON.stringify(needle));
      if (i >= 0) {
        start = i;
        end = i + JSON.stringify(needle).length;
      }
    }
    this.diagnostics.push({ range: this.src.range(start, end), severity, code: this.code, message });
  }

  parse(): unknown {
    try {
      return JSON.parse(this.text);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message);
      this.at(position ? Number(position[1]) : 0, `JSON không hợp lệ / Invalid JSON: ${(error as Error).message}`);
      return undefined;
    }
  }
}

/**
 * Reads and validates `kehoach.json`. Never throws: a malformed file or an
 * unknown key, rule id or value is a diagnostic in that file (code `config`),
 * and what is valid is kept.
 */
export function parseWorkspaceConfig(text: string, knownRules: readonly string[]): { config: WorkspaceConfig; diagnostics: PlanDiagnostic[] } {
  const out = new JsonReporter(text, 'config');
  const config: WorkspaceConfig = {};
  const json = out.parse();
  if (json === undefined) return { config, diagnostics: out.diagnostics };
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    out.at(0, 'kehoach.json phải là một đối tượng JSON { … } / kehoach.json must be a JSON object');
    return { config, diagnostics: out.diagnostics };
  }
  const obj = json as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) out.at(key, `Khóa không biết "${key}"; các khóa: ${KEYS.slice(0, -1).join(', ')} / Unknown key "${key}"`);
  }
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) out.at('rules', '"rules" phải là đối tượng { "mã-quy-tắc": "warning" } / "rules" must be an object');
    else {
      const rules: Record<string, Severity | 'off'> = {};
      for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!knownRules.includes(id)) out.at(id, `Không có quy tắc "${id}" (xem docs/rules.md) / No rule "${id}" (see docs/rules.md)`);
        else if (typeof value !== 'string' || !SEVERITIES.includes(value)) out.at(id, `Mức của "${id}" phải là một trong ${SEVERITIES.join(', ')} / Severity of "${id}" must be one of ${SEVERITIES.join(', ')}`);
        else rules[id] = value as Severity | 'off';
      }
      config.rules = rules;
    }
  }
  if (obj.registry !== undefined) {
    if (!Array.isArray(obj.registry) || !obj.registry.every((p) => typeof p === 'string')) out.at('registry', '"registry" phải là danh sách đường dẫn tệp JSON / "registry" must be a list of JSON file paths');
    else config.registry = obj.registry as string[];
  }
  if (obj.planDate !== undefined) {
    const date = typeof obj.planDate === 'string' ? readDate(obj.planDate) : undefined;
    if (!date) out.at('planDate', '"planDate" phải là một ngày (2026-03-15 hoặc 15/3/2026) / "planDate" must be a date');
    else config.planDate = date.iso;
  }
  if (obj.system !== undefined) {
    if (!['state', 'party', 'mass'].includes(obj.system as string)) out.at('system', '"system" phải là state, party hoặc mass / "system" must be state, party or mass');
    else config.system = obj.system as WorkspaceConfig['system'];
  }
  if (obj.toneStyle !== undefined) {
    if (!['modern', 'classic'].includes(obj.toneStyle as string)) out.at('toneStyle', '"toneStyle" phải là modern (hóa, ủy) hoặc classic (hoá, uỷ) / "toneStyle" must be modern or classic');
    else config.toneStyle = obj.toneStyle as WorkspaceConfig['toneStyle'];
  }
  return { config, diagnostics: out.diagnostics };
}

const CONFIDENCES: Confidence[] = ['verified', 'secondary', 'cited', 'unverified'];
/** Earlier names of a confidence that registry files written for older versions may still use. */
const CONFIDENCE_ALIASES: Record<string, Confidence> = { seed: 'cited' };

/** An entry with its confidences under their current names. */
function withCurrentConfidence(entry: Record<string, unknown>): Record<string, unknown> {
  const current = { ...entry };
  for (const key of ['confidence', 'statusConfidence']) {
    const alias = CONFIDENCE_ALIASES[current[key] as string];
    if (alias) current[key] = alias;
  }
  return current;
}
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a workspace registry file (`{ "documents": […], "agencies": […], "provinces": […] }`,
 * the shapes of server/src/registry/types.ts). Entries with missing or wrong
 * fields are reported (code `registry`) and left out; the rest is kept.
 */
export function parseRegistryFile(text: string): { documents: RegistryDocument[]; agencies: RegistryAgency[]; provinces: RegistryProvince[]; diagnostics: PlanDiagnostic[] } {
  const out = new JsonReporter(text, 'registry');
  const result = { documents: [] as RegistryDocument[], agencies: [] as RegistryAgency[], provinces: [] as RegistryProvince[] };
  const json = out.parse() as Record<string, unknown> | undefined;
  if (json === undefined) return { ...result, diagnostics: out.diagnostics };
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    out.at(0, 'Tệp danh mục phải là đối tượng { "documents": [...], "agencies": [...] } / A registry file must be an object');
    return { ...result, diagnostics: out.diagnostics };
  }
  const need = (entry: Record<string, unknown>, fields: Record<string, (v: unknown) => boolean>, label: string): boolean => {
    const bad = Object.entries(fields).filter(([k, ok]) => !ok(entry[k]));
    if (bad.length) out.at(typeof entry[Object.keys(fields)[0]] === 'string' ? (entry[Object.keys(fields)[0]] as string) : undefined, `${label}: thiếu hoặc sai trường ${bad.map(([k]) => k).join(', ')} / missing or wrong fields ${bad.map(([k]) => k).join(', ')}`);
    return bad.length === 0;
  };
  const str = (v: unknown) => typeof v === 'string' && v.length > 0;
  const iso = (v: unknown) => typeof v === 'string' && ISO.test(v);
  const optIso = (v: unknown) => v === undefined || iso(v);
  const conf = (v: unknown) => CONFIDENCES.includes(v as Confidence);
  const list = (key: string) => (Array.isArray(json[key]) ? (json[key] as Record<string, unknown>[]).map(withCurrentConfidence) : json[key] === undefined ? [] : (out.at(key, `"${key}" phải là danh sách / must be a list`), []));
  for (const d of list('documents')) {
    if (need(d, { number: str, type: str, issuer: str, date: iso, title: (v) => typeof v === 'string', system: str, confidence: conf, replacedOn: optIso, expiredOn: optIso }, 'Văn bản / Document')) {
      result.documents.push({ sources: [], ...d } as unknown as RegistryDocument);
    }
  }
  for (const a of list('agencies')) {
    if (need(a, { id: str, name: str, level: str, system: str, confidence: conf, validFrom: optIso, validTo: optIso }, 'Cơ quan / Agency')) {
      result.agencies.push({ aliases: [], generic: false, sources: [], ...a } as unknown as RegistryAgency);
    }
  }
  for (const p of list('provinces')) {
    if (need(p, { name: str, kind: str, confidence: conf, validTo: optIso }, 'Tỉnh / Province')) result.provinces.push({ sources: [], ...p } as unknown as RegistryProvince);
  }
  return { ...result, diagnostics: out.diagnostics };
}
