import type { Registry } from '../registry/registry';
import type { RegistryAgency, RegistryDocument } from '../registry/types';

/**
 * Registry entries have no file of their own: the registry is bundled into
 * the server. Go to definition points at a read-only virtual document,
 * `kehoach-registry:/document/<number>.json` or `…/agency/<id>.json`, whose
 * text the client asks for with the `kehoach/registryEntry` request: the
 * entry as the registry holds it, sources and confidence included.
 */
export const REGISTRY_SCHEME = 'kehoach-registry';

export function registryEntryUri(entry: { kind: 'document'; document: RegistryDocument } | { kind: 'agency'; agency: RegistryAgency }): string {
  const key = entry.kind === 'document' ? entry.document.number : entry.agency.id;
  return `${REGISTRY_SCHEME}:/${entry.kind}/${encodeURIComponent(key)}.json`;
}

/** The text of a registry entry's virtual document; undefined when the URI names no entry. */
export function registryEntryText(uri: string, registry: Registry): string | undefined {
  const m = new RegExp(`^${REGISTRY_SCHEME}:/(document|agency)/(.+)\\.json$`).exec(uri);
  if (!m) return undefined;
  const key = decodeURIComponent(m[2]);
  const entry = m[1] === 'document' ? registry.documentByNumber(key) : registry.agency(key);
  return entry ? `${JSON.stringify(entry, null, 2)}\n` : undefined;
}
