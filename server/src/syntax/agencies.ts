import { fold, type MappedText } from './inline';

/**
 * Recognises names of agencies in running text by the shape of official names.
 * Names are matched without case or diacritics (so `Sở Lao động - Thương binh
 * và Xã hội` and a misspelt variant are both found) but must start with a
 * capital in the text. Which of them exist on a given date is the registry's
 * business, not the parser's.
 */

/** Fields of ministries and departments (`Bộ …`, `Sở …`, `Phòng …`), folded, and the abbreviations plans write for them. */
const FIELDS = [
  'ld-tb&xh',
  'ld - tb&xh',
  'ld-tbxh',
  'ldtbxh',
  'ld, tb&xh',
  'gd&dt',
  'gd-dt',
  'gddt',
  'kh&dt',
  'khdt',
  'tt&tt',
  'tttt',
  'tn&mt',
  'tnmt',
  'nn&ptnt',
  'nnptnt',
  'nn&mt',
  'nnmt',
  'kh&cn',
  'khcn',
  'vhtt&dl',
  'vh,tt&dl',
  'vhttdl',
  'gtvt',
  'dt&tg',
  'dttg',
  'lao dong - thuong binh va xa hoi',
  'ke hoach va dau tu',
  'tai chinh',
  'giao duc va dao tao',
  'thong tin va truyen thong',
  'noi vu',
  'tu phap',
  'y te',
  'cong thuong',
  'xay dung',
  'giao thong van tai',
  'tai nguyen va moi truong',
  'nong nghiep va phat trien nong thon',
  'nong nghiep va moi truong',
  'khoa hoc va cong nghe',
  'van hoa, the thao va du lich',
  'van hoa va the thao',
  'du lich',
  'ngoai vu',
  'ngoai giao',
  'dan toc va ton giao',
  'quoc phong',
  'cong an',
];

const LEVEL_WORD = String.raw`(?:tinh|huyen|xa|phuong|thanh\s+pho|thi\s+xa|quan|dac\s+khu)`;
/** The district level: `huyện`, `quận`, `thị xã`, a city of a province (`thành phố Lai Châu`), alone or listed (`các huyện, thị xã, thành phố`). */
const DISTRICT = String.raw`(?:cac\s+)?(?:huyen|quan|thi\s+xa|thanh\s+pho)(?:\s*,\s*(?:huyen|quan|thi\s+xa|thanh\s+pho))*`;
/**
 * Bodies of a district by the kind of body and the level after its name (`Phòng Nội vụ huyện`,
 * `Trung tâm Y tế huyện Tam Đường`, `Văn phòng HĐND và UBND huyện`): words of the name, at most
 * ten, then the level. The name's first word is capitalised (`findAgencies`): `Phòng chống … huyện`
 * is no body.
 */
const NAMED_KIND = String.raw`(?:phong|trung\s+tam|van\s+phong)`;
const DISTRICT_BODY = String.raw`${NAMED_KIND}(?:\s+(?:[\p{L}\d&]+|-)){1,10}?\s+${DISTRICT}`;
/** The associations every district had (`Hội Liên hiệp Phụ nữ huyện`, `Hội CCB huyện`). */
const ASSOCIATION = String.raw`hoi\s+(?:lien\s+hiep\s+phu\s+nu|lhpn|nong\s+dan|cuu\s+chien\s+binh|ccb|chu\s+thap\s+do|khuyen\s+hoc|nguoi\s+cao\s+tuoi|cuu\s+giao\s+chuc|luat\s+gia)(?:\s+viet\s+nam)?`;
/** `tỉnh`, `các huyện, thị xã, thành phố`, `các xã, phường`. */
const LEVEL = String.raw`(?:\s+(?:cac\s+)?${LEVEL_WORD}(?:\s*,\s*${LEVEL_WORD})*)?`;

/** Folded patterns of agency names; a trailing place name (`tỉnh Trà Vinh`) is read after the match. */
const PATTERNS: string[] = [
  String.raw`(?:bo|so)\s+(?:${FIELDS.map((f) => f.replace(/ /g, '\\s+')).join('|')})`,
  String.raw`(?:uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|hdnd)${LEVEL}`,
  String.raw`(?:uy\s+ban\s+)?mat\s+tran\s+to\s+quoc(?:\s+viet\s+nam)?${LEVEL}`,
  String.raw`(?:ub\s*)?mttq(?:\s*vn|\s+viet\s+nam)?${LEVEL}`,
  String.raw`(?:uy\s+ban\s+)?mttq(?:\s*vn|\s+viet\s+nam)?${LEVEL}`,
  // Named: a match by this alternative is a district body by its kind alone, and needs its capitalised name.
  String.raw`(?<districtBody>${DISTRICT_BODY})`,
  String.raw`${ASSOCIATION}${LEVEL}`,
  String.raw`thanh\s+tra\s+${DISTRICT}`,
  String.raw`(?:huyen|thi|quan)\s+doan`,
  String.raw`ban\s+(?:thuong\s+vu|tuyen\s+giao\s+va\s+dan\s+van|tuyen\s+giao|dan\s+van|to\s+chuc|kiem\s+tra|noi\s+chinh|kinh\s+te|chinh\s+sach\s+phap\s+luat\s+va\s+quan\s+he\s+lao\s+dong|tuyen\s+giao\s+-\s+nu\s+cong|to\s+chuc\s+-\s+kiem\s+tra)(?:\s+(?:tinh\s+uy|thanh\s+uy|huyen\s+uy|tu|tw|trung\s+uong(?:\s+dang)?|ldld\s+tinh))?`,
  String.raw`ban\s+bi\s+thu(?:\s+trung\s+uong\s+dang)?`,
  String.raw`ban\s+chap\s+hanh\s+trung\s+uong(?:\s+dang)?`,
  String.raw`bo\s+chinh\s+tri`,
  String.raw`thu\s+tuong\s+chinh\s+phu`,
  String.raw`chinh\s+phu`,
  String.raw`quoc\s+hoi`,
  String.raw`van\s+phong\s+(?:trung\s+uong\s+dang|tinh\s+uy|ubnd\s+tinh|uy\s+ban\s+nhan\s+dan\s+tinh)`,
  String.raw`(?:tinh|thanh|huyen|dang)\s+uy`,
  String.raw`tinh\s+doan`,
  String.raw`tong\s+lien\s+doan\s+lao\s+dong\s+viet\s+nam`,
  String.raw`tong\s+ldld\s+viet\s+nam`,
  String.raw`(?:lien\s+doan\s+lao\s+dong|ldld)${LEVEL}`,
  String.raw`cong\s+doan\s+(?:nganh|vien\s+chuc)(?:\s+tinh)?`,
  String.raw`ngan\s+hang\s+nha\s+nuoc(?:\s+viet\s+nam|\s+chi\s+nhanh\s+tinh)?`,
  String.raw`cuc\s+thong\s+ke(?:\s+tinh)?`,
  String.raw`ban\s+quan\s+ly\s+khu\s+kinh\s+te`,
  String.raw`hiep\s+hoi\s+doanh\s+nghiep(?:\s+tinh)?`,
  String.raw`hoi\s+khuyen\s+hoc(?:\s+tinh)?`,
  String.raw`dang\s+doan\s+(?:hdnd|hoi\s+dong\s+nhan\s+dan|mat\s+tran\s+to\s+quoc)(?:\s+tinh)?`,
  String.raw`ban\s+can\s+su\s+dang\s+(?:uy\s+ban\s+nhan\s+dan|ubnd)(?:\s+tinh)?`,
];

/** The kind of a district body at the start of its match (`Phòng `, `Trung tâm `). */
const KIND_AT_START = new RegExp(String.raw`^${NAMED_KIND}\s+`, 'u');
const ENDS_WITH_LEVEL = /(?:huyện|quận|thị xã|thành phố)$/u;

// Not inside a document symbol (`85/KH-UBND`).
const AGENCY = new RegExp(String.raw`(?<![\p{L}\d/-])(?:${PATTERNS.join('|')})(?![\p{L}\d])`, 'gu');

export interface FoundAgency {
  name: string;
  start: number;
  end: number;
}

/** The same names, matched only where a reader stands (a citation's `của …`). */
const AGENCY_AT = new RegExp(AGENCY.source, 'uy');

/**
 * Verbs that open a task's clause, NFC and lower case. A capital slipped onto
 * their first syllable right after a body (`Tham mưu UBND Thành phố Báo cáo Bộ
 * Tài chính`) starts the next clause, not a place name: the second syllable,
 * still in lower case, gives it away.
 */
export const CLAUSE_VERBS: ReadonlySet<string> = new Set([
  'báo cáo',
  'chỉ đạo',
  'chủ trì',
  'đề xuất',
  'hướng dẫn',
  'kiểm tra',
  'phối hợp',
  'tham mưu',
  'theo dõi',
  'thực hiện',
  'tổ chức',
  'tổng hợp',
  'triển khai',
  'xây dựng',
]);
const PLACE_WORD = /\s+(\p{Lu}[\p{L}\p{M}]*)/uy;
const LOWER_WORD = /\s+(\p{Ll}[\p{L}\p{M}]*)/uy;

/** Whether the capitalised `word` ending at `end` and the lower-case word after it make a clause verb (`Báo cáo`). */
function opensClause(text: string, word: string, end: number): boolean {
  LOWER_WORD.lastIndex = end;
  const next = LOWER_WORD.exec(text);
  return next !== null && CLAUSE_VERBS.has(`${word} ${next[1]}`.normalize('NFC').toLocaleLowerCase('vi'));
}

/** The end of the capitalised place name (at most four words) from `from`; `from` when none. */
function placeEnd(text: string, from: number): number {
  let end = from;
  for (let words = 0; words < 4; words++) {
    PLACE_WORD.lastIndex = end;
    const word = PLACE_WORD.exec(text);
    if (!word || opensClause(text, word[1], PLACE_WORD.lastIndex)) break;
    end = PLACE_WORD.lastIndex;
  }
  return end;
}

/** The end of a matched name, with the capitalised place name after a level word (`Ủy ban nhân dân tỉnh Trà Vinh`, `Ngân hàng Nhà nước Chi nhánh tỉnh Trà Vinh`) or the province named after it (`Sở Nội vụ tỉnh Bắc Giang`). */
function withPlace(text: string, start: number, end: number): number {
  if (/(?:tỉnh|huyện|xã|phường|phố|quận)$/u.test(text.slice(start, end))) return placeEnd(text, end);
  // `Sở Nội vụ tỉnh Bắc Giang`: a body named with its province.
  const province = /^\s+(?:tỉnh|thành phố)/u.exec(text.slice(end, end + 16));
  if (!province) return end;
  const place = placeEnd(text, end + province[0].length);
  return place > end + province[0].length ? place : end;
}

/** Finds agency names in a mapped text (`folded`: its `fold`, when the caller has it); a capitalised place name after the match belongs to it. */
export function findAgencies(source: MappedText, folded = fold(source.text)): FoundAgency[] {
  const { text } = source;
  const found: FoundAgency[] = [];
  AGENCY.lastIndex = 0;
  for (let m = AGENCY.exec(folded); m; m = AGENCY.exec(folded)) {
    const start = m.index;
    if (!/^\p{Lu}/u.test(text[start])) continue;
    // `Phòng Nội vụ huyện`, not `Phòng chống dịch trên địa bàn huyện`: a named body's name is capitalised.
    const kind = KIND_AT_START.exec(m[0]);
    // …and it ends with a level word indeed: folded, `Quản lý` would be `quận`.
    if (
      kind &&
      m.groups?.districtBody !== undefined &&
      (!/^\p{Lu}/u.test(text[start + kind[0].length] ?? '') || !ENDS_WITH_LEVEL.test(text.slice(start, start + m[0].length).toLocaleLowerCase('vi')))
    ) {
      AGENCY.lastIndex = start + kind[0].length;
      continue;
    }
    const end = withPlace(text, start, start + m[0].length);
    found.push({ name: text.slice(start, end), start, end });
    AGENCY.lastIndex = end;
  }
  return found;
}

/**
 * The end of the agency name that starts exactly at `start` (`folded` is
 * `fold(text)`), place name included; undefined when no known name starts
 * there. Lets a reader of free words keep a name whose own words would stop
 * it (`Ủy ban nhân dân`: `ban` also ends an issuer, as in `… ban hành`).
 */
export function agencyEndAt(text: string, folded: string, start: number): number | undefined {
  if (!/^\p{Lu}/u.test(text[start] ?? '')) return undefined;
  AGENCY_AT.lastIndex = start;
  const m = AGENCY_AT.exec(folded);
  return m ? withPlace(text, start, start + m[0].length) : undefined;
}
