import { issuerKind, systemOfIssuer, type IssuerKind } from '../checks/structure-text';
import type { PlanSystem } from '../model';
import type { Registry } from '../registry/registry';
import { fold } from '../syntax/inline';

/** What a new plan needs to know of its issuer: its name in the header, symbol, system, level and place. */
export interface IssuerProfile {
  /** The name as the body writes it in running text: `Ủy ban nhân dân tỉnh Lai Châu`. */
  name: string;
  /** The name in the header, in capitals: `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU`. */
  headerName: string;
  /** The issuer's symbol in the number: `UBND`, `TU`, `LĐLĐ`, `SGDĐT`. */
  symbol: string;
  system: PlanSystem;
  kind?: IssuerKind;
  level: 'central' | 'province' | 'district' | 'commune' | 'unit';
  /** The place of the place-and-date line: `Lai Châu`. */
  place: string;
}

/** Symbols of the bodies whose symbol is not their initials (folded name prefix → symbol). */
const SYMBOLS: [RegExp, string][] = [
  [/^(?:uy ban nhan dan|ubnd)\b/, 'UBND'],
  [/^(?:thuong truc )?(?:hoi dong nhan dan|hdnd)\b/, 'HĐND'],
  [/^(?:tinh|thanh) uy\b/, 'TU'],
  [/^huyen uy\b/, 'HU'],
  [/^quan uy\b/, 'QU'],
  [/^dang uy\b/, 'ĐU'],
  [/^chi bo\b/, 'CB'],
  [/^tong lien doan lao dong\b/, 'TLĐ'],
  [/^(?:lien doan lao dong|ldld)\b/, 'LĐLĐ'],
  [/^(?:tinh|thanh|huyen) doan\b/, 'TĐTN'],
  [/^(?:uy ban )?mat tran to quoc\b/, 'MTTQ'],
  [/^hoi lien hiep phu nu\b/, 'HLHPN'],
  [/^hoi nong dan\b/, 'HND'],
  [/^hoi cuu chien binh\b/, 'HCCB'],
];

const LEVEL_OF: Record<string, IssuerProfile['level']> = { 'tỉnh': 'province', 'thành phố': 'province', 'huyện': 'district', 'quận': 'district', 'thị xã': 'district', 'xã': 'commune', 'phường': 'commune', 'thị trấn': 'commune' };
/** Where the last line break of a text is (-1 when none): a `.*$` cannot run over it. */
export const lastLineBreak = (text: string) => Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => text.lastIndexOf(c)));

/** A level word followed by spaces (`tỉnh Lai Châu`), matched on the lower-case name; not the `tỉnh` of `Tỉnh ủy`. */
const LEVEL_WORD = /(?:^|\s)(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?!\s+ủy)(?=\s)/gu;
/** A party committee names its place right after itself: `Tỉnh ủy Lai Châu`. */
const COMMITTEE_PLACE = /^(tỉnh|thành|huyện|quận) ủy\s+(\S.*)$/u;

const titleCase = (text: string) => text.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'));

/** Where a name's place starts, its level and the place (`Ủy ban nhân dân tỉnh Lai Châu` → 21, province, `Lai Châu`). */
function placeOf(name: string): { at: number; level: IssuerProfile['level']; place: string } | undefined {
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

/** `Ủy ban nhân dân tỉnh Lai Châu` from `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU`: sentence case, the place capitalised; a name in mixed case stays. */
export function runningName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  const lower = name.toLocaleLowerCase('vi');
  const sentence = lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
  const place = placeOf(name);
  return place ? `${sentence.slice(0, sentence.length - place.place.length)}${place.place}` : sentence;
}

/** Initials of a name's words (`Giáo dục và Đào tạo` → `GDĐT`), the conjunction left out. */
function initials(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter((w) => w && fold(w) !== 'va' && /\p{L}/u.test(w))
    .map((w) => w.charAt(0).toLocaleUpperCase('vi'))
    .join('');
}

/**
 * Reads an issuer's profile from its name (`--issuer`), with the registry's
 * facts when it knows the body. `system` overrides what the name says.
 */
export function issuerProfile(given: string, registry: Registry, system?: PlanSystem): IssuerProfile {
  const agency = registry.findAgency(given);
  const name = runningName(given.trim() || agency?.name || '');
  const folded = fold(name);
  const place = placeOf(name);
  const kind = issuerKind(name);
  // The symbol is made of the body's own name, without `tỉnh Lai Châu`. A match never starts after a space
  // (it would have started one earlier): `(?<!\s)` skips those starts, which made it quadratic.
  const core = place ? name.slice(0, place.at).replace(/(?<!\s)\s*(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s*$/iu, '') : name;
  const symbol = SYMBOLS.find(([pattern]) => pattern.test(folded))?.[1] ?? initials(core);
  const level = place?.level ?? agency?.level ?? (/^(?:so|ban)\b/.test(folded) ? 'province' : 'unit');
  return {
    name,
    headerName: name.toLocaleUpperCase('vi'),
    symbol,
    system: system ?? (kind ? systemOfIssuer(kind) : 'state'),
    kind,
    level,
    place: place?.place ?? agency?.province ?? '',
  };
}
