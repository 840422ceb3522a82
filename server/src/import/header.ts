import { classifyTitle } from '../checks/structure-text';
import { fold } from '../syntax/inline';
import { inferSystem, makeDate, readDocumentNumber } from '../syntax/header-values';
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
}

const NATIONAL_TITLE = /cong hoa xa hoi chu nghia viet nam/;
const MOTTO = /doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc/;
const PARTY_LINE = /dang cong san viet nam/;
/** `Số: 64/KH-UBND`, `Số 184-KH/TU`, `Số:    /KH-UBND` (a draft without its serial yet); not `Sở …`. */
const NUMBER = /(?<![\p{L}\p{N}])(?:số|so|sô)(?:\s*:\s*((?:\d+)?(?:\s*[/-]\s*[\p{L}\p{N}.&]+)*)|\s+(\d+(?:\s*[/-]\s*[\p{L}\p{N}.&]+)+))/iu;
/** `Trà Vinh, ngày 17 tháng 11 năm 2020`; the day and month may be blank in a draft, the tone marks misread by OCR (`ngầy`). */
const PLACE_DATE = /((?:\p{Lu}[\p{L}\p{M}.]*[ \t]+){0,4}\p{Lu}[\p{L}\p{M}]*)[ \t]*,[ \t]*ng\p{L}{1,2}y[ \t]*(\d{1,2}|[ .…_]*)[ \t]*th\p{L}ng[ \t]*(\d{1,2}|[ .…_]*)[ \t]*n\p{L}m[ \t]*(\d{4})/iu;
/** Tên loại as the header prints them, folded. */
const KINDS = ['chuong trinh hanh dong', 'chuong trinh cong tac', 'chuong trinh', 'ke hoach', 'de an', 'huong dan', 'bao cao', 'quyet dinh', 'thong bao', 'chi thi', 'nghi quyet', 'to trinh', 'phuong an', 'quy dinh', 'ket luan'];
const KIND_AT_START = new RegExp(`^(${KINDS.map((k) => k.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'u');
/** Lines drawn under the issuer or the trích yếu: `-----`, `*`, `___`. */
const DECORATION = /^[-–—_*=~.\s]+$/u;
/** A line that continues an agency name broken over two lines: `ỦY BAN NHÂN DÂN` / `TỈNH TRÀ VINH`. */
const AGENCY_CONTINUATION = /^(?:(?:tinh|huyen|quan|thi xa|xa|phuong|thi tran)(?!\s+uy)\b|thanh pho\b|va\b|-)/;
const AGENCY_OPEN_END = /(?:\bva|-|,)$/;

/** Vietnamese sentence case of a tên loại in capitals: `KẾ HOẠCH` → `Kế hoạch`. */
function kindName(text: string): string {
  const lower = text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

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

type Found = { kind: 'kind'; value: string; rest: string } | { kind: 'agency'; value: string } | { kind: 'unplaced'; value: string };

/**
 * Reads the header of an imported plan from the paragraphs at its start: the
 * fields may come in any order, in two columns or run together on one line.
 * The header ends after the trích yếu, or at the first paragraph that is no
 * header material.
 */
export function scanHeader(paragraphs: SourceParagraph[]): HeaderScan {
  const header: ImportedHeader = { issuer: '', number: '', place: '', date: '', kind: '', summary: '' };
  const comments: string[] = [];
  const unplaced: { line: number; text: string }[] = [];
  const agencies: string[] = [];
  let sawNational = false;
  let sawParty = false;
  let found = 0;
  let index = 0;
  let expectSummary = false;

  const readCell = (cell: string, line: number): Found[] => {
    // Cleaned without squeezing spaces: a run of them may still separate two columns.
    let rest = cell.replace(/\*\*/g, '');
    const out: Found[] = [];
    for (const pattern of [NATIONAL_TITLE, MOTTO, PARTY_LINE]) {
      const at = foldedMatch(rest, pattern);
      if (!at) continue;
      if (pattern === PARTY_LINE) sawParty = true;
      else sawNational = true;
      rest = cut(rest, at.start, at.end);
      found++;
    }
    const number = NUMBER.exec(rest);
    if (number && !header.number) {
      header.number = cleanValue(number[1] ?? number[2] ?? '');
      rest = cut(rest, number.index, number.index + number[0].length);
      found++;
    }
    const placeDate = PLACE_DATE.exec(rest);
    if (placeDate) {
      header.place = placeDate[1].trim();
      const [day, month, year] = [placeDate[2].trim(), placeDate[3].trim(), placeDate[4]];
      if (/^\d+$/.test(day) && /^\d+$/.test(month) && makeDate(Number(day), Number(month), Number(year))) header.date = `${day}/${month}/${year}`;
      else comments.push(placeDate[0].trim());
      rest = cut(rest, placeDate.index, placeDate.index + placeDate[0].length);
      found++;
    }
    rest = rest.trim();
    if (!rest || DECORATION.test(rest)) return out;
    // What is left around a cut-out part may be two columns again (`ỦY BAN NHÂN DÂN XÃ …     Số: …`).
    const parts = cellsOf(rest);
    if (parts.length > 1) return parts.flatMap((part) => readCell(part, line));
    const kind = KIND_AT_START.exec(fold(rest));
    const kindWords = kind ? rest.slice(0, kind[0].length) : '';
    if (kind && isUpperText(kindWords) && fold(rest).length === rest.length) {
      out.push({ kind: 'kind', value: kindName(kindWords), rest: rest.slice(kind[0].length).trim() });
    } else if (isUpperText(rest) && !MARKER.test(rest) && !classifyTitle(rest)) {
      out.push({ kind: 'agency', value: cleanValue(rest) });
    } else {
      out.push({ kind: 'unplaced', value: cleanValue(rest) });
      unplaced.push({ line, text: cleanValue(rest) });
    }
    return out;
  };

  for (; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    const text = paragraph.lines.join(' ').trim();
    if (isNoiseLine(text)) {
      comments.push(...paragraph.lines);
      continue;
    }
    if (DECORATION.test(text)) continue;
    if (expectSummary) {
      // The trích yếu is the paragraph under the tên loại, unless the body starts at once.
      if (!MARKER.test(text) && !paragraph.table) {
        header.summary = cleanValue(text);
        index++;
      }
      // The rule drawn under the trích yếu (`-----`) belongs to the header.
      while (paragraphs[index] && DECORATION.test(paragraphs[index].lines.join(' '))) index++;
      break;
    }
    const cells = paragraph.table ? [] : paragraph.lines.flatMap(cellsOf);
    const before = found;
    const results = cells.flatMap((cell) => readCell(cell, paragraph.sourceLine));
    const kind = results.find((r) => r.kind === 'kind');
    const agencyCells = results.filter((r) => r.kind === 'agency').map((r) => r.value);
    const recognised = found > before || kind || agencyCells.length > 0;
    const placedUnplaced = results.filter((r) => r.kind === 'unplaced');
    if (!recognised || (placedUnplaced.length && found === before && !kind && !agencyCells.length)) {
      // Not header material: the body starts here. Unplaced cells of this paragraph are its text.
      unplaced.splice(unplaced.length - placedUnplaced.length, placedUnplaced.length);
      break;
    }
    for (const r of placedUnplaced) comments.push(r.value);
    agencies.push(...agencyCells);
    if (kind && kind.kind === 'kind') {
      header.kind = kind.value;
      found++;
      if (kind.rest) {
        header.summary = cleanValue(kind.rest);
        index++;
        break;
      }
      expectSummary = true;
    }
  }

  const names = mergeAgencyLines(agencies);
  if (names.length) {
    header.issuer = names[names.length - 1];
    if (names.length > 1) header.parentBody = names.slice(0, -1).join(' ');
    found++;
  }
  const absent = found === 0;
  const system = inferSystem(header.number ? readDocumentNumber(header.number) : undefined, header.issuer || undefined).value;
  if (sawParty && !sawNational && system !== 'party') header.system = 'đảng';
  else if (sawNational && !sawParty && system === 'party') header.system = 'nhà nước';
  return { header, consumed: index, comments, unplaced, absent };
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
