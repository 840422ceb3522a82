// Writes server/data/central-documents.json (one document a line, its fields tab-separated in one string: diffs stay readable, and loading it makes no object per document): the central legal documents (laws, ordinances,
// decrees, resolutions, decisions, circulars) that the Ministry of Justice's codified law, the
// Bộ pháp điển, is built from, each with its number, type, issuer, dates, title, the page of the
// national legal database (vbpl.vn) the facts come from, and what the codified text says of
// its replacement, repeal and amendments.
//
//   npx tsx scripts/gen-central-documents.ts [LABEL=]DIR… [--cited LABEL=DIR]… [--skip LIST]
//
// DIR holds the pages of the Bộ pháp điển's offline edition (`demuc/<uuid>.html`, one page per
// topic), as public repositories keep them, e.g. (the data shipped was made from these two):
//   git --git-dir=…/NLP-TraCuuPhapDienVN.git archive HEAD 'law-crawler/phap dien/demuc' | tar -x -C /tmp/a
//   git --git-dir=…/ISODS-PhapDien-Crawler-Semantic-Search.git archive HEAD BoPhapDienDienTu/demuc | tar -x -C /tmp/b
// LABEL names the snapshot in the output (its repository and commit). Several snapshots are
// merged; run it again on a newer one. No network is used.
//
// What is read:
// - every provision ends with a note linking to the provision on vbpl.vn, e.g.
//   "(Điều 1 Nghị định số 30/2020/NĐ-CP Về công tác văn thư ngày 05/03/2020 của Chính phủ, có hiệu
//   lực thi hành kể từ ngày 05/03/2020)": the first note of a document in a topic gives its title,
//   date and issuer, the later ones the number and the date it took effect; a note goes on with
//   "có nội dung được sửa đổi … bởi Điều 1 Thông tư số …" naming the documents that amended it;
// - the provision on entry into force ("Hiệu lực thi hành") says what the document replaced or
//   repealed: "Nghị định này có hiệu lực … và thay thế Nghị định số 21/2005/NĐ-CP ngày 01 tháng 3
//   năm 2005 của Chính phủ …", "bãi bỏ Thông tư số …", "Thông tư số … hết hiệu lực …". The
//   replaced document is then known (number, date and issuer as that text cites them) though the
//   codification no longer holds it; a replacement of some articles only ("thay thế Điều 5 của …",
//   "… trừ …") is not a replacement of the document.
// Whether a document the codification holds was replaced after the snapshot is not known: the
// registry says so (status unknown) rather than calling it in force.
//
// `--cited LABEL=DIR` adds the central documents (decrees, resolutions of the Government,
// decisions and directives of the Prime Minister, laws) that a collection of public texts cites
// with agreeing dates and the codification lacks (scripts/gen-central-cited.ts): their confidence
// is `cited`, the column `citedTexts` says by how many texts. A text of the collection that is
// itself a central document says in its provision on entry into force what it replaces or
// repeals, read as above: the end is kept for a document the table holds without one, the column
// `endedIn` marks it. `--skip LIST` names, one a line, the
// files of such a collection left unread (the plans coverage is measured on).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { findCitations, type FoundCitation } from '../server/src/syntax/citations';
import { type Collection, collectionTexts, documentOfText, filesUnder, readCitedCollection } from './gen-central-cited';
import { keyOf } from '../server/src/registry/registry';
import { fold } from '../server/src/syntax/inline';

const OUT = join(import.meta.dirname, '..', 'server', 'data', 'central-documents.json');

/** The table's columns (server/src/registry/central.ts reads them in this order). */
export const COLUMNS = [
  'number',
  'type',
  'issuer',
  'date',
  'inForceFrom',
  'title',
  'vbplItemId',
  'citedIn',
  'replacedBy',
  'replacedOn',
  'repealedOn',
  'repealedBy',
  'amendedBy',
  'citedTexts',
  'endedIn',
];

/** Type words of the notes → the registry's types (a joint resolution is cited as a resolution). */
const NOTE_TYPES: Record<string, string> = {
  'Hiến pháp': 'Hiến pháp',
  'Bộ luật': 'Bộ luật',
  Luật: 'Luật',
  'Pháp lệnh': 'Pháp lệnh',
  'Nghị quyết liên tịch': 'Nghị quyết',
  'Nghị quyết': 'Nghị quyết',
  'Nghị định': 'Nghị định',
  'Thông tư liên tịch': 'Thông tư liên tịch',
  'Thông tư': 'Thông tư',
  'Quyết định': 'Quyết định',
  'Chỉ thị': 'Chỉ thị',
};
const TYPE_ALTERNATION = Object.keys(NOTE_TYPES).join('|');

/** A note: the provision's place (`Điều 3`, `Khoản 2 Điều 5`, `Mục 1 Phụ lục`…), the type, `số`, the number, then the rest. */
const NOTE_HEAD = new RegExp(
  String.raw`^(?:(?:Điểm|Khoản|Điều|Mục|Tiểu mục|Chương|Phần|Phụ lục)\s+\S+\s+)*?(${TYPE_ALTERNATION})\s+số\s+([0-9][0-9A-Za-zĐđ/&\-\s]*?)(?=,|\s+\p{Lu}|\s+ngày\s|\s*$)(.*)$`,
  'su',
);
// The title may itself cite a document with its date and issuer: the document's own date is the last one before its issuer.
const NOTE_FULL = /^\s*(.*)\s+ngày (\d\d)\/(\d\d)\/(\d{4}) của ((?:(?!ngày \d).)+?), có hiệu lực thi hành kể từ ngày (\d\d)\/(\d\d)\/(\d{4})/su;
const NOTE_SHORT = /^\s*,?\s*có hiệu lực thi hành kể từ ngày (\d\d)\/(\d\d)\/(\d{4})/su;
const AMENDERS = new RegExp(String.raw`(?:được sửa đổi|được bổ sung|bị bãi bỏ|bị hủy bỏ)[^()]*?bởi\s+(.*)$`, 'su');
const NUMBER_IN = new RegExp(String.raw`(?:${TYPE_ALTERNATION})\s+số\s+([0-9][0-9A-Za-zĐđ/&\-]*)`, 'gu');

/**
 * The issuers of central documents, past and present, in their official spelling: the notes and
 * the texts write `Bộ công thương`, `Bộ Văn hoá - Thể thao và Du lịch`, `Bộ trưởng Bộ Tài chính`,
 * `Thống đốc Ngân hàng Nhà nước` for them. Longest first, so that a name is not read as a shorter one.
 */
const OFFICIAL_ISSUERS = [
  'Quốc hội',
  'Ủy ban Thường vụ Quốc hội',
  'Chủ tịch nước',
  'Chính phủ',
  'Thủ tướng Chính phủ',
  'Hội đồng Bộ trưởng',
  'Hội đồng Nhà nước',
  'Bộ Quốc phòng',
  'Bộ Công an',
  'Bộ Ngoại giao',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Tài chính',
  'Bộ Công Thương',
  'Bộ Xây dựng',
  'Bộ Y tế',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Lao động - Thương binh và Xã hội',
  'Bộ Giao thông vận tải',
  'Bộ Nông nghiệp và Phát triển nông thôn',
  'Bộ Tài nguyên và Môi trường',
  'Bộ Kế hoạch và Đầu tư',
  'Bộ Thông tin và Truyền thông',
  'Bộ Khoa học và Công nghệ',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Dân tộc và Tôn giáo',
  'Ngân hàng Nhà nước Việt Nam',
  'Tòa án nhân dân tối cao',
  'Viện kiểm sát nhân dân tối cao',
  'Hội đồng Thẩm phán Tòa án nhân dân tối cao',
  'Kiểm toán Nhà nước',
  'Thanh tra Chính phủ',
  'Văn phòng Chính phủ',
  'Ủy ban Dân tộc',
  'Ủy ban Dân tộc và Miền núi',
  'Bộ Công nghiệp',
  'Bộ Thương mại',
  'Bộ Thủy sản',
  'Bộ Văn hóa - Thông tin',
  'Bộ Bưu chính, Viễn thông',
  'Bộ Giáo dục',
  'Bộ Lâm nghiệp',
  'Ban Tổ chức - Cán bộ Chính phủ',
  'Tổng cục Bưu điện',
  'Tổng cục Quản lý ruộng đất',
  'Ủy ban Thể dục Thể thao',
  'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  'Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  'Tổng Liên đoàn Lao động Việt Nam',
  'Hội Nông dân Việt Nam',
  'Bảo hiểm xã hội Việt Nam',
  'Bộ Nông nghiệp và Công nghiệp thực phẩm',
  'Ủy ban Quốc gia Dân số và Kế hoạch hóa gia đình',
].sort((a, b) => b.length - a.length);
/** Folded, with punctuation and the separators inside a ministry's name ignored (`Văn hoá - Thể thao` ~ `Văn hóa, Thể thao`). */
const issuerKey = (name: string) =>
  fold(name)
    .replace(/[\s,.;:()\-–]+/g, ' ')
    .trim();
const OFFICIAL_KEYS = OFFICIAL_ISSUERS.map((name) => ({ name, key: issuerKey(name) }));
/** The head of an authority before the body it heads (`Bộ trưởng Bộ Tài chính`, `Thống đốc Ngân hàng Nhà nước`). */
const HEAD_OF = /^(?:bo truong chu nhiem|bo truong|thong doc|chanh an|vien truong|tong thanh tra|chu nhiem|truong ban|tong cuc truong)\s+/;

/**
 * The issuer in its official spelling, read from the start of `raw` (words after it are the title
 * that ran on); joint issuers are kept as a list. Undefined when `raw` starts with no known issuer.
 */
export function officialIssuer(raw: string): string | undefined {
  const names: string[] = [];
  let rest = issuerKey(raw);
  for (;;) {
    rest = rest
      .replace(HEAD_OF, '')
      .replace(/^tong kiem toan nha nuoc/, 'kiem toan nha nuoc')
      .replace(/^ngan hang nha nuoc(?! viet nam)/, 'ngan hang nha nuoc viet nam')
      .replace(/^lien\s+/, '');
    const known = OFFICIAL_KEYS.find((o) => rest === o.key || rest.startsWith(`${o.key} `));
    if (!known) break;
    if (!names.includes(known.name)) names.push(known.name);
    rest = rest.slice(known.key.length).replace(/^\s*(?:va\s+)?/, '');
  }
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
}

export interface Snapshot {
  label: string;
  pages: number;
  notes: number;
  /** The latest date of issue of a document it holds: the snapshot is at least that recent. */
  asOf: string;
}

interface Facts {
  type: string;
  /** Variant counts, to keep the most frequent reading of each fact. */
  titles: Map<string, number>;
  dates: Map<string, number>;
  issuers: Map<string, number>;
  inForce: Map<string, number>;
  itemId?: number;
  /** The document whose text cites this one, when that is all that is known of it. */
  citedIn?: string;
  replacedBy?: { by: string; on: string };
  repealed?: { by: string; on: string };
  amendedBy: Set<string>;
}

const documents = new Map<string, Facts>();
/** The documents the snapshot being read holds provisions of, and its latest date of entry into force. */
let held = new Set<string>();
let latest = '';
/** Per snapshot: the documents it holds and its `asOf`. */
const snapshotsHeld: { held: Set<string>; asOf: string }[] = [];

const count = (map: Map<string, number>, value: string | undefined) => value && map.set(value, (map.get(value) ?? 0) + 1);
const mostFrequent = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0];
const iso = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
/** `12 /2021/TT-BQP`, `02/2014/TTLT-TANDTC- VKSNDTC`: the number without spaces. */
const compact = (number: string) => number.replace(/\s+/g, '').replace(/[.,;]+$/, '');
const isNumber = (number: string) => /^\d+(?:\/\d{4})?[/-][A-ZĐ]/u.test(number);

function facts(number: string, type: string, into = documents): Facts {
  let f = into.get(number);
  if (!f) into.set(number, (f = { type, titles: new Map(), dates: new Map(), issuers: new Map(), inForce: new Map(), amendedBy: new Set() }));
  return f;
}

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ')
    .normalize('NFC')
    .trim();

/** The title as citations continue it: `Luật Khoa học và công nghệ`, `quy định về …`. */
function titleOf(type: string, raw: string): string {
  const title = raw.replace(/\s+/g, ' ').replace(/^[\s,:;-]+|[\s.;,]+$/g, '');
  if (!title) return '';
  if (type === 'Luật' || type === 'Bộ luật' || type === 'Pháp lệnh') return /^(?:Luật|Bộ luật|Pháp lệnh)\b/u.test(title) ? title : `${type} ${title}`;
  return title[0].toLocaleLowerCase('vi') + title.slice(1);
}

/** Reads one provision's note; returns the document it belongs to. */
function readNote(note: string, href: string): { number: string; inForce?: string } | undefined {
  const head = NOTE_HEAD.exec(note);
  if (!head) return undefined;
  const type = NOTE_TYPES[head[1]];
  const number = compact(head[2]);
  if (!isNumber(number)) return undefined;
  const f = facts(number, type);
  const item = /ItemID=(\d+)/.exec(href);
  if (item) f.itemId ??= Number(item[1]);
  const rest = head[3];
  const full = NOTE_FULL.exec(rest);
  let inForce: string | undefined;
  if (full) {
    const [, title, d, m, y, issuer, d2, m2, y2] = full;
    count(f.titles, titleOf(type, title));
    count(f.dates, iso(d, m, y));
    if (iso(d, m, y) > latest) latest = iso(d, m, y);
    count(f.issuers, issuer.replace(/[\s.]+$/, '').replace(/\s+/g, ' '));
    inForce = iso(d2, m2, y2);
  } else {
    const short = NOTE_SHORT.exec(rest);
    if (short) inForce = iso(short[1], short[2], short[3]);
  }
  count(f.inForce, inForce);
  held.add(number);
  const amended = AMENDERS.exec(rest);
  if (amended) for (const m of amended[1].matchAll(NUMBER_IN)) if (isNumber(compact(m[1])) && compact(m[1]) !== number) f.amendedBy.add(compact(m[1]));
  return { number, inForce };
}

/** Sentences of a provision that replace or repeal whole documents: `… và thay thế Nghị định số 21/2005/NĐ-CP ngày … của Chính phủ …`. */
const REPLACES = /(thay thế|bãi bỏ|hủy bỏ|huỷ bỏ)\s+((?:các\s+)?(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư|Quyết định|Chỉ thị)[^.;]*)/gu;
const EXPIRES = /((?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư|Quyết định|Chỉ thị)\s+số\s+[^.;]{0,300}?)\s+hết hiệu lực(?! một phần)/gu;

/** Words naming parts of a document (`Điều 8 của …`, `các quy định tại …`). */
const PARTS = /(?:điều|khoản|điểm|chương|mục|phần|phụ lục|quy định|nội dung)(?![\p{L}\p{M}])/iu;
/** Words that make the next document cited a part of an item's title rather than an item of the list. */
const DEPENDENT = /(?:sửa đổi|bổ sung|hướng dẫn|thi hành|theo|tại|kèm|ban hành|quy định chi tiết|của)\s*(?:,|và)?\s*$/u;

/** The documents a clause of replacement lists: the first, then each after a list separator. A document cited inside an item (`Thông tư số … hướng dẫn Nghị định số …`, `… đã được sửa đổi theo Luật số …`) is not one of them, nor is anything after it. */
function listed(clause: string): FoundCitation[] {
  const cited = findCitations({ text: clause, offsets: new Int32Array(0) });
  const items: FoundCitation[] = [];
  for (const [i, c] of cited.entries()) {
    const gap = i === 0 ? clause.slice(0, c.start) : clause.slice(cited[i - 1].end, c.start);
    if (i === 0 ? !/^(?:các\s+)?$/u.test(gap) : !/(?:,|;|\svà|\svà các|\sđồng thời)\s*$/u.test(gap) || DEPENDENT.test(gap)) break;
    items.push(c);
  }
  return items;
}

function readReplacements(text: string, by: string, on: string | undefined, into = documents): void {
  if (!on) return;
  const read = (clause: string, kind: 'replaced' | 'repealed') => {
    // `thay thế Điều 5 của …`, `bãi bỏ khoản 2 …`, `… trừ Điều 3`: some provisions only.
    if (/^(?:các\s+)?(?:điều|khoản|điểm|mục|chương|phụ lục|quy định)\b/iu.test(clause) || /\btrừ\b/u.test(clause)) return;
    const items = listed(clause);
    for (const [i, c] of items.entries()) {
      const number = compact(c.numberText);
      if (!isNumber(number) || number === by || !NOTE_TYPES[c.docType]) continue;
      const f = facts(number, c.docType, into);
      if (c.date) count(f.dates, iso(String(c.date.day), String(c.date.month), String(c.date.year)));
      // The issuer as written after `của`, read against the known issuers (a citation's own reading stops at `ban`, as in `Ủy ban`).
      const after = c.date ? c.date.start : c.number_.end;
      const of = /^(?:ngày\s[^,]*?\d{4})?,?\s*của\s+/u.exec(clause.slice(after));
      if (of) count(f.issuers, clause.slice(after + of[0].length, after + of[0].length + 160));
      if (!f.itemId) {
        f.citedIn ??= by;
        // The title: from its first word after the issuer (`… của Chính phủ quy định chi tiết …`) to the next item.
        const tail = clause.slice(of ? after + of[0].length : c.end, items[i + 1]?.start ?? clause.length);
        const title = /\s((?:về|quy định|hướng dẫn|ban hành|sửa đổi|phê duyệt|thành lập)\b[^;]*)/iu.exec(tail);
        if (title) count(f.titles, titleOf(c.docType, title[1].replace(/[\s,]+(?:và\s*)?$/u, '')));
      }
      if (kind === 'replaced') f.replacedBy ??= { by, on };
      else f.repealed ??= { by, on };
    }
  };
  for (const m of text.matchAll(REPLACES)) read(m[2], /thay thế/u.test(m[1]) ? 'replaced' : 'repealed');
  for (const m of text.matchAll(EXPIRES)) {
    // `Điều 8, Điều 9 của Nghị định số … hết hiệu lực`: the sentence so far names parts of it.
    const sentence = text
      .slice(Math.max(0, m.index! - 200), m.index)
      .split(/[.;:]/)
      .pop()!;
    if (!PARTS.test(sentence)) read(m[1], 'repealed');
  }
}

/** Reads a page of the codification: the notes and, for each, the provision's text up to the next heading. */
function readPage(html: string): number {
  const note = /<p class='pGhiChu'>(.*?)<\/p>/gsu;
  let notes = 0;
  const marks = [...html.matchAll(note)];
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k];
    const href = /href='([^']*)'/.exec(m[1])?.[1] ?? '';
    const text = decode(m[1]).replace(/^\(\s*|\s*\)$/g, '');
    const read = readNote(text, href);
    if (!read) continue;
    notes++;
    // The provision's text: from this note to the next article heading.
    const start = m.index! + m[0].length;
    const end = marks[k + 1]?.index ?? html.length;
    const body = html.slice(start, end);
    const next = body.search(/<p class='p(?:Dieu|Chuong|Muc)'>/);
    const provision = decode(next >= 0 ? body.slice(0, next) : body);
    if (/thay thế|bãi bỏ|hủy bỏ|huỷ bỏ|hết hiệu lực/u.test(provision)) readReplacements(provision, read.number, read.inForce);
  }
  return notes;
}

/**
 * The codification drops the provisions of a document that ceased to apply. A document a snapshot
 * still holds a year after the date some text says it was replaced or repealed contradicts that
 * reading (a partial repeal read as a whole one): the end is dropped. Returns the documents concerned.
 */
function dropContradictedEnds(): string[] {
  const doubtful: string[] = [];
  const yearAfter = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  for (const [number, f] of documents) {
    const end = f.replacedBy?.on ?? f.repealed?.on;
    if (!end || !snapshotsHeld.some((s) => s.held.has(number) && s.asOf > yearAfter(end))) continue;
    f.replacedBy = f.repealed = undefined;
    doubtful.push(number);
  }
  return doubtful.sort();
}

const labelled = (arg: string) => {
  const eq = arg.indexOf('=');
  return eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [basename(arg), arg];
};

export function generate(args: string[]): { snapshots: Snapshot[]; collections: Omit<Collection, 'documents'>[]; doubtful: string[]; table: string } {
  documents.clear();
  snapshotsHeld.length = 0;
  const snapshots: Snapshot[] = [];
  const citedArgs: string[] = [];
  const skip = new Set<string>();
  const codified: string[] = [];
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--cited') citedArgs.push(args[++k]);
    else if (args[k] === '--skip') {
      for (const name of readFileSync(args[++k], 'utf8').split(/\r?\n/)) if (name.trim()) skip.add(name.trim());
    } else codified.push(args[k]);
  }
  for (const arg of codified) {
    const [label, dir] = labelled(arg);
    const files = filesUnder(dir, /\.html$/u);
    let notes = 0;
    held = new Set();
    latest = '';
    for (const file of files) notes += readPage(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    snapshots.push({ label, pages: files.length, notes, asOf: latest });
    snapshotsHeld.push({ held, asOf: latest });
  }
  const doubtful = dropContradictedEnds();
  const collections = citedArgs.map((arg) => readCitedCollection(...(labelled(arg) as [string, string]), skip));
  // What the central documents of the collections replace or repeal, read in their own text.
  const ends = new Map<string, Facts>();
  for (const arg of citedArgs) {
    for (const text of collectionTexts(labelled(arg)[1], skip)) {
      const own = documentOfText(text);
      if (!own) continue;
      for (const { provision, on } of own.inForce) if (/thay thế|bãi bỏ|hủy bỏ|huỷ bỏ|hết hiệu lực/u.test(provision)) readReplacements(provision, own.number, on, ends);
    }
  }
  endsFromCollections(ends, collections);
  return { snapshots, collections: collections.map(({ label, texts }) => ({ label, texts })), doubtful, table: render(snapshots, collections) };
}

/** Marks the documents whose end a collection's text states: a codified one without an end of its own, or one the collection cites with the date the ending text gives it. */
const endedInCollection = new Map<string, { replacedBy?: { by: string; on: string }; repealed?: { by: string; on: string }; date?: string }>();
function endsFromCollections(ends: Map<string, Facts>, collections: Collection[]): void {
  endedInCollection.clear();
  for (const [number, e] of ends) {
    if (!e.replacedBy && !e.repealed) continue;
    const f = documents.get(number);
    if (f) {
      if (f.replacedBy || f.repealed || (e.dates.size && !e.dates.has(mostFrequent(f.dates)!))) continue;
      f.replacedBy = e.replacedBy;
      f.repealed = e.repealed;
      endedInCollection.set(number, {});
      continue;
    }
    const date = mostFrequent(e.dates);
    if (date && collections.some((c) => c.documents.some((d) => d.number === number && d.date === date)))
      endedInCollection.set(`${number} ${date}`, { replacedBy: e.replacedBy, repealed: e.repealed, date });
  }
}

/** The order of the table: by look-up key (server/src/registry/central.ts searches it by halves), then number. */
function byKey(a: string, b: string): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** A field of the table: no tab or line break inside. */
const field = (value: string | number) => String(value).replace(/\s+/g, ' ').trim();

function render(snapshots: Snapshot[], collections: Collection[]): string {
  const rows: [string, string][] = [];
  for (const [number, f] of documents) {
    const date = mostFrequent(f.dates);
    // The issuer as most readings give it, in its official spelling.
    const readings = new Map<string, number>();
    for (const [raw, n] of f.issuers) {
      const name = officialIssuer(raw);
      if (name) readings.set(name, (readings.get(name) ?? 0) + n);
    }
    const issuer = mostFrequent(readings);
    // A document is kept when its date and issuer are known: a number alone says too little to check against.
    if (!date || !issuer) continue;
    const inForce = mostFrequent(f.inForce);
    const row = [
      number,
      f.type,
      issuer,
      date,
      inForce && inForce >= date ? inForce : '',
      mostFrequent(f.titles) ?? '',
      // A document known only as another cites it: the page of that other document.
      f.itemId ?? (f.citedIn && documents.get(f.citedIn)?.itemId) ?? '',
      f.itemId ? '' : (f.citedIn ?? ''),
      f.replacedBy?.by ?? '',
      f.replacedBy?.on ?? '',
      f.repealed && !f.replacedBy ? f.repealed.on : '',
      f.repealed && !f.replacedBy ? f.repealed.by : '',
      [...f.amendedBy].sort().join(' '),
      '',
      endedInCollection.has(number) ? 'cited' : '',
    ];
    rows.push([number, row.map(field).join('\t').replace(/\t+$/, '')]);
  }
  // Documents the codification lacks, as the collections cite them (the first collection to agree on one wins).
  const codifiedNumbers = new Set(rows.map(([number]) => number));
  const cited = new Map<string, { row: string; texts: number }>();
  for (const { documents: found } of collections) {
    for (const d of found) {
      const id = `${d.number} ${d.date.slice(0, 4)}`;
      if (codifiedNumbers.has(d.number) || cited.has(id)) continue;
      const end = endedInCollection.get(`${d.number} ${d.date}`);
      const repealed = end?.repealed && !end.replacedBy ? end.repealed : undefined;
      const row = [
        d.number,
        d.type,
        d.issuer,
        d.date,
        '',
        d.title,
        '',
        '',
        end?.replacedBy?.by ?? '',
        end?.replacedBy?.on ?? '',
        repealed?.on ?? '',
        repealed?.by ?? '',
        '',
        d.texts,
        end ? 'cited' : '',
      ];
      cited.set(id, { row: row.map(field).join('\t').replace(/\t+$/, ''), texts: d.texts });
    }
  }
  for (const [id, { row }] of cited) rows.push([id.split(' ')[0], row]);
  rows.sort(([a, ra], [b, rb]) => byKey(a, b) || (ra < rb ? -1 : ra > rb ? 1 : 0));
  const header = {
    $comment: [
      'Central legal documents, written by scripts/gen-central-documents.ts from the notes and the entry-into-force provisions of the Bộ pháp điển (phapdien.moj.gov.vn): do not edit by hand.',
      'One document a row, its fields (columns) separated by tabs, rows in the order of their look-up key (server/src/registry/central.ts searches them by halves).',
      'The vbpl.vn page is the one the facts were read on: that of the citing document when the document is known only as that one cites it.',
      'A document no text here replaced or repealed may still have been replaced after the snapshot: its status is unknown.',
      'A row with citedTexts is not in the codification: it is known only as that many texts of the collections below cite it with this date (confidence cited).',
      'A row with endedIn is replaced or repealed as the text of the replacing document in the collections below says (confidence of that fact: cited).',
    ],
    snapshots,
    collections: collections.map(({ label, texts, documents: found }) => ({ label, texts, documents: found.length })),
    columns: COLUMNS,
  };
  return `${JSON.stringify(header, null, 1).replace(/\n\}$/, '')},\n "rows": [\n${rows.map(([, r]) => JSON.stringify(r)).join(',\n')}\n ]\n}\n`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('Cách dùng / usage: npx tsx scripts/gen-central-documents.ts [LABEL=]DIR… [--cited LABEL=DIR]… [--skip LIST]');
    process.exit(2);
  }
  const { snapshots, collections, doubtful, table } = generate(args);
  writeFileSync(OUT, table);
  const rows = (JSON.parse(table) as { rows: string[] }).rows;
  const citedRows = rows.filter((r) => r.split('\t')[COLUMNS.indexOf('citedTexts')]).length;
  const ended = rows.filter((r) => r.split('\t')[COLUMNS.indexOf('endedIn')]).length;
  console.log(`${OUT}: ${rows.length} documents from ${snapshots.map((s) => `${s.label} (${s.pages} pages, ${s.notes} notes, as of ${s.asOf})`).join(', ')}`);
  if (collections.length) console.log(`of which ${citedRows} known only as ${collections.map((c) => `${c.label} (${c.texts} texts)`).join(', ')} cite them; ${ended} ended by a text of it`);
  if (doubtful.length) console.log(`ends dropped as contradicted by a later snapshot (${doubtful.length}): ${doubtful.join(', ')}`);
}
