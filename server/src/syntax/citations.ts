import type { Citation, CitationType } from '../model';
import { agencyEndAt } from './agencies';
import { fold, type MappedText } from './inline';

/** A citation found in a mapped text, with offsets into that text (not yet source ranges). */
export interface FoundCitation extends Pick<Citation, 'typeWord' | 'docType' | 'numberText' | 'serial' | 'year' | 'extraYear' | 'symbol' | 'hasStraySpaces'> {
  date?: { day: number; month: number; year: number; start: number; end: number };
  issuer?: { text: string; start: number; end: number };
  typeWord_: { start: number; end: number };
  number_: { start: number; end: number };
  start: number;
  end: number;
}

/** Folded type words (no case, no diacritics) → canonical type, longest first. */
const TYPE_WORDS: [string, CitationType][] = (
  [
    ['thong tu lien tich', 'Thông tư liên tịch'],
    ['nghi quyet', 'Nghị quyết'],
    ['nghi dinh', 'Nghị định'],
    ['quyet dinh', 'Quyết định'],
    ['chi thi', 'Chỉ thị'],
    ['thong tu', 'Thông tư'],
    ['hien phap', 'Hiến pháp'],
    ['bo luat', 'Bộ luật'],
    ['luat', 'Luật'],
    ['phap lenh', 'Pháp lệnh'],
    ['ket luan', 'Kết luận'],
    ['quy dinh', 'Quy định'],
    ['quy che', 'Quy chế'],
    ['huong dan', 'Hướng dẫn'],
    ['ke hoach', 'Kế hoạch'],
    ['chuong trinh', 'Chương trình'],
    ['thong bao', 'Thông báo'],
    ['cong van', 'Công văn'],
    ['bao cao', 'Báo cáo'],
    ['de an', 'Đề án'],
    ['to trinh', 'Tờ trình'],
    ['phuong an', 'Phương án'],
  ] as [string, CitationType][]
).sort((a, b) => b[0].length - a[0].length);

const TYPE_BY_FOLDED = new Map(TYPE_WORDS);

/**
 * On folded text: type word, optional `số`, serial, optional `/year` (and a
 * second year, a slip to report), the first separator, the symbol, its groups
 * joined by `-` or `/`. Stray spaces around separators are allowed: they are a
 * defect to report (`24/CT - TTg`, `30/2020/NĐ- CP`); a group after spaces must
 * still look like a code in the text (`codeAfterSpaces`). Laws may carry their
 * name before `số` (`Luật Giáo dục nghề nghiệp số 74/2014/QH13`).
 */
const CITATION = new RegExp(
  String.raw`(?<![\p{L}\d])(${TYPE_WORDS.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})` +
    String.raw`((?:\s+[\p{L}]+){1,8}?\s+so|\s+so)?\s*:?\s+` +
    String.raw`(\d{1,5})(?:(\s*)/(\s*)(\d{4}))?(?:\s*/\s*(\d{4}))?(\s*)([/-])(\s*)` +
    String.raw`([a-z][a-z\d&]*(?:\s*[-/]\s*[a-z][a-z\d&]*)*)(?![\p{L}\d])`,
  'gud',
);

/** A group of a symbol as written: capitals and digits (`CP`, `QH15`, `BGDĐT`), the Prime Minister's `TTg` too. */
const CODE = /^[\p{Lu}\d][\p{Lu}\d&]*\p{Ll}?$/u;

/**
 * The end of the symbol that starts at `start` and ends at most at `end`: a group after a separator
 * with spaces around it belongs to it only when it looks like a code (`24/CT - TTg`), not a word
 * (`NĐ-CP - Phụ lục`).
 */
function symbolEnd(text: string, start: number, end: number): number {
  // Within the match the symbol is groups joined by separators, with or without spaces: read it by hand.
  const isSpace = (k: number) => /\s/u.test(text[k]);
  let k = start;
  while (k < end) {
    while (k < end && !isSpace(k) && text[k] !== '-' && text[k] !== '/') k++;
    if (k >= end) break;
    const separator = k;
    while (isSpace(k)) k++;
    k++;
    while (k < end && isSpace(k)) k++;
    if (k - separator > 1) {
      let group = k;
      while (group < end && !isSpace(group) && text[group] !== '-' && text[group] !== '/') group++;
      if (!CODE.test(text.slice(k, group))) return separator;
    }
  }
  return end;
}

const DATE_AFTER = /^,?\s*(?:ban\s+hanh\s+)?ngay\s+(?:(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})|(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))/u;
const ISSUER_AFTER = /^,?\s*cua\s+/u;

/** Lower-case words that end an issuer's name (`của Ban Bí thư về …`); a known agency name is read whole first (`Ủy ban nhân dân`). */
const ISSUER_STOP = new Set([
  'về',
  'quy',
  'ban',
  'phê',
  'hướng',
  'đã',
  'khóa',
  'khoá',
  'tại',
  'nhằm',
  'là',
  'được',
  'trong',
  'sửa',
  'tiếp',
  'để',
  'ngày',
  'số',
  'thực',
  'triển',
  'nay',
  'này',
  'năm',
  'giai',
  'đến',
  'theo',
  'với',
  'cho',
  'do',
  'kèm',
  'như',
  'gọi',
  'viết',
  'ban',
  'thông',
  'hoặc',
]);

/** Finds every citation in a mapped text (plain text of a paragraph, a title, a cell); `folded` is its `fold`, when the caller has it. */
export function findCitations(source: MappedText, folded = fold(source.text)): FoundCitation[] {
  const text = source.text;
  if (!/\d/.test(text)) return [];
  const found: FoundCitation[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(folded); m; m = CITATION.exec(folded)) {
    const [whole, typeFolded, between, serial, , , year, extraYear] = m;
    const start = m.index;
    const docType = TYPE_BY_FOLDED.get(typeFolded.replace(/\s+/g, ' '))!;
    // A name between the type word and `số` is only a law's name, and starts with a capital.
    if (between && !/^\s+so$/.test(between)) {
      const firstName = text.slice(start + typeFolded.length).trimStart();
      if (!['Luật', 'Bộ luật', 'Pháp lệnh'].includes(docType) || !/^\p{Lu}/u.test(firstName)) {
        CITATION.lastIndex = start + typeFolded.length;
        continue;
      }
    }
    const symbolStart = m.indices![11][0];
    // The symbol is upper-case in a real citation (`CT/TW`, `NĐ-CP`, `QH13`, `CT-TTg`).
    if (!/^\p{Lu}/u.test(text[symbolStart])) continue;
    const numberStart = m.indices![3][0];
    const end = symbolEnd(text, symbolStart, start + whole.length);
    const symbol = text.slice(symbolStart, end).replace(/\s+/g, '');
    const citation: FoundCitation = {
      typeWord: text.slice(start, start + typeFolded.length),
      docType,
      numberText: text.slice(numberStart, end),
      serial,
      year: year ? Number(year) : undefined,
      ...(extraYear ? { extraYear: Number(extraYear) } : {}),
      symbol,
      hasStraySpaces: /\s/.test(text.slice(numberStart, end)),
      typeWord_: { start, end: start + typeFolded.length },
      number_: { start: numberStart, end },
      start,
      end,
    };
    let cursor = end;
    const date = DATE_AFTER.exec(folded.slice(cursor, cursor + 40));
    if (date) {
      const [d, mo, y] = date[1] ? [date[1], date[2], date[3]] : [date[4], date[5], date[6]];
      const dateStart = cursor + date[0].search(/ngay/);
      citation.date = { day: Number(d), month: Number(mo), year: Number(y), start: dateStart, end: cursor + date[0].length };
      cursor += date[0].length;
    }
    const issuer = ISSUER_AFTER.exec(folded.slice(cursor, cursor + 10));
    if (issuer) {
      const issuerStart = cursor + issuer[0].length;
      const issuerEnd = readIssuerEnd(text, folded, issuerStart);
      if (issuerEnd > issuerStart) {
        citation.issuer = { text: text.slice(issuerStart, issuerEnd), start: issuerStart, end: issuerEnd };
        cursor = issuerEnd;
      }
    }
    citation.end = cursor;
    found.push(citation);
    CITATION.lastIndex = Math.max(CITATION.lastIndex, end);
  }
  return found;
}

/**
 * Reads an issuer's name: words up to punctuation, a stop word, or ten words;
 * a known agency name (syntax/agencies.ts) counts as one word, whatever words
 * it holds (`Ủy ban nhân dân tỉnh Lai Châu`, `Thường trực Ủy ban nhân dân tỉnh`).
 */
function readIssuerEnd(text: string, folded: string, start: number): number {
  const word = /[\p{L}\p{M}\d]+(?:[-–][\p{L}\d]+)?|\s+-\s+|\s+/uy;
  let end = start;
  let words = 0;
  word.lastIndex = start;
  for (let m = word.exec(text); m && words < 10; m = word.exec(text)) {
    const token = m[0];
    if (/^\s+$/.test(token)) continue;
    if (/^\s+-\s+$/.test(token)) {
      // `Bộ Lao động - Thương binh và Xã hội`: a dash inside a name joins capitalised parts.
      if (!/^\p{Lu}/u.test(text.slice(word.lastIndex))) break;
      continue;
    }
    const named = agencyEndAt(text, folded, m.index);
    if (named !== undefined) {
      end = named;
      word.lastIndex = named;
      words++;
      continue;
    }
    if (/^\p{Ll}/u.test(token) && ISSUER_STOP.has(token)) break;
    if (token === 'và' && !/^\s*\p{Lu}/u.test(text.slice(word.lastIndex))) break;
    end = m.index + token.length;
    words++;
  }
  return end;
}
