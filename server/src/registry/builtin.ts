import agencies from '../../data/agencies.json';
import documents from '../../data/documents.json';
import provinces from '../../data/provinces.json';
import { Registry } from './registry';
import type { RegistryAgency, RegistryDocument, RegistryProvince } from './types';

let builtin: Registry | undefined;

/** The registry shipped with kehoach (server/data/*.json), built once. */
export function builtinRegistry(): Registry {
  builtin ??= new Registry({
    documents: documents as RegistryDocument[],
    agencies: agencies as RegistryAgency[],
    provinces: provinces as RegistryProvince[],
  });
  return builtin;
}
