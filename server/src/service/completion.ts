import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { canonicalCitation } from '../domain/registry-facts';
import { numericDate } from '../syntax/dates';
import type { PlanDocument, Position, Range } from '../model';
import type { Registry } from '../registry/registry';
import { fold } from '../syntax/inline';
import { classifyTitle, PART_ORDER, PART_TITLE } from '../domain/plan-parts';

const HEADER_LABELS: { label: string; detail: string }[] = [
  { label: 'Cơ quan chủ quản', detail: 'Cơ quan cấp trên (nếu có) / parent body' },
  { label: 'Cơ quan', detail: 'Cơ quan ban hành / issuing body' },
  { label: 'Số', detail: 'Số, ký hiệu / number and symbol' },
  { label: 'Địa danh', detail: 'Địa danh / place' },
  { label: 'Ngày', detail: 'Ngày ban hành / date' },
  { label: 'Loại', detail: 'Tên loại / kind of document' },
  { label: 'Trích yếu', detail: 'Trích yếu nội dung / summary' },
  { label: 'Độ khẩn', detail: 'Khẩn, Thượng khẩn, Hỏa tốc (nếu có) / urgency, if any' },
  { label: 'Độ mật', detail: 'Mật, Tối mật, Tuyệt mật (nếu có) / confidentiality, if any' },
  { label: 'Hệ', detail: 'nhà nước, đảng, đoàn thể (chỉ khi cần ghi đè / only to override)' },
];

const KINDS = ['Kế hoạch', 'Chương trình hành động', 'Chương trình'];

const AUTHORITY: Record<string, string[]> = {
  state: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'CHỦ TỊCH', 'Q. CHỦ TỊCH', 'TL. CHỦ TỊCH', 'TUQ. CHỦ TỊCH'],
  mass: ['TM. BAN THƯỜNG VỤ', 'TM. BAN CHẤP HÀNH', 'KT. CHỦ TỊCH', 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  party: ['T/M BAN THƯỜNG VỤ', 'T/M BAN CHẤP HÀNH', 'BÍ THƯ', 'PHÓ BÍ THƯ', 'K/T BÍ THƯ'],
};

/** Which block the cursor's line belongs to, read from the lines above it. */
function blockAt(lines: string[], line: number): 'header' | 'recipients' | 'signature' | 'body' {
  if (!lines.slice(0, line).some((l) => /^\s*-{3,}\s*$/.test(l)) && lines.slice(line).some((l) => /^\s*-{3,}\s*$/.test(l))) return 'header';
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i];
    if (/^\s*$/.test(l)) return 'body';
    if (/^\s*(?:nơi nhận|noi nhan)\s*:/iu.test(l)) return 'recipients';
    if (/^\s*(?:ký|ky)\s*:/iu.test(l)) return 'signature';
  }
  return 'body';
}

/** Where completion was asked: the plan, the text of the line before the cursor, the range from a column to the cursor, what it is judged against. */
interface CompletionPlace {
  document: PlanDocument;
  before: string;
  replace(from: number): Range;
  registry: Registry;
  /** The plan's judgement date (ISO). */
  date: string;
  /** Today (ISO), for `Ngày:`. */
  today: string;
}

/**
 * Completion at a position: header labels and values, full canonical
 * citations after a type word, agencies valid on the plan's date (in Nơi nhận
 * and assignment headings), the standard sections the plan still lacks,
 * authority lines of the system's signature.
 */
export function completions(document: PlanDocument, text: string, p: Position, registry: Registry, date: string, today: string): CompletionItem[] {
  const lines = text.split(/\r\n|\r|\n/);
  const before = (lines[p.line] ?? '').slice(0, p.character);
  const place: CompletionPlace = { document, before, replace: (from) => ({ start: { line: p.line, character: from }, end: p }), registry, date, today };
  switch (blockAt(lines, p.line)) {
    case 'header':
      return headerCompletions(place);
    case 'signature':
      return AUTHORITY[document.system.value].map((a, i) => ({
        label: a,
        kind: CompletionItemKind.Keyword,
        sortText: String(i).padStart(2, '0'),
        textEdit: { range: place.replace(before.length - before.trimStart().length), newText: a },
      }));
    case 'recipients': {
      const dash = /^\s*-\s*/.exec(before);
      return dash ? agencies(place).map((a) => ({ ...a, textEdit: { range: place.replace(dash[0].length), newText: `${a.label};` } })) : [];
    }
    default:
      return citationCompletions(place, p.character) ?? headingCompletions(place);
  }
}

/** Agencies that exist on the plan's date. */
function agencies({ registry, date }: CompletionPlace) {
  return registry.data.agencies
    .filter((a) => registry.agencyStatus(a, date).state === 'exists')
    .map((a) => ({ label: a.name, kind: CompletionItemKind.Class, detail: `${a.level} · còn tồn tại tại ${numericDate(date)}`, filterText: a.name }));
}

/** The header: the labels still missing, then each label's values. */
function headerCompletions({ document, before, replace, registry, date, today }: CompletionPlace): CompletionItem[] {
  // Without a colon the pattern cannot match, and failing takes quadratic time on a long line.
  const label = before.includes(':') ? /^\s*([^:]*):\s*/u.exec(before) : null;
  if (!label) {
    const present = new Set(document.header.fields.map((f) => fold(f.label)));
    return HEADER_LABELS.filter((l) => !present.has(fold(l.label))).map((l, i) => ({
      label: `${l.label}:`,
      kind: CompletionItemKind.Property,
      detail: l.detail,
      sortText: String(i).padStart(2, '0'),
      textEdit: { range: replace(before.length - before.trimStart().length), newText: `${l.label}: ` },
    }));
  }
  const key = fold(label[1].trim());
  const at = replace(label[0].length);
  if (key === 'ngay') {
    const value = numericDate(today);
    return [{ label: value, kind: CompletionItemKind.Value, detail: 'Hôm nay / today', textEdit: { range: at, newText: value } }];
  }
  if (key === 'loai') return KINDS.map((k) => ({ label: k, kind: CompletionItemKind.EnumMember, textEdit: { range: at, newText: k } }));
  if (key === 'he') return ['nhà nước', 'đảng', 'đoàn thể'].map((k) => ({ label: k, kind: CompletionItemKind.EnumMember, textEdit: { range: at, newText: k } }));
  const marks =
    key === 'do khan' || key === 'muc do khan'
      ? ['Khẩn', 'Thượng khẩn', 'Hỏa tốc', ...(document.system.value === 'party' ? ['Hỏa tốc hẹn giờ'] : [])]
      : key === 'do mat' || key === 'muc do mat'
        ? ['Mật', 'Tối mật', 'Tuyệt mật']
        : [];
  if (marks.length) return marks.map((k, i) => ({ label: k, kind: CompletionItemKind.EnumMember, sortText: String(i), textEdit: { range: at, newText: k } }));
  if (key === 'so') {
    const party = document.system.value === 'party';
    const snippet = party ? '${1:số}-${2:KH}/${3:TU}' : '${1:số}/${2:KH}-${3:UBND}';
    return [
      {
        label: party ? 'số-KH/TU' : 'số/KH-UBND',
        kind: CompletionItemKind.Snippet,
        detail: party ? 'Dạng số của Đảng / party form' : 'Dạng số nhà nước / state form',
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: at, newText: snippet },
      },
    ];
  }
  if (key === 'co quan' || key === 'co quan chu quan') {
    return registry.data.agencies
      .filter((a) => registry.agencyStatus(a, date).state === 'exists' && !a.generic)
      .map((a) => ({ label: a.name.toLocaleUpperCase('vi'), kind: CompletionItemKind.Constant, detail: a.level, textEdit: { range: at, newText: a.name.toLocaleUpperCase('vi') } }));
  }
  return [];
}

/** A citation: a type word, `số`, and what is typed of the number; undefined when the cursor follows none. */
function citationCompletions({ before, replace, registry, date }: CompletionPlace, character: number): CompletionItem[] | undefined {
  const cited = /((?:Chỉ thị|Nghị quyết|Nghị định|Quyết định|Quy định|Thông tư|Luật|Kết luận|Kế hoạch|Hướng dẫn|Chương trình)(?: số)?) ?([\w/-]*)$/iu.exec(before);
  if (!cited) return undefined;
  const type = fold(cited[1].replace(/ số$/iu, ''));
  const start = character - cited[0].length;
  return registry.data.documents
    .filter((d) => fold(d.type) === type && ['in-force', 'unknown'].includes(registry.documentStatus(d, date).state))
    .map((d) => ({
      label: `${d.type} số ${d.number}`,
      kind: CompletionItemKind.Reference,
      detail: `${numericDate(d.date)} · ${d.issuer}`,
      documentation: d.title,
      filterText: `${cited[1]} ${d.number}`,
      textEdit: { range: replace(start), newText: `${canonicalCitation(d)} ${d.title}` },
    }));
}

/** After `#`: the standard parts the plan lacks; after `##`: the agencies, as assignment headings. */
function headingCompletions(place: CompletionPlace): CompletionItem[] {
  const { document, replace } = place;
  const heading = /^(\s*)(#+)\s*$/.exec(place.before);
  if (heading && heading[2].length === 1) {
    const present = new Set(document.sections.map((s) => classifyTitle(s.title)).filter(Boolean));
    const wanted = PART_ORDER.filter((part) => !present.has(part) && (part !== 'funding' || document.system.value === 'state'));
    return wanted.map((part, i) => ({
      label: PART_TITLE[part],
      kind: CompletionItemKind.Module,
      detail: 'Phần còn thiếu của kế hoạch / a part the plan lacks',
      sortText: String(i).padStart(2, '0'),
      textEdit: { range: replace(heading[1].length), newText: `# ${PART_TITLE[part]}` },
    }));
  }
  if (heading && heading[2].length === 2) {
    return agencies(place).map((a) => ({ ...a, textEdit: { range: replace(heading[1].length), newText: `## ${a.label}` } }));
  }
  return [];
}
