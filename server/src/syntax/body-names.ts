import type { NameLines } from '../model';

/**
 * Names of bodies (`ỦY BAN NHÂN DÂN XÃ BÌNH LƯ`, `Sở Giáo dục và Đào tạo`):
 * where their place starts, how running text writes them, and where a
 * drafter breaks them in the header.
 */

export type BodyLevel = 'province' | 'district' | 'commune';

/** Where the last line break of a text is (-1 when none): a `.*$` cannot run over it. */
export const lastLineBreak = (text: string) => Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => text.lastIndexOf(c)));

const LEVEL_OF: Record<string, BodyLevel> = {
  tỉnh: 'province',
  'thành phố': 'province',
  'đặc khu': 'commune',
  huyện: 'district',
  quận: 'district',
  'thị xã': 'district',
  xã: 'commune',
  phường: 'commune',
  'thị trấn': 'commune',
};
/**
 * A level word followed by spaces (`tỉnh Lai Châu`), matched on the lower-case name; not the `tỉnh` of
 * `Tỉnh ủy` or `Tỉnh đoàn`, nor the `xã` of `xã hội`.
 */
const LEVEL_WORD = /(?:^|\s)(tỉnh|thành phố|đặc khu|huyện|quận|thị xã|xã|phường|thị trấn)(?!\s+(?:ủy|đoàn|hội)(?:\s|$))(?=\s)/gu;
/** A party committee names its place right after itself: `Tỉnh ủy Lai Châu`. */
const COMMITTEE_PLACE = /^(tỉnh|thành|huyện|quận) ủy\s+(\S.*)$/u;

const titleCase = (text: string) => text.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'));

/** Where a name's place starts, its level and the place (`Ủy ban nhân dân tỉnh Lai Châu` → 21, province, `Lai Châu`). */
export function placeOf(name: string): { at: number; level: BodyLevel; place: string } | undefined {
  const lower = name.toLocaleLowerCase('vi');
  const committee = COMMITTEE_PLACE.exec(lower);
  if (committee) return { at: lower.length - committee[2].length, level: committee[1] === 'tỉnh' || committee[1] === 'thành' ? 'province' : 'district', place: titleCase(committee[2]) };
  // The first level word whose place (from the first letter after the spaces) holds no line break: what
  // `/(?:^|\s)(tỉnh|…)(?!\s+ủy)\s+(\S.*)$/u` found, without reading the rest again at every level word.
  const lastBreak = lastLineBreak(lower);
  const spaces = /\s+/y;
  for (const m of lower.matchAll(LEVEL_WORD)) {
    spaces.lastIndex = m.index + m[0].length;
    spaces.exec(lower);
    if (spaces.lastIndex < lower.length && spaces.lastIndex > lastBreak) {
      return { at: m.index + (m[0].length - m[0].trimStart().length), level: LEVEL_OF[m[1]], place: titleCase(lower.slice(spaces.lastIndex)) };
    }
  }
  return undefined;
}

/**
 * Heads of names whose next word starts the body's field, capitalised in
 * running text (Nghị định 30/2020, Phụ lục II: `Sở Giáo dục và Đào tạo`,
 * `Liên đoàn Lao động tỉnh`), as are the words after `và`, a comma or a
 * spaced hyphen inside the field (`Lao động - Thương binh và Xã hội`).
 */
const FIELD_HEADS = /^(?:sở|phòng|ban|bộ|cục|chi cục|tổng cục|vụ|viện|văn phòng|trung tâm|trường|liên đoàn|tổng liên đoàn|hội)\s/u;
/** Party committees named inside a longer name (`Ban Thường vụ Tỉnh ủy`) keep their capital. */
const COMMITTEE = /(\s)(tỉnh|thành|huyện|quận|thị|đảng) (ủy)(?=\s|$)/gu;

/** `Ủy ban nhân dân tỉnh Lai Châu` from `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU`: sentence case, the field and the place capitalised; a name in mixed case stays. */
export function runningName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  const place = placeOf(name);
  const lower = name.toLocaleLowerCase('vi');
  const body = place ? lower.slice(0, place.at) : lower;
  let sentence = body.charAt(0).toLocaleUpperCase('vi') + body.slice(1);
  const head = FIELD_HEADS.exec(body);
  if (head) {
    const capital = (at: number) => (at < sentence.length ? sentence.slice(0, at) + sentence.charAt(at).toLocaleUpperCase('vi') + sentence.slice(at + 1) : sentence);
    sentence = capital(head[0].length);
    for (const m of body.matchAll(/(?:\svà\s|,\s|\s-\s)(?=\p{L})/gu)) sentence = capital(m.index + m[0].length);
  }
  sentence = sentence.replace(COMMITTEE, (_, space: string, level: string, committee: string) => `${space}${level.charAt(0).toLocaleUpperCase('vi')}${level.slice(1)} ${committee}`);
  return place ? `${sentence}${lower.slice(place.at, lower.length - place.place.length)}${place.place}` : sentence;
}

/**
 * The parts a drafter puts on separate lines when a body's name does not
 * fit its column: the body before the level word and the place
 * (`ỦY BAN NHÂN DÂN` / `XÃ BÌNH LƯ`), then, inside a part still too long,
 * before its `VÀ` (`SỞ LAO ĐỘNG - THƯƠNG BINH` / `VÀ XÃ HỘI`). A value
 * typed on several lines keeps the drafter's own lines.
 */
export function nameLines(value: string, typedLines?: string[]): NameLines {
  if (typedLines && typedLines.length > 1) return { parts: typedLines.map(upper), breaks: typedLines.slice(1).map(() => 'typed') };
  const name = upper(value);
  const parts: string[] = [];
  const breaks: NameLines['breaks'] = [];
  // A central body ends with the country, where a drafter breaks as before a place.
  const at = placeOf(name)?.at ?? (name.endsWith(` ${COUNTRY}`) ? name.length - COUNTRY.length : 0);
  const split = (text: string) => {
    const words = text.split(' ');
    words.forEach((word, i) => {
      if (i > 0 && word === 'VÀ' && parts.length && words[i + 1]) {
        breaks.push('conjunction');
        parts.push(word);
      } else if (parts.length && i > 0) parts[parts.length - 1] += ` ${word}`;
      else {
        if (parts.length) breaks.push('place');
        parts.push(word);
      }
    });
  };
  if (at > 0) {
    split(name.slice(0, at).trim());
    split(name.slice(at).trim());
  } else split(name);
  return { parts, breaks };
}

const COUNTRY = 'VIỆT NAM';
const upper = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
