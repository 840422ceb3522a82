import { classifyTitle } from '../domain/plan-parts';
import { fold } from '../syntax/inline';
import { makeDate } from '../syntax/dates';
import { inferSystem, readDocumentNumber } from '../syntax/header-values';
import { isNoiseLine } from './noise';
import { cellsOf, isUpperText, MARKER, type SourceParagraph } from './source-paragraphs';

/** The header fields an import found, as `.kh` values ('' when absent). */
export interface ImportedHeader {
  parentBody?: string;
  issuer: string;
  number: string;
  place: string;
  date: string;
  kind: string;
  summary: string;
  /** `Hệ:` when the official line seen (Quốc hiệu or party line) contradicts what the number and issuer say. */
  system?: string;
}

export interface HeaderScan {
  header: ImportedHeader;
  /** How many paragraphs the header took. */
  consumed: number;
  /** Noise and what the header could not place, as comment text, in source order. */
  comments: string[];
  /** Cells of the header zone that fit no field, for the report. */
  unplaced: { line: number; text: string }[];
  /** True when nothing of a header was found. */
  absent: boolean;
  /** Labels and the tên loại misread by OCR, written as they should be (`Sô` → `Số`, `KÊ HOẠCH` → `Kế hoạch`). */
  mended: WordMend[];
}

/** Words of the source that the plan spells as they should be, with the source line (1-based). */
export interface WordMend {
  line: number;
  from: string;
  to: string;
}

const NATIONAL_TITLE = /cong hoa xa hoi chu nghia viet nam/;
const MOTTO = /doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc/;
const PARTY_LINE = /dang cong san viet nam/;
/** `Số: 64/KH-UBND`, `Số 184-KH/TU`, `Số:    /KH-UBND`, `Số   -CTr/TU` (a draft without its serial yet); not `Sở …`. */
const NUMBER = /(?<![\p{L}\p{N}])(?:số|so|sô)(?:\s*:\s*((?:\d+)?(?:\s*[/-]\s*[\p{L}\p{N}.&]+)*)|\s+(\d+(?:\s*[/-]\s*[\p{L}\p{N}.&]+)+|-[\p{L}\p{N}.&]+(?:\s*\/\s*[\p{L}\p{N}.&]+)+))/iu;
/** The mark of a draft set apart in the header (`Dự thảo`, `DỰ THẢO LẦN 2`): a note on the text, not where its body starts. */
const DRAFT_MARK = /^\(?(?:dự thảo|du thao)(?:\s+lần\s+\d{1,2})?\)?$/iu;
/**
 * `, ngày 17 tháng 11 năm 2020` after a place, read from its comma; the day and month may be blank in a
 * draft, the tone marks misread by OCR (`ngầy`). Each run of spaces or dots is taken whole (a possessive run,
 * `(?=([ \t]*))\N`): giving them back never made a match, and it made the reading polynomial.
 */
const DATE_AFTER_COMMA =
  /,(?=([ \t]*))\1ng\p{L}{1,2}y(?=([ \t]*))\2(\d{1,2}|(?=([ .…_]*))\4)(?=([ \t]*))\5th\p{L}ng(?=([ \t]*))\6(\d{1,2}|(?=([ .…_]*))\8)(?=([ \t]*))\9n\p{L}m(?=([ \t]*))\10(\d{4})/iuy;
const CAPITAL = /^\p{Lu}$/iu;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const SPACE_OR_TAB = /^[ \t]$/;

interface PlaceDate {
  index: number;
  /** The place and the date as the source has them. */
  matched: string;
  place: string;
  day: string;
  month: string;
  year: string;
}

/** The character (a whole code point) that ends at `end`. */
function charBefore(text: string, end: number): string {
  const low = text.charCodeAt(end - 1);
  return low >= 0xdc00 && low <= 0xdfff && end >= 2 && text.charCodeAt(end - 2) >= 0xd800 && text.charCodeAt(end - 2) <= 0xdbff ? text.slice(end - 2, end) : text.slice(end - 1, end);
}

/** The leftmost start of a capitalised word ending at `end`, made of `allowed` characters; undefined when none. */
function wordStart(text: string, end: number, allowed: (c: string) => boolean): number | undefined {
  let start: number | undefined;
  for (let i = end; i > 0;) {
    const c = charBefore(text, i);
    if (!allowed(c)) break;
    i -= c.length;
    if (CAPITAL.test(c)) start = i;
  }
  return start;
}

/**
 * `Trà Vinh, ngày 17 tháng 11 năm 2020`: the first place and date of a cell, as the regular expression
 * `((?:\p{Lu}[\p{L}\p{M}.]*[ \t]+){0,4}\p{Lu}[\p{L}\p{M}]*)[ \t]*,` + the date found them (flags `iu`),
 * read from each comma backwards instead: tried from every start, that expression took polynomial time
 * on a long line of letters.
 */
function findPlaceDate(text: string): PlaceDate | undefined {
  for (let comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
    DATE_AFTER_COMMA.lastIndex = comma;
    const date = DATE_AFTER_COMMA.exec(text);
    if (!date) continue;
    let end = comma;
    while (end > 0 && SPACE_OR_TAB.test(text[end - 1])) end--;
    // The last word has no dot; up to four words before it may (`TP. Hồ Chí Minh`), each followed by spaces.
    const last = wordStart(text, end, (c) => LETTER_OR_MARK.test(c));
    if (last === undefined) continue;
    let start = last;
    for (let words = 0; words < 4 && start > 0 && SPACE_OR_TAB.test(text[start - 1]); words++) {
      let wordEnd = start;
      while (wordEnd > 0 && SPACE_OR_TAB.test(text[wordEnd - 1])) wordEnd--;
      const word = wordStart(text, wordEnd, (c) => c === '.' || LETTER_OR_MARK.test(c));
      if (word === undefined) break;
      start = word;
    }
    return { index: start, matched: text.slice(start, comma + date[0].length), place: text.slice(start, end), day: date[3], month: date[7], year: date[11] };
  }
  return undefined;
}

/** Tên loại, folded as the header is matched and spelled as the plan writes them: OCR may misread a tone (`KÊ HOẠCH`). */
const KINDS = new Map([
  ['chuong trinh hanh dong', 'Chương trình hành động'],
  ['chuong trinh cong tac', 'Chương trình công tác'],
  ['chuong trinh', 'Chương trình'],
  ['ke hoach', 'Kế hoạch'],
  ['de an', 'Đề án'],
  ['huong dan', 'Hướng dẫn'],
  ['bao cao', 'Báo cáo'],
  ['quyet dinh', 'Quyết định'],
  ['thong bao', 'Thông báo'],
  ['chi thi', 'Chỉ thị'],
  ['nghi quyet', 'Nghị quyết'],
  ['to trinh', 'Tờ trình'],
  ['phuong an', 'Phương án'],
  ['quy dinh', 'Quy định'],
  ['ket luan', 'Kết luận'],
]);
const KIND_AT_START = new RegExp(`^(${[...KINDS.keys()].map((k) => k.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'u');
/** The words of the date as OCR may misread them (`ngầy`), and as the plan writes them. */
const DATE_WORDS: [RegExp, string][] = [
  [/ng\p{L}{1,2}y/iu, 'Ngày'],
  [/th\p{L}ng/iu, 'tháng'],
  [/n\p{L}m/iu, 'năm'],
];
/** Lines drawn under the issuer or the trích yếu: `-----`, `*`, `___`. */
const DECORATION = /^[-–—_*=~.\s]+$/u;
/** A line that continues an agency name broken over two lines: `ỦY BAN NHÂN DÂN` / `TỈNH TRÀ VINH`. */
const AGENCY_CONTINUATION = /^(?:(?:tinh|huyen|quan|thi xa|xa|phuong|thi tran)(?!\s+uy)\b|thanh pho\b|va\b|-)/;
/** A line that leaves the name open: `… và`, `… -`, or a level word whose place is on the next line (`ỦY BAN NHÂN DÂN TỈNH` / `LAI CHÂU`). */
const AGENCY_OPEN_END = /(?:\bva|-|,|\b(?:tinh|huyen|quan|xa|phuong|thi tran|thi xa|thanh pho))$/;

const cleanValue = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** Cuts the matched part out of a cell, leaving what is around it. */
function cut(cell: string, start: number, end: number): string {
  return `${cell.slice(0, start)} ${cell.slice(end)}`.trim();
}

/** The index of a folded pattern in the original (folding keeps lengths for NFC Vietnamese). */
function foldedMatch(cell: string, pattern: RegExp): { start: number; end: number } | undefined {
  const folded = fold(cell);
  if (folded.length !== cell.length) return undefined;
  const m = pattern.exec(folded);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** A line of the agency block, and whether it was bold (the issuer's name is; its parent's is not). */
type AgencyLine = { text: string; bold: boolean };
/** A cell bold from end to end (`**TRUNG TÂM ĐIỀU ĐỘ**`). */
const WHOLLY_BOLD = /^\*\*[^*]+\*\*$/;
type Found = { kind: 'kind'; value: string; rest: string } | { kind: 'agency'; value: string } | { kind: 'unplaced'; value: string };

/** What the header scan has read so far. */
interface HeaderState {
  header: ImportedHeader;
  comments: string[];
  unplaced: { line: number; text: string }[];
  mended: WordMend[];
  /** Records a word the plan writes otherwise than the source, unless only its case differs. */
  mend(line: number, from: string, to: string): void;
  sawNational: boolean;
  sawParty: boolean;
  /** How many header parts were recognised. */
  found: number;
  sawNumberLabel: boolean;
}

/**
 * One cell of a header line: the national title, motto and party line, the
 * number, the place and date cut out of it; what is left is the tên loại,
 * an agency's name or text the header cannot place.
 */
function readCell(state: HeaderState, cell: string, line: number): Found[] {
  // Cleaned without squeezing spaces: a run of them may still separate two columns.
  // Bold and italic marks of a Markdown or Word source carry nothing in the header; the party header's lone `*` stays.
  let rest = cell.trim() === '*' ? cell : cell.replace(/\*+/g, '');
  const out: Found[] = [];
  for (const pattern of [NATIONAL_TITLE, MOTTO, PARTY_LINE]) {
    const at = foldedMatch(rest, pattern);
    if (!at) continue;
    if (pattern === PARTY_LINE) state.sawParty = true;
    else state.sawNational = true;
    rest = cut(rest, at.start, at.end);
    state.found++;
  }
  // A number left blank for the clerk leaves its symbol in the next column (`Số:      /KH-MTTQ-BTT`).
  const symbol = /^\/[\p{Lu}\p{N}Đ&.-]+(?:\/[\p{Lu}\p{N}Đ&.-]+)*$/u.exec(rest.trim());
  if (symbol && !state.header.number && state.sawNumberLabel) {
    state.header.number = symbol[0];
    return out;
  }
  const number = NUMBER.exec(rest);
  if (number) state.sawNumberLabel = true;
  if (number && !state.header.number) {
    state.header.number = cleanValue(number[1] ?? number[2] ?? '');
    state.mend(line, /^\p{L}+/u.exec(number[0])![0], 'Số');
    rest = cut(rest, number.index, number.index + number[0].length);
    state.found++;
  }
  const placeDate = findPlaceDate(rest);
  if (placeDate) {
    state.header.place = placeDate.place.trim();
    const [day, month, year] = [placeDate.day.trim(), placeDate.month.trim(), placeDate.year];
    if (/^\d+$/.test(day) && /^\d+$/.test(month) && makeDate(Number(day), Number(month), Number(year))) {
      state.header.date = `${day}/${month}/${year}`;
      // The date is written `Ngày: 03/02/2025`; its words as OCR misread them are mends (a draft's blank date stays as a comment).
      const words = placeDate.matched.slice(placeDate.place.length);
      for (const [pattern, proper] of DATE_WORDS) state.mend(line, pattern.exec(words)![0], proper);
    } else state.comments.push(placeDate.matched.trim());
    rest = cut(rest, placeDate.index, placeDate.index + placeDate.matched.length);
    state.found++;
  }
  rest = rest.trim();
  if (!rest || DECORATION.test(rest)) return out;
  // What is left around a cut-out part may be two columns again (`ỦY BAN NHÂN DÂN XÃ …     Số: …`).
  const parts = cellsOf(rest);
  if (parts.length > 1) return parts.flatMap((part) => readCell(state, part, line));
  const kind = KIND_AT_START.exec(fold(rest));
  const kindWords = kind ? rest.slice(0, kind[0].length) : '';
  if (kind && isUpperText(kindWords) && fold(rest).length === rest.length) {
    const proper = KINDS.get(kind[1].replace(/\s+/g, ' '))!;
    state.mend(line, cleanValue(kindWords), proper);
    out.push({ kind: 'kind', value: proper, rest: rest.slice(kind[0].length).trim() });
  } else if (isUpperText(rest) && !MARKER.test(rest) && !classifyTitle(rest)) {
    out.push({ kind: 'agency', value: cleanValue(rest) });
  } else {
    out.push({ kind: 'unplaced', value: cleanValue(rest) });
    state.unplaced.push({ line, text: cleanValue(rest) });
  }
  return out;
}

/** Reads the trích yếu from paragraph `index`; returns the paragraph after it. */
function readSummary(paragraphs: SourceParagraph[], index: number, header: ImportedHeader): number {
  header.summary = cleanValue(paragraphs[index].lines.join(' ').trim());
  index++;
  // A trích yếu broken after a dash or a comma goes on (`… GIAI ĐOẠN 2026 -` / `2030`, `… các cấp,` / `nhiệm kỳ 2026 - 2031 …`).
  while (/[-–,]$/.test(header.summary) && paragraphs[index] && !paragraphs[index].table) {
    const next = paragraphs[index].lines.join(' ').trim();
    if (MARKER.test(next) || next.length > 120) break;
    header.summary = `${header.summary} ${cleanValue(next)}`;
    index++;
  }
  return index;
}

/**
 * Reads the header of an imported plan from the paragraphs at its start: the
 * fields may come in any order, in two columns or run together on one line.
 * The header ends after the trích yếu, or at the first paragraph that is no
 * header material.
 */
export function scanHeader(paragraphs: SourceParagraph[]): HeaderScan {
  const mended: WordMend[] = [];
  const state: HeaderState = {
    header: { issuer: '', number: '', place: '', date: '', kind: '', summary: '' },
    comments: [],
    unplaced: [],
    mended,
    mend: (line, from, to) => {
      if (from.toLocaleLowerCase('vi') !== to.toLocaleLowerCase('vi')) mended.push({ line, from, to });
    },
    sawNational: false,
    sawParty: false,
    found: 0,
    sawNumberLabel: false,
  };
  const { header, comments, unplaced } = state;
  const agencies: AgencyLine[] = [];
  let index = 0;
  let expectSummary = false;

  for (; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    const text = paragraph.lines.join(' ').trim();
    if (isNoiseLine(text) || DRAFT_MARK.test(text)) {
      comments.push(...paragraph.lines);
      continue;
    }
    if (DECORATION.test(text)) continue;
    if (expectSummary) {
      // The trích yếu is the paragraph under the tên loại, unless the body starts at once.
      if (!MARKER.test(text) && !paragraph.table) index = readSummary(paragraphs, index, header);
      // The rule drawn under the trích yếu (`-----`) belongs to the header.
      while (paragraphs[index] && DECORATION.test(paragraphs[index].lines.join(' '))) index++;
      break;
    }
    const cells = paragraph.table ? [] : paragraph.lines.flatMap(cellsOf);
    const before = state.found;
    const read = cells.map((cell) => ({ bold: paragraph.bold || WHOLLY_BOLD.test(cell.trim()), found: readCell(state, cell, paragraph.sourceLine) }));
    const results = read.flatMap((r) => r.found);
    const kind = results.find((r) => r.kind === 'kind');
    const agencyCells = read.flatMap((r) => r.found.flatMap((f) => (f.kind === 'agency' ? [{ text: f.value, bold: r.bold }] : [])));
    const recognised = state.found > before || kind || agencyCells.length > 0;
    const placedUnplaced = results.filter((r) => r.kind === 'unplaced');
    if (!recognised || (placedUnplaced.length && state.found === before && !kind && !agencyCells.length)) {
      // Not header material: the body starts here. Unplaced cells of this paragraph are its text.
      unplaced.splice(unplaced.length - placedUnplaced.length, placedUnplaced.length);
      break;
    }
    for (const r of placedUnplaced) comments.push(r.value);
    agencies.push(...agencyCells);
    if (kind && kind.kind === 'kind') {
      header.kind = kind.value;
      state.found++;
      if (kind.rest) {
        header.summary = cleanValue(kind.rest);
        index++;
        break;
      }
      expectSummary = true;
    }
  }

  const bodies = issuerAndParent(agencies);
  if (bodies) {
    header.issuer = bodies.issuer;
    if (bodies.parent) header.parentBody = bodies.parent;
    state.found++;
  }
  const absent = state.found === 0;
  const system = inferSystem(header.number ? readDocumentNumber(header.number) : undefined, header.issuer || undefined).value;
  if (state.sawParty && !state.sawNational && system !== 'party') header.system = 'đảng';
  else if (state.sawNational && !state.sawParty && system === 'party') header.system = 'nhà nước';
  return { header, consumed: index, comments, unplaced, absent, mended };
}

/**
 * The issuing body and the one above it. The form sets the parent in plain
 * capitals and the issuer in bold: plain lines followed by bold ones part
 * there, however many lines each name takes (`TRUNG TÂM ĐIỀU ĐỘ` / `HỆ THỐNG
 * ĐIỆN QUỐC GIA` over a bold `TRUNG TÂM ĐIỀU ĐỘ` / `HỆ THỐNG ĐIỆN MIỀN NAM`).
 * Otherwise the last name is the issuer.
 */
function issuerAndParent(lines: AgencyLine[]): { issuer: string; parent: string } | undefined {
  const firstBold = lines.findIndex((l) => l.bold);
  if (firstBold > 0 && lines.slice(firstBold).every((l) => l.bold)) {
    const join = (part: AgencyLine[]) => mergeAgencyLines(part.map((l) => l.text)).join(' ');
    return { parent: join(lines.slice(0, firstBold)), issuer: join(lines.slice(firstBold)) };
  }
  const names = mergeAgencyLines(lines.map((l) => l.text));
  return names.length ? { issuer: names[names.length - 1], parent: names.slice(0, -1).join(' ') } : undefined;
}

/** Joins agency names broken over lines; each remaining name is a body, the parent body first. */
function mergeAgencyLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (previous && (AGENCY_CONTINUATION.test(fold(line)) || AGENCY_OPEN_END.test(fold(previous)))) out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
  }
  return out;
}
