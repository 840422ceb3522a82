import type { Citation } from '../model';
import { fold } from '../syntax/inline';
import type { RegistryAgency, RegistryDocument, RegistryProvince } from './types';

export interface RegistryData {
  documents: RegistryDocument[];
  agencies: RegistryAgency[];
  provinces: RegistryProvince[];
}

/** Folded key of a document number: `21-CT/TW` and `21 - CT/TW` give `21|ct/tw`; the year is kept apart. */
export function numberKey(serial: string, symbol: string): string {
  return `${Number(serial)}|${fold(symbol.replace(/\s+/g, ''))}`;
}

/** Splits a registry number (`74/2014/QH13`, `21-CT/TW`) into serial, year and symbol. */
export function splitNumber(number: string): { serial: string; year?: number; symbol: string } | undefined {
  const m = /^(\d+)(?:\/(\d{4}))?[/-](.+)$/u.exec(number.replace(/\s+/g, ''));
  return m ? { serial: m[1], year: m[2] ? Number(m[2]) : undefined, symbol: m[3] } : undefined;
}

export type DocumentStatus =
  | { state: 'in-force' }
  | { state: 'not-yet-issued' }
  | { state: 'not-yet-in-force'; from: string }
  | { state: 'replaced'; on: string; by?: RegistryDocument; byNumber: string }
  | { state: 'expired'; on: string };

export type AgencyStatus =
  | { state: 'exists' }
  | { state: 'not-yet'; from: string }
  | { state: 'gone'; on: string; successors: { agency?: RegistryAgency; id: string; function?: string }[] };

/** The last word, folded, of a level of government (`tỉnh`, `huyện`, `thị xã`, `thành phố`, `thị trấn`…). */
const LEVEL_WORDS = new Set(['tinh', 'huyen', 'quan', 'xa', 'phuong', 'pho', 'tran']);

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

/**
 * The catalogue of cited documents and named agencies, with their validity
 * over time. Pure data plus look-ups; loading files is the caller's business.
 */
export class Registry {
  private readonly byNumber = new Map<string, RegistryDocument[]>();
  private readonly byNumberText = new Map<string, RegistryDocument>();
  private readonly agencyByName = new Map<string, RegistryAgency>();
  /** Words in the longest agency name or alias: no cut of a longer name can be one. */
  private longestAgencyWords = 0;
  private readonly agencyById = new Map<string, RegistryAgency>();
  private readonly provinceByName = new Map<string, RegistryProvince>();

  constructor(readonly data: RegistryData) {
    for (const doc of data.documents) {
      const parts = splitNumber(doc.number);
      if (!parts) continue;
      const key = numberKey(parts.serial, parts.symbol);
      this.byNumber.set(key, [...(this.byNumber.get(key) ?? []), doc]);
      this.byNumberText.set(doc.number, doc);
    }
    for (const agency of data.agencies) {
      this.agencyById.set(agency.id, agency);
      for (const name of [agency.name, ...agency.aliases]) {
        const key = fold(name);
        this.longestAgencyWords = Math.max(this.longestAgencyWords, key.split(/\s+/).length);
        // A named body wins over a generic one of the same name only when it is more specific.
        if (!this.agencyByName.has(key) || !agency.generic) this.agencyByName.set(key, agency);
      }
    }
    for (const p of data.provinces) this.provinceByName.set(fold(p.name), p);
  }

  /** Extends this registry with more data (a workspace's own documents and agencies win). */
  with(extra: Partial<RegistryData>): Registry {
    return new Registry({
      documents: [...this.data.documents, ...(extra.documents ?? [])],
      agencies: [...this.data.agencies, ...(extra.agencies ?? [])],
      provinces: [...this.data.provinces, ...(extra.provinces ?? [])],
    });
  }

  /**
   * The registry entry a citation refers to: same serial and symbol (without
   * regard to case or diacritics), and the same year when both give one.
   */
  findDocument(citation: Pick<Citation, 'serial' | 'year' | 'symbol'>): RegistryDocument | undefined {
    const candidates = this.byNumber.get(numberKey(citation.serial, citation.symbol)) ?? [];
    return candidates.find((d) => citation.year === undefined || splitNumber(d.number)?.year === undefined || splitNumber(d.number)?.year === citation.year);
  }

  documentByNumber(number: string): RegistryDocument | undefined {
    return this.byNumberText.get(number);
  }

  /** What a document is on a date (ISO): not yet issued, in force, replaced or expired. */
  documentStatus(doc: RegistryDocument, date: string): DocumentStatus {
    if (date < doc.date) return { state: 'not-yet-issued' };
    if (doc.replacedOn && date >= doc.replacedOn) {
      return { state: 'replaced', on: doc.replacedOn, by: doc.replacedBy ? this.byNumberText.get(doc.replacedBy) : undefined, byNumber: doc.replacedBy ?? '' };
    }
    if (doc.expiredOn && date >= doc.expiredOn) return { state: 'expired', on: doc.expiredOn };
    if (doc.inForceFrom && date < doc.inForceFrom) return { state: 'not-yet-in-force', from: doc.inForceFrom };
    return { state: 'in-force' };
  }

  agency(id: string): RegistryAgency | undefined {
    return this.agencyById.get(id);
  }

  /**
   * The agency a name refers to: its official name or an alias, without regard
   * to case or diacritics; a trailing place (`tỉnh Lai Châu`) is tried off.
   */
  findAgency(name: string): RegistryAgency | undefined {
    const clean = name.replace(/^(?:các|Các)\s+/u, '').trim();
    const direct = this.agencyByName.get(fold(clean));
    if (direct) return direct;
    // "Ủy ban nhân dân huyện Tam Đường", "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG": the kind with its level names
    // the body (a district one, gone from 01/7/2025), so only the place's own name comes off first.
    const words = fold(clean).split(/\s+/);
    for (let n = Math.min(words.length - 1, this.longestAgencyWords); n >= 2; n--) {
      if (!LEVEL_WORDS.has(words[n - 1])) continue;
      const withLevel = this.agencyByName.get(words.slice(0, n).join(' '));
      if (withLevel) return withLevel;
    }
    const withoutPlace = withoutTrailingPlace(clean);
    if (withoutPlace !== clean) {
      return this.agencyByName.get(fold(withoutPlace)) ?? this.agencyByName.get(fold(`${withoutPlace} tỉnh`));
    }
    return undefined;
  }

  agencyStatus(agency: RegistryAgency, date: string): AgencyStatus {
    if (agency.validTo && date >= agency.validTo) {
      return { state: 'gone', on: agency.validTo, successors: (agency.successors ?? []).map((s) => ({ ...s, agency: this.agencyById.get(s.id) })) };
    }
    if (agency.validFrom && date < agency.validFrom) return { state: 'not-yet', from: agency.validFrom };
    return { state: 'exists' };
  }

  findProvince(name: string): RegistryProvince | undefined {
    return this.provinceByName.get(fold(name.replace(/^(?:tỉnh|thành phố)\s+/iu, '')));
  }
}
