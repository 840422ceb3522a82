import type { Citation } from '../model';
import { fold } from '../syntax/inline';
import { agencyKey, DISTRICT_LEVEL, isDistrictBody } from './agency-names';
import type { RegistryAgency, RegistryDocument, RegistryProvince } from './types';

export interface RegistryData {
  documents: RegistryDocument[];
  agencies: RegistryAgency[];
  provinces: RegistryProvince[];
}

/**
 * Folded key of a document number: `21-CT/TW`, `21 - CT/TW` and `21/CT-TW` give `21|ct/tw`; the
 * year is kept apart. No two documents differ by their separators alone: a number written with
 * them swapped still finds its document (citation-number-form reports the form).
 */
export function numberKey(serial: string, symbol: string): string {
  return `${Number(serial)}|${fold(symbol.replace(/\s+/g, '')).replace(/-/g, '/')}`;
}

/** The look-up key of a registry number (`numberKey` of its serial and symbol); the number itself when it has neither. */
export function keyOf(number: string): string {
  const parts = splitNumber(number);
  return parts ? numberKey(parts.serial, parts.symbol) : number;
}

/** Splits a registry number (`74/2014/QH13`, `21-CT/TW`) into serial, year and symbol. */
export function splitNumber(number: string): { serial: string; year?: number; symbol: string } | undefined {
  const m = /^(\d+)(?:\/(\d{4}))?[/-](.+)$/u.exec(number.replace(/\s+/g, ''));
  return m ? { serial: m[1], year: m[2] ? Number(m[2]) : undefined, symbol: m[3] } : undefined;
}

/** Documents looked up by number only (server/src/registry/central.ts). */
export interface DocumentCatalogue {
  /** The documents whose number has this key (`numberKey`). */
  find(key: string): RegistryDocument[];
  byNumber(number: string): RegistryDocument | undefined;
  all(): RegistryDocument[];
}

/** What a look-up needs of a citation: its number and, when it gives one, its date. */
export type DocumentReference = Pick<Citation, 'serial' | 'year' | 'symbol'> & { date?: { iso: string } };

/** Types whose number always carries the year (`15/2019/NĐ-CP`): a citation without it still means the one document. */
const ALWAYS_WITH_YEAR = new Set(['Luật', 'Bộ luật', 'Pháp lệnh', 'Nghị định', 'Thông tư', 'Thông tư liên tịch']);

/**
 * Whether a citation's year and a registry number's agree: the same, or the
 * citation lacks the year of a type that always has one (`Nghị định số
 * 140/NĐ-CP`), or it adds the year of issue to a number that has none
 * (`2239/2021/QĐ-TTg` for 2239/QĐ-TTg of 30/12/2021). A decision or resolution
 * numbered with a year and one without are two documents.
 */
function yearsAgree(citation: DocumentReference, doc: RegistryDocument): boolean {
  const year = readNumber(doc).parts?.year;
  if (citation.year === year) return true;
  if (citation.year === undefined) return ALWAYS_WITH_YEAR.has(doc.type);
  return year === undefined && Number(doc.date.slice(0, 4)) === citation.year;
}

/**
 * Whether a document numbered without a year can be the one cited on `cited`
 * (ISO): the Government's numbers start again each year, so the same year; the
 * party's (`21-CT/TW`) each five-year term, so within two years (a slip of the
 * year is still the same document).
 */
function sameIssue(doc: RegistryDocument, cited: string): boolean {
  const years = Math.abs(Number(doc.date.slice(0, 4)) - Number(cited.slice(0, 4)));
  return doc.system === 'party' ? years <= 2 : years === 0;
}

export type DocumentStatus =
  | { state: 'in-force' }
  /** Issued and in force once, but whether it was replaced or repealed since, no source says. */
  | { state: 'unknown' }
  | { state: 'not-yet-issued' }
  | { state: 'not-yet-in-force'; from: string }
  | { state: 'replaced'; on: string; by?: RegistryDocument; byNumber: string }
  | { state: 'expired'; on: string };

export type AgencyStatus = { state: 'exists' } | { state: 'not-yet'; from: string } | { state: 'gone'; on: string; successors: { agency?: RegistryAgency; id: string; function?: string }[] };

/** The last word, folded, of a level of government (`tỉnh`, `huyện`, `thị xã`, `thành phố`, `thị trấn`…). */
const LEVEL_WORDS = new Set(['tinh', 'huyen', 'quan', 'xa', 'phuong', 'pho', 'tran']);

/** The id of the generic body of a district (server/data/agencies.json): what a district's body not listed by name is. */
export const DISTRICT_BODY = 'co-quan-cap-huyen';

/** How many words the level word ending at `words[n - 1]` has: two for `thành phố`, `thị xã`, `thị trấn`. */
const levelWordCount = (words: string[], n: number) => ((words[n - 2] === 'thanh' && words[n - 1] === 'pho') || (words[n - 2] === 'thi' && (words[n - 1] === 'xa' || words[n - 1] === 'tran')) ? 2 : 1);

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}]*$/u;
const LEVEL_AT_END = /(?<!\s)(?:\s+các)?\s+(?:tỉnh|thành phố|huyện|thị xã|xã|phường)$/u;

/**
 * An agency's name without the place or level after its kind (`Sở Tài chính tỉnh Lai Châu` → `Sở Tài
 * chính`): the capitalised words that end it, and the level word before them. The same cut as
 * `/\s+(?:(?:các\s+)?(?:tỉnh|…|phường)(?:\s+\p{Lu}[\p{L}\p{M}]*)*|\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)$/u`
 * made, with the words counted from the end once instead of again from every space.
 */
function withoutTrailingPlace(name: string): string {
  // Words and the spaces between them: `['Sở', ' ', 'Tài', …]`, a word (maybe empty) at each end.
  const parts = name.split(/(\s+)/);
  let placeStart = name.length;
  for (let k = parts.length - 1; k >= 2 && CAPITALISED.test(parts[k]); k -= 2) placeStart -= parts[k].length + parts[k - 1].length;
  const head = name.slice(0, placeStart);
  const level = LEVEL_AT_END.exec(head);
  return level ? head.slice(0, level.index) : head;
}

/** Each document's number read once (its parts and look-up key), however many registries index it. */
const numbers = new WeakMap<RegistryDocument, { parts: ReturnType<typeof splitNumber>; key?: string }>();

function readNumber(doc: RegistryDocument): { parts: ReturnType<typeof splitNumber>; key?: string } {
  let read = numbers.get(doc);
  if (!read) {
    const parts = splitNumber(doc.number);
    read = { parts, key: parts && numberKey(parts.serial, parts.symbol) };
    numbers.set(doc, read);
  }
  return read;
}

/** The look-ups of one batch of data: what a registry adds to the one it extends. */
class Layer {
  readonly byNumber = new Map<string, RegistryDocument[]>();
  readonly byNumberText = new Map<string, RegistryDocument[]>();
  readonly agenciesByName = new Map<string, RegistryAgency[]>();
  /** Words in the longest agency name or alias of the layer. */
  longestAgencyWords = 0;
  readonly agencyById = new Map<string, RegistryAgency>();
  readonly provinceByName = new Map<string, RegistryProvince>();

  constructor(readonly data: RegistryData) {
    for (const doc of data.documents) {
      const key = readNumber(doc).key;
      if (key === undefined) continue;
      push(this.byNumber, key, doc);
      push(this.byNumberText, doc.number, doc);
    }
    for (const agency of data.agencies) {
      this.agencyById.set(agency.id, agency);
      for (const name of [agency.name, ...agency.aliases]) {
        const key = agencyKey(name);
        this.longestAgencyWords = Math.max(this.longestAgencyWords, key.split(/\s+/).length);
        push(this.agenciesByName, key, agency);
      }
    }
    for (const p of data.provinces) this.provinceByName.set(fold(p.name), p);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NO_DOCUMENTS: readonly RegistryDocument[] = [];
/** Answers a registry keeps before it starts again: memory stays bounded whatever is typed. */
const MAX_ANSWERS = 10_000;

/**
 * The catalogue of cited documents and named agencies, with their validity
 * over time. Pure data plus look-ups; loading files is the caller's business.
 *
 * A registry extended `with` more data keeps the one it extends and indexes
 * only what is added (the CLI and the editor extend one for every plan they
 * check); `without` leaves out documents it added without indexing again.
 * Either answers as a registry built from all its data at once would.
 */
export class Registry {
  private readonly base?: Registry;
  private readonly layer: Layer;
  /** Documents of this registry's own layer that it does not have (`without`). */
  private readonly hidden?: ReadonlySet<RegistryDocument>;
  private readonly longestAgencyWords: number;
  /** Documents looked up by number only, which a document of the same number in `data` overrides (the generated central documents). */
  private readonly catalogue?: DocumentCatalogue;
  private all?: RegistryData;
  /** `findDocument`'s answers by question. */
  private readonly answers = new Map<string, RegistryDocument | undefined>();

  /**
   * A registry of `data`; `over` (for `with` and `without`) is the registry it extends, and the index of
   * `data` when there is one already; `catalogue` more documents, found by number only.
   */
  constructor(data: RegistryData, over?: { base?: Registry; layer?: Layer; hidden?: ReadonlySet<RegistryDocument>; catalogue?: DocumentCatalogue }) {
    this.base = over?.base;
    this.layer = over?.layer ?? new Layer(data);
    this.hidden = over?.hidden;
    this.catalogue = over?.catalogue;
    this.longestAgencyWords = Math.max(this.base?.longestAgencyWords ?? 0, this.layer.longestAgencyWords);
  }

  /** All the documents, agencies and provinces, in the order they were given, then the catalogue's (listed only when asked for). */
  get data(): RegistryData {
    if (!this.all) {
      const own = this.layer.data;
      const hidden = this.hidden;
      const given = hidden ? own.documents.filter((d) => !hidden.has(d)) : own.documents;
      const documents = this.catalogue ? [...given, ...this.catalogue.all().filter((d) => !this.layer.byNumberText.has(d.number))] : given;
      const below = this.base?.data;
      this.all = below ? { documents: [...below.documents, ...documents], agencies: [...below.agencies, ...own.agencies], provinces: [...below.provinces, ...own.provinces] } : { ...own, documents };
    }
    return this.all;
  }

  /**
   * What this registry's answers about names (`findAgency`, `findProvince`, `provinceIn`, `agency`) depend on: the
   * layer that last added agencies or provinces. A registry extended by documents only, or with documents left out,
   * answers about names as the one it extends does, so that callers keeping answers per registry (`checks/registry-lookups.ts`)
   * share them (the CLI checks each plan against the workspace's registry less the plan's own documents).
   */
  get names(): object {
    const own = this.layer.data;
    return own.agencies.length > 0 || own.provinces.length > 0 || !this.base ? this.layer : this.base.names;
  }

  /** Extends this registry with more data (a workspace's own documents and agencies win). */
  with(extra: Partial<RegistryData>): Registry {
    return new Registry({ documents: extra.documents ?? [], agencies: extra.agencies ?? [], provinces: extra.provinces ?? [] }, { base: this });
  }

  /** This registry without some of the documents that it added over the one it extends (the CLI: every plan but the one checked). */
  without(documents: ReadonlySet<RegistryDocument>): Registry {
    const hidden = this.hidden ? new Set([...this.hidden, ...documents]) : documents;
    return new Registry(this.layer.data, { base: this.base, layer: this.layer, hidden, catalogue: this.catalogue });
  }

  /** The documents with this number key, in the order they were given, then the catalogue's. */
  private documentsByKey(key: string): readonly RegistryDocument[] {
    const below = this.base?.documentsByKey(key) ?? NO_DOCUMENTS;
    const own = this.layer.byNumber.get(key);
    const listed = this.catalogue?.find(key).filter((d) => !this.layer.byNumberText.has(d.number)) ?? NO_DOCUMENTS;
    if (!own && listed.length === 0) return below;
    const visible = own ? (this.hidden ? own.filter((d) => !this.hidden!.has(d)) : own) : NO_DOCUMENTS;
    return [...below, ...visible, ...listed];
  }

  /** Every document with this serial and symbol (without regard to case, diacritics and separators), whatever its year. */
  documentsNumbered(serial: string, symbol: string): readonly RegistryDocument[] {
    return this.documentsByKey(numberKey(serial, symbol));
  }

  /**
   * The documents that are plans of the workspace (with their model): the data without the catalogue. A plan's
   * model is not read here: the CLI reads the model of a plan it let go again only when a rule asks for it.
   */
  plans(): RegistryDocument[] {
    const own = this.layer.data.documents.filter((d) => 'plan' in d && !this.hidden?.has(d));
    return this.base ? [...this.base.plans(), ...own] : own;
  }

  /** The agency a folded name names: of those named so, the last that is not generic, else the first. */
  private agencyByName(key: string): RegistryAgency | undefined {
    let found = this.base?.agencyByName(key);
    for (const agency of this.layer.agenciesByName.get(key) ?? []) {
      // A named body wins over a generic one of the same name only when it is more specific.
      if (!found || !agency.generic) found = agency;
    }
    return found;
  }

  /**
   * The registry entry a citation refers to: same serial and symbol (without
   * regard to case or diacritics), and a year that agrees (`yearsAgree`).
   * A number without a year is reused (each year for the Government's, each
   * term for the party's), so among several the citation's date chooses, and
   * without a date the latest issued by `on` (the plan's date) does; one dated
   * far from the citation's date, or issued after `on`, is another document.
   */
  findDocument(citation: DocumentReference, on?: string): RegistryDocument | undefined {
    // Several rules look up each citation of a plan: the answer is kept (a registry never changes), for a bounded number of questions.
    const question = `${citation.serial}\n${citation.year ?? ''}\n${citation.symbol}\n${citation.date?.iso ?? ''}\n${on ?? ''}`;
    if (this.answers.has(question)) return this.answers.get(question);
    const found = this.lookUpDocument(citation, on);
    if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
    this.answers.set(question, found);
    return found;
  }

  private lookUpDocument(citation: DocumentReference, on?: string): RegistryDocument | undefined {
    const candidates = this.documentsByKey(numberKey(citation.serial, citation.symbol)).filter((d) => yearsAgree(citation, d));
    const withYear = candidates.find((d) => readNumber(d).parts?.year !== undefined);
    if (withYear || candidates.length === 0) return withYear;
    const cited = citation.date?.iso;
    if (cited) return candidates.find((d) => d.date === cited) ?? candidates.find((d) => sameIssue(d, cited));
    if (!on) return candidates[0];
    const issued = candidates.filter((d) => d.date <= on).sort((a, b) => (a.date < b.date ? 1 : -1));
    return issued[0] ?? candidates.find((d) => sameIssue(d, on));
  }

  /** The document given last with exactly this number. */
  documentByNumber(number: string): RegistryDocument | undefined {
    const own = this.layer.byNumberText.get(number);
    for (let i = (own?.length ?? 0) - 1; i >= 0; i--) if (!this.hidden?.has(own![i])) return own![i];
    return this.catalogue?.byNumber(number) ?? this.base?.documentByNumber(number);
  }

  /** What a document is on a date (ISO): not yet issued, in force, replaced or expired. */
  documentStatus(doc: RegistryDocument, date: string): DocumentStatus {
    if (date < doc.date) return { state: 'not-yet-issued' };
    if (doc.replacedOn && date >= doc.replacedOn) {
      return { state: 'replaced', on: doc.replacedOn, by: doc.replacedBy ? this.documentByNumber(doc.replacedBy) : undefined, byNumber: doc.replacedBy ?? '' };
    }
    if (doc.expiredOn && date >= doc.expiredOn) return { state: 'expired', on: doc.expiredOn };
    if (doc.inForceFrom && date < doc.inForceFrom) return { state: 'not-yet-in-force', from: doc.inForceFrom };
    return doc.statusUnknown ? { state: 'unknown' } : { state: 'in-force' };
  }

  agency(id: string): RegistryAgency | undefined {
    return this.layer.agencyById.get(id) ?? this.base?.agency(id);
  }

  /**
   * The agency a name refers to: its official name or an alias, without regard
   * to case, diacritics and abbreviations (`UBND`, `Sở GD&ĐT`); a trailing place
   * (`tỉnh Lai Châu`) is tried off. A body of a district not listed by name
   * (`Trung tâm Y tế huyện Tam Đường`, `Phòng Nội vụ thành phố Lai Châu`) is
   * the generic district body (`DISTRICT_BODY`), when the registry has it.
   */
  findAgency(name: string): RegistryAgency | undefined {
    const clean = name.replace(/^(?:các|Các)\s+/u, '').trim();
    const key = agencyKey(clean);
    const direct = this.agencyByName(key);
    if (direct) return direct;
    // "Ủy ban nhân dân huyện Tam Đường", "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG": the kind with its level names
    // the body (a district one, gone from 01/7/2025), so only the place's own name comes off first.
    const words = key.split(' ');
    // In capitals (`SỞ NỘI VỤ TỈNH BẮC GIANG`, a header's issuer) no capital tells the place from the name:
    // the body is then the longest listed name before a level word.
    const capitals = clean === clean.toLocaleUpperCase('vi');
    let byName: RegistryAgency | undefined;
    for (let n = Math.min(words.length - 1, this.longestAgencyWords); n >= 2 && !byName; n--) {
      if (!LEVEL_WORDS.has(words[n - 1])) continue;
      byName = this.agencyByName(words.slice(0, n).join(' '));
      if (!byName && capitals) byName = this.agencyByName(words.slice(0, n - levelWordCount(words, n)).join(' '));
    }
    const withoutPlace = withoutTrailingPlace(clean);
    if (!byName && withoutPlace !== clean) byName = this.agencyByName(agencyKey(withoutPlace));
    // A district's body is one even when a body of another level has its name (`Phòng Kinh tế huyện …`).
    if (byName?.level !== 'district' && isDistrictBody(clean, key, (city) => this.findProvince(city)?.kind === 'thành phố')) {
      // The district's own People's Committee or Council when listed (`Ủy ban nhân dân thành phố Lai Châu`), else the generic body.
      const lower = clean.normalize('NFC').toLocaleLowerCase('vi');
      const level = DISTRICT_LEVEL.exec(lower) ?? /(?:^|\s)thành phố(?=\s|$)/u.exec(lower);
      const own = level && this.agencyByName(`${agencyKey(clean.normalize('NFC').slice(0, level.index))} huyen`);
      return own ?? this.agency(DISTRICT_BODY);
    }
    if (byName || withoutPlace === clean) return byName;
    return this.agencyByName(agencyKey(`${withoutPlace} tỉnh`));
  }

  /**
   * The province an agency's name ends with (`Sở Nội vụ tỉnh Bắc Giang`, `ỦY BAN NHÂN DÂN TỈNH HÀ GIANG`,
   * `UBND thành phố Hải Phòng`), and where in the name its level word (`tỉnh`, `thành phố`) starts.
   */
  provinceIn(name: string): { province: RegistryProvince; from: number } | undefined {
    const lower = name.toLocaleLowerCase('vi');
    const level = [' tỉnh ', ' thành phố '].map((word) => ({ word, at: lower.lastIndexOf(word) })).sort((a, b) => b.at - a.at)[0];
    if (level.at < 0) return undefined;
    const place = name.slice(level.at + level.word.length).trim();
    const province = /^\p{Lu}/u.test(place) ? this.findProvince(place) : undefined;
    return province && { province, from: level.at + 1 };
  }

  agencyStatus(agency: RegistryAgency, date: string): AgencyStatus {
    if (agency.validTo && date >= agency.validTo) {
      return { state: 'gone', on: agency.validTo, successors: (agency.successors ?? []).map((s) => ({ ...s, agency: this.agency(s.id) })) };
    }
    if (agency.validFrom && date < agency.validFrom) return { state: 'not-yet', from: agency.validFrom };
    return { state: 'exists' };
  }

  findProvince(name: string): RegistryProvince | undefined {
    const key = fold(name.replace(/^(?:tỉnh|thành phố)\s+/iu, ''));
    return this.provinceAt(key);
  }

  private provinceAt(key: string): RegistryProvince | undefined {
    return this.layer.provinceByName.get(key) ?? this.base?.provinceAt(key);
  }
}
