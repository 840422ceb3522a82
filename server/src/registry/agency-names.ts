import { fold } from '../syntax/inline';

/**
 * Abbreviations plans write in agency names, folded, and what they stand for:
 * `UBND` is `Ủy ban nhân dân`, `Sở GD&ĐT` is `Sở Giáo dục và Đào tạo`.
 */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubmttq ?(?:vn|viet nam)?\b/g, 'uy ban mat tran to quoc viet nam'],
  [/\bmttq ?(?:vn|viet nam)\b/g, 'mat tran to quoc viet nam'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bldld\b/g, 'lien doan lao dong'],
  [/\blhpn\b/g, 'lien hiep phu nu'],
  [/\bccb\b/g, 'cuu chien binh'],
  [/\bbtv\b/g, 'ban thuong vu'],
  [/\bld ?- ?tb ?& ?xh\b|\bld, tb&xh\b|\bld ?- ?tbxh\b|\bldtbxh\b/g, 'lao dong - thuong binh va xa hoi'],
  [/\bgd ?(?:&|-|va) ?dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\bkh ?(?:&|va) ?dt\b|\bkhdt\b/g, 'ke hoach va dau tu'],
  [/\btt ?(?:&|va) ?tt\b|\btttt\b/g, 'thong tin va truyen thong'],
  [/\btn ?& ?mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bnn ?& ?ptnt\b|\bnnptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bnn ?& ?mt\b|\bnnmt\b/g, 'nong nghiep va moi truong'],
  [/\bkh ?& ?cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\bvh ?, ?tt ?& ?dl\b|\bvhtt ?& ?dl\b|\bvhttdl\b/g, 'van hoa, the thao va du lich'],
  [/\bgtvt\b/g, 'giao thong van tai'],
  [/\bdt ?& ?tg\b|\bdttg\b/g, 'dan toc va ton giao'],
  [/\btc ?- ?kh\b/g, 'tai chinh - ke hoach'],
  [/\bvh ?& ?tt\b|\bvh ?- ?tt\b/g, 'van hoa va thong tin'],
  [/\bkt ?(?:&|-) ?ht\b/g, 'kinh te va ha tang'],
];

/** Levels listed together (`các huyện, thị xã, thành phố`) name one level: the first. */
const LEVEL_LISTS: [RegExp, string][] = [
  [/\bcac (?=(?:tinh|huyen|quan|thi xa|thanh pho|xa|phuong|thi tran|dac khu)\b)/g, ''],
  [/\b(?:huyen|quan|thi xa)(?: (?:huyen|quan|thi xa|thanh pho))+\b/g, 'huyen'],
  [/\b(?:xa|phuong)(?: (?:xa|phuong|dac khu))+\b/g, 'xa'],
  [/\btinh thanh pho(?! [a-z])/g, 'tinh'],
];

/**
 * The look-up key of an agency's name: folded, abbreviations spelled out,
 * punctuation inside the name ignored (`Văn hoá - Thể thao`, `Văn hóa, Thể thao`),
 * plural and listed levels as one (`Ủy ban nhân dân các huyện, thành phố` is
 * `ủy ban nhân dân huyện`).
 */
export function agencyKey(name: string): string {
  let key = fold(name).replace(/\s+/g, ' ').trim();
  for (const [pattern, full] of ABBREVIATIONS) key = key.replace(pattern, full);
  key = key.replace(/ ?[,\-–] ?/g, ' ').replace(/\s+/g, ' ');
  for (const [pattern, level] of LEVEL_LISTS) key = key.replace(pattern, level);
  return key.trim();
}

/** Kinds of body that a district had (`Phòng …`, `Trung tâm …`, `Văn phòng …`, `Thanh tra`, `Hội …`, `Đội …`, `Ban …`). */
const DISTRICT_KINDS = /^(?:phong|trung tam|van phong|thanh tra|hoi|doi|ban|uy ban|lien doan lao dong|hoi dong nhan dan) /;

/** A district's level word, with its diacritics (folded, `quận` would be `quản` of `Ban Quản lý`). */
export const DISTRICT_LEVEL = /(?:^|\s)(?:huyện|quận|thị xã)(?=\s|$)/u;

/**
 * Whether a name is that of a body of a district: a kind of body (`key`, its
 * look-up key) with `huyện`, `quận` or `thị xã` after its name (read in the
 * name itself, lower-cased: `Ban Quản lý` names no district), or `thành phố`
 * with a city that is not a province (`thành phố Lai Châu`, not `thành phố Hà
 * Nội`). `isProvince` tells a province's name.
 */
export function isDistrictBody(name: string, key: string, isProvince: (name: string) => boolean): boolean {
  if (!DISTRICT_KINDS.test(key)) return false;
  const nfc = name.normalize('NFC');
  if (DISTRICT_LEVEL.test(nfc.toLocaleLowerCase('vi'))) return true;
  // A city named after `thành phố` (`… thành phố và các đoàn thể` names none: the province's own city, as likely).
  const city = CITY.exec(nfc);
  if (!city) return false;
  // `thành phố Cần Thơ Thực hiện …`: a province's name may be followed by words that are not its own.
  const words = agencyKey(city[1]).split(' ');
  return !words.some((_, n) => isProvince(words.slice(0, words.length - n).join(' ')));
}

/** `thành phố` and the capitalised words of a city's name after it. */
const CITY = /(?:thành phố|Thành phố|THÀNH PHỐ)\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)/u;
