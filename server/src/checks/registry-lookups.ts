/**
 * The registry's answers about the names a plan mentions, kept per registry's
 * names (`Registry.names`): a plan names the same bodies hundreds of times, the
 * editor checks it again on every keystroke, and the CLI checks every plan of a
 * workspace against registries that differ in their documents only.
 */
import type { Registry } from '../registry/registry';
import type { RegistryAgency, RegistryProvince } from '../registry/types';

interface Answers {
  agencies: Map<string, RegistryAgency | undefined>;
  provinces: Map<string, { province: RegistryProvince; from: number } | undefined>;
}

const answers = new WeakMap<object, Answers>();
/** Names kept per registry before the lists start again: memory stays bounded whatever is typed. */
const MAX_NAMES = 20_000;

function answersOf(registry: Registry): Answers {
  let found = answers.get(registry.names);
  if (!found) answers.set(registry.names, (found = { agencies: new Map(), provinces: new Map() }));
  return found;
}

function remembered<T>(map: Map<string, T>, name: string, find: () => T): T {
  if (map.has(name)) return map.get(name) as T;
  const value = find();
  if (map.size >= MAX_NAMES) map.clear();
  map.set(name, value);
  return value;
}

/** `registry.findAgency(name)`, once per name and registry. */
export function agencyNamed(registry: Registry, name: string): RegistryAgency | undefined {
  return remembered(answersOf(registry).agencies, name, () => registry.findAgency(name));
}

/** `registry.provinceIn(name)`, once per name and registry. */
export function provinceNamedIn(registry: Registry, name: string): { province: RegistryProvince; from: number } | undefined {
  return remembered(answersOf(registry).provinces, name, () => registry.provinceIn(name));
}
