import type { CitationType } from '../model';
import { fold } from '../syntax/inline';
import { agencyKey } from './agency-names';
import { splitNumber, type AgencyStatus, type DocumentStatus, type Registry } from './registry';
import type { RegistryAgency, RegistryDocument } from './types';

/** A document the registry knows, with what it is on the date asked about. */
export interface FoundDocument {
  kind: 'document';
  document: RegistryDocument;
  status: DocumentStatus;
}

/** An agency the registry knows, with what it is on the date asked about. */
export interface FoundAgency {
  kind: 'agency';
  agency: RegistryAgency;
  status: AgencyStatus;
}

const TYPE_WORD = /^(?:hiến pháp|bộ luật|luật|pháp lệnh|nghị quyết|nghị định|quyết định|chỉ thị|thông tư liên tịch|thông tư|kết luận|quy định|hướng dẫn|kế hoạch|chương trình)\s+(?:số\s+)?/iu;

/**
 * The registry's documents of a number as a citation writes it (`21-CT/TW`,
 * `Nghị định số 30/2020/NĐ-CP`, `21/CT-TW`): every document with its serial
 * and symbol, of the year when the number has one.
 */
export function documentsNumbered(registry: Registry, text: string, on: string): FoundDocument[] {
  const parts = splitNumber(text.trim().replace(TYPE_WORD, ''));
  if (!parts) return [];
  const found = registry.documentsNumbered(parts.serial, parts.symbol).filter((d) => parts.year === undefined || splitNumber(d.number)?.year === parts.year);
  return found.map((document) => ({ kind: 'document', document, status: registry.documentStatus(document, on) }));
}

/**
 * Documents and agencies matching a text: a number finds its documents;
 * otherwise every word of the text (without regard to case, diacritics and
 * abbreviations) in a document's type, number, issuer and title, or in an
 * agency's name or aliases. Agencies first, then documents, the latest first.
 */
export function searchRegistry(registry: Registry, text: string, on: string): (FoundDocument | FoundAgency)[] {
  const numbered = documentsNumbered(registry, text, on);
  if (numbered.length) return numbered;
  const words = agencyKey(text).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  // Whole words: `thư` is no part of `thức`.
  const has = (haystack: string) => words.every((w) => ` ${haystack} `.includes(` ${w} `));
  const agencies: FoundAgency[] = registry.data.agencies
    .filter((a) => [a.name, ...a.aliases].some((n) => has(agencyKey(n))))
    .map((agency) => ({ kind: 'agency', agency, status: registry.agencyStatus(agency, on) }));
  const documents: FoundDocument[] = registry.data.documents
    .filter((d) => has(`${fold(d.type as CitationType)} ${fold(d.number)} ${agencyKey(d.issuer)} ${agencyKey(d.title)}`))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((document) => ({ kind: 'document', document, status: registry.documentStatus(document, on) }));
  return [...agencies, ...documents];
}
