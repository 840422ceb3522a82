import type { Citation, PlanDocument } from '../model';
import type { Registry } from '../registry/registry';
import type { RegistryDocument } from '../registry/types';
import { fold } from '../syntax/inline';
import { issuerProfile, type IssuerProfile } from './issuer-profile';

/** A parent plan a plan cites, with its model: a plan of the workspace (or a registry entry with its text). */
export interface CitedParent {
  /** The first citation of it in the plan. */
  citation: Citation;
  parent: RegistryDocument & { plan: PlanDocument };
}

/** Every parent plan a plan cites whose model is known, once each, the plan itself left out. */
export function citedParents(document: PlanDocument, registry: Registry): CitedParent[] {
  const out: CitedParent[] = [];
  for (const citation of document.citations) {
    const parent = registry.findDocument(citation);
    if (!parent?.plan || parent.plan === document || out.some((p) => p.parent === parent)) continue;
    if (fold(parent.number) === fold(document.header.number?.value.replace(/\s+/g, '') ?? '')) continue;
    out.push({ citation, parent: parent as CitedParent['parent'] });
  }
  return out;
}

const RANK: Record<IssuerProfile['level'], number> = { central: 0, province: 1, district: 2, commune: 3, unit: 4 };

/**
 * True when the child body covers less than the parent: a lower level (a
 * district under a province), or a sector of the same level under its
 * general authority (a Sở under the provincial People's Committee).
 */
export function smallerScope(child: IssuerProfile, parent: IssuerProfile): boolean {
  if (RANK[child.level] !== RANK[parent.level]) return RANK[child.level] > RANK[parent.level];
  const general = (p: IssuerProfile) => p.kind === 'people-committee' || p.kind === 'party-committee';
  return general(parent) && !general(child);
}

/**
 * What the cascade checks start from: the plan's issuer and the workspace
 * parents it cites. Undefined when the plan names no issuer or cites none.
 */
export function cascadeOf(document: PlanDocument, registry: Registry): { issuerName: string; issuer: IssuerProfile; parents: CitedParent[] } | undefined {
  const issuerName = document.header.issuer?.value;
  if (!issuerName) return undefined;
  const parents = citedParents(document, registry);
  if (!parents.length) return undefined;
  return { issuerName, issuer: issuerProfile(issuerName, registry, document.system.value), parents };
}
