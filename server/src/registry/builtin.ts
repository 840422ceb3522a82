import agencies from '../../data/agencies.json';
import documents from '../../data/documents.json';
import provinces from '../../data/provinces.json';
import { centralTable } from './central';
import { Registry } from './registry';
import type { RegistryAgency, RegistryDocument, RegistryProvince } from './types';

let builtin: Registry | undefined;

/**
 * The registry shipped with kehoach (server/data/), built once: the documents
 * entered by hand (documents.json, each with its sources), agencies and
 * provinces, and the central documents generated from the Bộ pháp điển
 * (central-documents.json), which an entry by hand of the same number overrides.
 */
export function builtinRegistry(): Registry {
  builtin ??= new Registry({ documents: documents as RegistryDocument[], agencies: agencies as RegistryAgency[], provinces: provinces as RegistryProvince[] }, { catalogue: centralTable() });
  return builtin;
}
