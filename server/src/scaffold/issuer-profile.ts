import { issuerKind, systemOfIssuer, type IssuerKind } from '../domain/issuers';
import type { PlanSystem } from '../model';
import type { Registry } from '../registry/registry';
import { placeOf, runningName } from '../syntax/body-names';
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
