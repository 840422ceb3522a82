import type { Location } from 'vscode-languageserver-types';
import type { PlanDocument, Position } from '../model';
import type { Registry } from '../registry/registry';
import { assignmentRange, issuerProfile } from '../scaffold';
import { fold } from '../syntax/inline';
import { registryEntryUri } from './registry-entry';
import { targetAt } from './targets';
import { findPlan, type IndexedPlan } from './workspace';

const ENTRY_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where the plan is declared: its `Số:` line, else the header, else the top. */
function headerLocation(uri: string, document: PlanDocument): Location {
  return { uri, range: document.header.number?.range ?? document.header.range ?? ENTRY_START };
}

/**
 * Where a plan that cites `parent` should open it: at the first task the
 * parent assigns to the citing plan's issuer or its level (the cascade),
 * else at the parent's header.
 */
function parentLocation(document: PlanDocument, parent: IndexedPlan, registry: Registry): Location {
  const issuer = document.header.issuer?.value;
  const task = issuer ? assignmentRange(parent.document, issuerProfile(issuer, registry, document.system.value)) : undefined;
  return task ? { uri: parent.uri, range: task } : headerLocation(parent.uri, parent.document);
}

/**
 * Go to definition. A citation goes to the cited plan when the workspace
 * holds it (at the task it assigns to this plan's issuer, else at its
 * header), else to the registry entry; `Kế hoạch này` goes
 * to this plan's header; an agency goes to the heading that assigns it work
 * in this plan, else to its registry entry. Empty when nothing is known.
 */
export function definition(uri: string, document: PlanDocument, text: string, p: Position, registry: Registry, plans: () => IndexedPlan[]): Location[] {
  const target = targetAt(document, text, p, registry);
  if (!target) return [];
  if (target.kind === 'self') return [headerLocation(uri, document)];
  if (target.kind === 'document') {
    const plan = findPlan(plans(), target.ref);
    if (plan) return [plan.uri === uri ? headerLocation(uri, document) : parentLocation(document, plan, registry)];
    const citation = document.citations.find((c) => c.numberRange === target.range);
    const known = citation && registry.findDocument(citation);
    return known ? [{ uri: registryEntryUri({ kind: 'document', document: known }), range: ENTRY_START }] : [];
  }
  const assignee = document.agencies.find(
    (a) => a.role === 'assignee' && a.range !== target.range && (target.agency ? registry.findAgency(a.name)?.id === target.agency.id : fold(a.name) === fold(target.name)),
  );
  if (assignee) return [{ uri, range: assignee.range }];
  return target.agency ? [{ uri: registryEntryUri({ kind: 'agency', agency: target.agency }), range: ENTRY_START }] : [];
}
