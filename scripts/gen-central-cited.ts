// Central documents known from how other texts cite them, for scripts/gen-central-documents.ts:
// the Bộ pháp điển lags behind new decrees and holds no resolution of the Government, no decision
// or directive of the Prime Minister. A collection of public texts (legal documents, plans, answers
// of a legal portal, as a public repository keeps them) cites those with their dates:
// "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ quy định về …". A document is kept
// when at least two texts of the collection cite it with the same date and no more than a quarter
// of its dated citations give another: number, type, issuer (the one its symbol names), date and
// the title the citations continue with. Nothing is read of its validity: its status is unknown.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CitationType } from '../server/src/model';
import { findCitations } from '../server/src/syntax/citations';

/** Symbols of the central issuers this source is read for, and the issuer each names. */
const CENTRAL_ISSUERS: [RegExp, string][] = [
  [/^\d+\/\d{4}\/NĐ-CP$/u, 'Chính phủ'],
  [/^\d+\/(?:\d{4}\/)?NQ-CP$/u, 'Chính phủ'],
  [/^\d+\/(?:\d{4}\/)?(?:QĐ|CT)-TTg$/u, 'Thủ tướng Chính phủ'],
  [/^\d+\/\d{4}\/QH\d+$/u, 'Quốc hội'],
  [/^\d+\/\d{4}\/UBTVQH\d+$/u, 'Ủy ban Thường vụ Quốc hội'],
];
/** The types each symbol allows: a `QĐ-TTg` is a decision whatever a slip calls it. */
const TYPES_OF: [RegExp, CitationType[]][] = [
  [/NĐ-CP$/u, ['Nghị định']],
  [/NQ-CP$/u, ['Nghị quyết']],
  [/QĐ-TTg$/u, ['Quyết định']],
  [/CT-TTg$/u, ['Chỉ thị']],
  [/QH\d+$/u, ['Luật', 'Bộ luật', 'Nghị quyết']],
];
/** How the title a citation continues with starts, after the issuer. */
const TITLE_START = /^\s*,?\s*((?:về|quy định|hướng dẫn|ban hành|sửa đổi|phê duyệt|thành lập|tổ chức|bãi bỏ|điều chỉnh|thí điểm)\s[^;\n]*)/iu;

/** Where a title runs on into something else: a bracket, a sentence's end, a list, another document cited after it. */
const TITLE_END =
  /\s*(?:[(“"]|\.\s|:|,\s*(?:Bộ|Điều|theo|theo đó|trong đó|cụ thể|như sau|được|đã được|một trong|có hiệu lực)(?!\p{L})|\s(?:chưa|đã)\s(?:chính thức|được|hết)(?!\p{L})|\s(?:và|;)\s+(?:các\s+)?(?:Nghị định|Nghị quyết|Quyết định|Thông tư|Luật|Chỉ thị|Công văn)(?!\p{L}))/u;

export interface CitedDocument {
  number: string;
  type: CitationType;
  issuer: string;
  date: string;
  title: string;
  /** Texts of the collection citing it with this date. */
  texts: number;
}

interface Readings {
  types: Map<CitationType, number>;
  /** Date → the texts citing it so; a number without a year is one document per year. */
  dates: Map<string, Set<string>>;
  titles: Map<string, Map<string, number>>;
}

export interface Collection {
  label: string;
  texts: number;
  documents: CitedDocument[];
}

const iso = (d: { day: number; month: number; year: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
const mostFrequent = <K>(map: Map<K, number>) => [...map].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1))[0]?.[0];

/** The files under `dir`, at any depth, whose name `kind` matches, in order. */
export function filesUnder(dir: string, kind: RegExp): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesUnder(path, kind);
      return kind.test(name) ? [path] : [];
    });
}

/** The issuer a central symbol names, or undefined for any other document. */
export function centralIssuer(number: string): string | undefined {
  return CENTRAL_ISSUERS.find(([symbol]) => symbol.test(number))?.[1];
}

/**
 * The texts under `dir` (`.md`, `.txt`, `.html`) but those named in `skip` (texts that must not
 * vouch for anything, such as the plans coverage is measured on), one paragraph a line: markup and
 * emphasis out, a line broken inside a paragraph joined again (the texts are often hard-wrapped).
 */
export function* collectionTexts(dir: string, skip: ReadonlySet<string>): Generator<string> {
  for (const file of filesUnder(dir, /\.(?:md|txt|html?)$/u)) {
    if (skip.has(basename(file))) continue;
    yield readFileSync(file, 'utf8')
      .normalize('NFC')
      .replace(/<[^>]*>/g, ' ')
      .replace(/[*_^|#>[\]]+/g, ' ')
      .replace(/[ \t]*\r?\n(?![ \t]*\r?\n)[ \t]*/g, ' ');
  }
}

const DATE_WORDS = String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
const OWN_NUMBER = /Số\s*:\s*(\d+(?:\/\d{4})?\/(?:NĐ-CP|NQ-CP|QĐ-TTg|CT-TTg))(?![\p{L}\d])/u;
const OWN_DATE = new RegExp(DATE_WORDS, 'u');
const IN_FORCE = new RegExp(String.raw`có hiệu lực(?: thi hành)?(?: kể)? từ (?:${DATE_WORDS}|ngày (ký|ban hành))`, 'u');

/**
 * The central document a text is, when it is one (its header: `Số: 2629/QĐ-TTg`, then `Hà Nội,
 * ngày … tháng … năm …`): its number and date, and its provisions on entry into force (an article
 * saying `có hiệu lực … từ ngày …` or `… từ ngày ký`), each with that date.
 */
export function documentOfText(text: string): { number: string; date: string; inForce: { provision: string; on: string }[] } | undefined {
  const own = OWN_NUMBER.exec(text.slice(0, 2000));
  if (!own) return undefined;
  const dated = OWN_DATE.exec(text.slice(own.index, own.index + 400));
  if (!dated) return undefined;
  const date = iso({ day: Number(dated[1]), month: Number(dated[2]), year: Number(dated[3]) });
  const inForce: { provision: string; on: string }[] = [];
  // An article at a time: its clauses may stand in paragraphs of their own (`1. … có hiệu lực …`, `2. … thay thế …`).
  for (const provision of text.split(/(?=(?<!\p{L})Điều \d+\.\s)/u)) {
    const force = IN_FORCE.exec(provision);
    if (force) inForce.push({ provision, on: force[4] ? date : iso({ day: Number(force[1]), month: Number(force[2]), year: Number(force[3]) }) });
  }
  return { number: own[1], date, inForce };
}

/** Reads the collection under `dir` (`collectionTexts`) and returns the central documents it agrees on. */
export function readCitedCollection(label: string, dir: string, skip: ReadonlySet<string>): Collection {
  const readings = new Map<string, Readings>();
  let files = 0;
  for (const text of collectionTexts(dir, skip)) {
    files++;
    const file = String(files);
    for (const c of findCitations({ text, offsets: new Int32Array(0) })) {
      // `9/2025/NĐ-CP` is written `09/2025/NĐ-CP` by its issuer.
      const number = c.numberText.replace(/\s+/g, '').replace(/^(\d)(?=\/)/u, '0$1');
      if (!c.date || !centralIssuer(number)) continue;
      const date = iso(c.date);
      // The date of a document numbered with its year is in that year: another is a slip of the citing text.
      if (c.year !== undefined && c.year !== c.date.year) continue;
      const r = readings.get(number) ?? { types: new Map(), dates: new Map(), titles: new Map() };
      readings.set(number, r);
      bump(r.types, c.docType);
      const texts = r.dates.get(date) ?? new Set<string>();
      texts.add(file);
      r.dates.set(date, texts);
      const after = text.slice(c.date.end, c.date.end + 400);
      const of = /^\s*,?\s*của\s+(?:Chính phủ|Thủ tướng Chính phủ|Quốc hội(?: khóa [XVI]+)?|Ủy ban Thường vụ Quốc hội)/u.exec(after);
      const title = of && TITLE_START.exec(after.slice(of[0].length));
      if (title) {
        const titles = r.titles.get(date) ?? new Map<string, number>();
        r.titles.set(date, titles);
        const cut = title[1]
          .replace(/\s+/g, ' ')
          .split(TITLE_END)[0]
          .replace(/[\s.,;:]+$/u, '');
        if (cut.length >= 12 && cut.length <= 300) bump(titles, cut);
      }
    }
  }
  const documents: CitedDocument[] = [];
  for (const [number, r] of readings) {
    const allowed = TYPES_OF.find(([symbol]) => symbol.test(number))![1];
    const type = [...r.types].filter(([t]) => allowed.includes(t)).sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!type) continue;
    // One document per number, or per year for a number without one (`01/NQ-CP` each January).
    const byYear = new Map<string, [string, Set<string>][]>();
    for (const entry of r.dates) {
      const key = /\/\d{4}\//u.test(number) ? '' : entry[0].slice(0, 4);
      byYear.set(key, [...(byYear.get(key) ?? []), entry]);
    }
    for (const dates of byYear.values()) {
      const [date, texts] = dates.sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0];
      const all = dates.reduce((n, [, t]) => n + t.size, 0);
      if (texts.size < 2 || texts.size * 4 < all * 3) continue;
      documents.push({ number, type, issuer: centralIssuer(number)!, date, title: mostFrequent(r.titles.get(date) ?? new Map()) ?? '', texts: texts.size });
    }
  }
  return { label, texts: files, documents };
}
