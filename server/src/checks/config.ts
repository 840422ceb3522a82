import type { PlanDiagnostic, Range, Severity } from '../model';
import type { Confidence, RegistryAgency, RegistryDocument, RegistryProvince } from '../registry/types';
import { readDate } from '../syntax/dates';
import { SourceText } from '../syntax/source-text';
import { jsonLocations, type JsonLocation, type JsonPath } from './json-locations';
import type { CheckConfig } from './rule';
import { choicesOf, FILE_KEYS, SEVERITY_SETTINGS } from './settings';

/** A workspace's `kehoach.json`: check settings plus the registry files and word lists to load (paths relative to it). */
export interface WorkspaceConfig extends CheckConfig {
  registry?: string[];
  dictionary?: string[];
}

const SEVERITIES: readonly string[] = SEVERITY_SETTINGS;
const KEYS = FILE_KEYS;

/** Diagnostics for a JSON file, each on the value (or key) it is about, found by its path. */
class JsonReporter {
  readonly diagnostics: PlanDiagnostic[] = [];
  private readonly src: SourceText;
  private locate?: (path: JsonPath) => JsonLocation | undefined;

  constructor(
    private readonly text: string,
    private readonly code: string,
  ) {
    this.src = new SourceText(text);
  }

  /**
   * A finding on the value at `path`: on its key with `key`, on its first
   * character only with `head` (an entry spanning many lines); at the top of
   * the file when the path is not in it.
   */
  at(path: JsonPath, message: string, options: { key?: boolean; head?: boolean; severity?: Severity } = {}): void {
    this.diagnostics.push({ range: this.rangeOf(path, options), severity: options.severity ?? 'error', code: this.code, message });
  }

  rangeOf(path: JsonPath, options: { key?: boolean; head?: boolean } = {}): Range {
    this.locate ??= jsonLocations(this.text);
    const found = path.length ? this.locate(path) : undefined;
    const [start, end] = found ? (options.key && found.keyStart !== undefined ? [found.keyStart, found.keyEnd!] : [found.start, found.end]) : [0, 0];
    return this.src.range(start, options.head ? Math.min(end, start + 1) : end);
  }

  parse(): unknown {
    try {
      return JSON.parse(this.text);
    } catch (error) {
      const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
      const { line, character } = this.src.range(offset, offset).start;
      this.diagnostics.push({
        range: this.src.range(offset, offset),
        severity: 'error',
        code: this.code,
        message: `JSON không hợp lệ ở dòng ${line + 1}, cột ${character + 1} / Invalid JSON at line ${line + 1}, column ${character + 1}`,
      });
      return undefined;
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads and validates `kehoach.json`. Never throws: a malformed file or an
 * unknown key, rule id or value is a diagnostic in that file (code `config`),
 * and what is valid is kept.
 */
export function parseWorkspaceConfig(text: string, knownRules: readonly string[]): { config: WorkspaceConfig; diagnostics: PlanDiagnostic[]; registryRanges: Range[]; dictionaryRanges: Range[] } {
  const out = new JsonReporter(text, 'config');
  const config: WorkspaceConfig = {};
  /** Where each path of `config.registry` and `config.dictionary` is written, for findings on the file it names. */
  const registryRanges: Range[] = [];
  const dictionaryRanges: Range[] = [];
  const json = out.parse();
  if (json === undefined) return { config, diagnostics: out.diagnostics, registryRanges, dictionaryRanges };
  if (!isObject(json)) {
    out.at([], 'kehoach.json phải là một đối tượng JSON { … } / kehoach.json must be a JSON object');
    return { config, diagnostics: out.diagnostics, registryRanges, dictionaryRanges };
  }
  const obj = json as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) out.at([key], `Khóa không biết "${key}"; các khóa: ${KEYS.slice(0, -1).join(', ')} / Unknown key "${key}"`, { key: true });
  }
  if (obj.rules !== undefined) {
    if (!isObject(obj.rules)) out.at(['rules'], '"rules" phải là đối tượng { "mã-quy-tắc": "warning" } / "rules" must be an object');
    else {
      const rules: Record<string, Severity | 'off'> = {};
      for (const [id, value] of Object.entries(obj.rules)) {
        if (!knownRules.includes(id)) out.at(['rules', id], `Không có quy tắc "${id}" (xem docs/rules.md) / No rule "${id}" (see docs/rules.md)`, { key: true });
        else if (typeof value !== 'string' || !SEVERITIES.includes(value))
          out.at(['rules', id], `Mức của "${id}" phải là một trong ${SEVERITIES.join(', ')} / Severity of "${id}" must be one of ${SEVERITIES.join(', ')}`);
        else rules[id] = value as Severity | 'off';
      }
      config.rules = rules;
    }
  }
  // Lists of files: a wrong entry is reported, the other files are still read.
  const paths = (key: 'registry' | 'dictionary', ranges: Range[], what: { vi: string; en: string }): string[] | undefined => {
    if (obj[key] === undefined) return undefined;
    if (!Array.isArray(obj[key])) {
      out.at([key], `"${key}" phải là danh sách đường dẫn ${what.vi} / "${key}" must be a list of paths of ${what.en}`);
      return undefined;
    }
    return (obj[key] as unknown[]).filter((path, i) => {
      const ok = typeof path === 'string' && path.length > 0;
      if (!ok) out.at([key, i], `Mỗi mục của "${key}" là một đường dẫn ${what.vi} / Each entry of "${key}" is the path of ${what.en}`);
      else ranges.push(out.rangeOf([key, i]));
      return ok;
    }) as string[];
  };
  const registry = paths('registry', registryRanges, { vi: 'tệp JSON', en: 'JSON files' });
  if (registry) config.registry = registry;
  const dictionary = paths('dictionary', dictionaryRanges, { vi: 'tệp danh sách từ (mỗi dòng một từ)', en: 'word lists (one word a line)' });
  if (dictionary) config.dictionary = dictionary;
  if (obj.planDate !== undefined) {
    const date = typeof obj.planDate === 'string' ? readDate(obj.planDate) : undefined;
    if (!date) out.at(['planDate'], '"planDate" phải là một ngày (2026-03-15 hoặc 15/3/2026) / "planDate" must be a date');
    else config.planDate = date.iso;
  }
  if (obj.system !== undefined) {
    if (!choicesOf('system').includes(obj.system as string)) out.at(['system'], '"system" phải là state, party hoặc mass / "system" must be state, party or mass');
    else config.system = obj.system as WorkspaceConfig['system'];
  }
  if (obj.toneStyle !== undefined) {
    if (!choicesOf('toneStyle').includes(obj.toneStyle as string)) out.at(['toneStyle'], '"toneStyle" phải là modern (hóa, ủy) hoặc classic (hoá, uỷ) / "toneStyle" must be modern or classic');
    else config.toneStyle = obj.toneStyle as WorkspaceConfig['toneStyle'];
  }
  return { config, diagnostics: out.diagnostics, registryRanges, dictionaryRanges };
}

/** The words of a word list (`dictionary` of kehoach.json): one a line; empty lines and `#` comments left out. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().normalize('NFC'))
    .filter((line) => line && !line.startsWith('#'));
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

/** What a field of a registry entry must be, and how to say it. */
interface FieldRule {
  ok: (value: unknown) => boolean;
  vi: string;
  en: string;
  required?: boolean;
}

const name: FieldRule = { ok: (v) => typeof v === 'string' && v.length > 0, vi: 'phải là chuỗi không rỗng', en: 'must be a non-empty string' };
const text: FieldRule = { ok: (v) => typeof v === 'string', vi: 'phải là chuỗi', en: 'must be a string' };
const date: FieldRule = { ok: (v) => typeof v === 'string' && ISO.test(v), vi: 'phải là ngày YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' };
const names: FieldRule = { ok: (v) => Array.isArray(v) && v.every((x) => name.ok(x)), vi: 'phải là danh sách chuỗi', en: 'must be a list of strings' };
const flag: FieldRule = { ok: (v) => typeof v === 'boolean', vi: 'phải là true hoặc false', en: 'must be true or false' };
const oneOf = (values: readonly string[]): FieldRule => ({ ok: (v) => values.includes(v as string), vi: `phải là một trong ${values.join(', ')}`, en: `must be one of ${values.join(', ')}` });
const successors: FieldRule = {
  ok: (v) => Array.isArray(v) && v.every((s) => isObject(s) && name.ok(s.id) && (s.function === undefined || text.ok(s.function))),
  vi: 'phải là danh sách { "id": …, "function": … }',
  en: 'must be a list of { "id": …, "function": … }',
};
const required = (rule: FieldRule): FieldRule => ({ ...rule, required: true });
const confidence = oneOf(CONFIDENCES);

/** The fields of each kind of registry entry (server/src/registry/types.ts), and the entry's name for a message. */
const ENTRY_KINDS = {
  documents: {
    label: { vi: 'Văn bản', en: 'Document' },
    fields: {
      number: required(name),
      type: required(name),
      issuer: required(name),
      issuerAliases: names,
      date: required(date),
      title: required(text),
      system: required(oneOf(['state', 'party', 'mass'])),
      inForceFrom: date,
      replacedBy: name,
      replacedOn: date,
      expiredOn: date,
      amendedBy: names,
      confidence: required(confidence),
      statusConfidence: confidence,
      sources: names,
      note: text,
    },
  },
  agencies: {
    label: { vi: 'Cơ quan', en: 'Agency' },
    fields: {
      id: required(name),
      name: required(name),
      aliases: names,
      level: required(oneOf(['central', 'province', 'district', 'commune', 'unit'])),
      system: required(oneOf(['state', 'party', 'mass', 'other'])),
      generic: flag,
      province: name,
      validFrom: date,
      validTo: date,
      successors,
      confidence: required(confidence),
      sources: names,
      note: text,
    },
  },
  provinces: {
    label: { vi: 'Tỉnh', en: 'Province' },
    fields: { name: required(name), kind: required(oneOf(['tỉnh', 'thành phố'])), validTo: date, mergedInto: name, formedFrom: names, confidence: required(confidence), sources: names },
  },
} satisfies Record<string, { label: { vi: string; en: string }; fields: Record<string, FieldRule> }>;

type EntryKind = keyof typeof ENTRY_KINDS;

/**
 * Reads a workspace registry file (`{ "documents": […], "agencies": […], "provinces": […] }`,
 * the shapes of server/src/registry/types.ts). An entry that is not an
 * object, lacks a field or has one of the wrong type is reported on that
 * entry or field (code `registry`) and left out; the rest is kept.
 */
export function parseRegistryFile(text: string): { documents: RegistryDocument[]; agencies: RegistryAgency[]; provinces: RegistryProvince[]; diagnostics: PlanDiagnostic[] } {
  const out = new JsonReporter(text, 'registry');
  const result = { documents: [] as RegistryDocument[], agencies: [] as RegistryAgency[], provinces: [] as RegistryProvince[] };
  const json = out.parse();
  if (json === undefined) return { ...result, diagnostics: out.diagnostics };
  if (!isObject(json)) {
    out.at([], 'Tệp danh mục phải là đối tượng { "documents": [...], "agencies": [...] } / A registry file must be an object');
    return { ...result, diagnostics: out.diagnostics };
  }
  for (const key of Object.keys(json)) {
    if (key !== '$schema' && !(key in ENTRY_KINDS))
      out.at([key], `Khóa không biết "${key}", bị bỏ qua; các khóa: documents, agencies, provinces / Unknown key "${key}", ignored`, { key: true, severity: 'warning' });
  }
  for (const kind of Object.keys(ENTRY_KINDS) as EntryKind[]) {
    const list = json[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      out.at([kind], `"${kind}" phải là danh sách / must be a list`);
      continue;
    }
    list.forEach((entry: unknown, i) => {
      const valid = validEntry(out, kind, i, entry);
      if (valid) (result[kind] as unknown[]).push(valid);
    });
  }
  return { ...result, diagnostics: out.diagnostics };
}

/** The entry as the registry takes it (defaults filled, confidences under their current names), or undefined after reporting what is wrong. */
function validEntry(out: JsonReporter, kind: EntryKind, index: number, entry: unknown): Record<string, unknown> | undefined {
  const { label, fields } = ENTRY_KINDS[kind];
  if (!isObject(entry)) {
    out.at([kind, index], `${label.vi} thứ ${index + 1} phải là đối tượng { … }, bị bỏ qua / ${label.en} ${index + 1} must be an object { … }; left out`);
    return undefined;
  }
  const current = withCurrentConfidence(entry);
  const who = [current.number, current.id, current.name].find((v) => typeof v === 'string') as string | undefined;
  const title = { vi: `${label.vi} ${who ?? `thứ ${index + 1}`}`, en: `${label.en} ${who ?? index + 1}` };
  // One finding for the entry, on its first wrong value, else its start: every problem of the entry listed.
  const problems: { vi: string; en: string; field?: string }[] = [];
  for (const [field, rule] of Object.entries(fields) as [string, FieldRule][]) {
    const value = current[field];
    if (value === undefined && rule.required) problems.push({ vi: `thiếu trường ${field}`, en: `missing field ${field}` });
    else if (value !== undefined && !rule.ok(value)) problems.push({ vi: `trường ${field} ${rule.vi}`, en: `field ${field} ${rule.en}`, field });
  }
  if (problems.length) {
    const wrong = problems.find((p) => p.field);
    const list = (lang: 'vi' | 'en') => problems.map((p) => p[lang]).join('; ');
    out.at(wrong ? [kind, index, wrong.field!] : [kind, index], `${title.vi}: ${list('vi')}, bị bỏ qua / ${title.en}: ${list('en')}; left out`, { head: !wrong });
  }
  for (const field of Object.keys(current)) {
    if (!(field in fields)) out.at([kind, index, field], `${title.vi}: trường không biết "${field}", bị bỏ qua / ${title.en}: unknown field "${field}", ignored`, { key: true, severity: 'warning' });
  }
  if (problems.length) return undefined;
  // Only the fields a registry entry has: a model (`plan`) is the workspace's own, never a file's.
  const known = Object.fromEntries(Object.entries(current).filter(([field]) => field in fields));
  return kind === 'agencies' ? { aliases: [], generic: false, sources: [], ...known } : { sources: [], ...known };
}
