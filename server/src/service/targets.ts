import type { PlanDocument, Position, Range } from '../model';
import type { Registry } from '../registry/registry';
import type { RegistryAgency } from '../registry/types';
import { fold } from '../syntax/inline';
import { contains } from './positions';
import { citationRef, planRef, sameNumber, type CancellationToken, type IndexedPlan, type NumberRef } from './workspace';

/**
 * What a cursor can point at for navigation: a document by its number (a
 * citation, or the plan's own `Số:`), an agency, or the plan itself
 * (`Kế hoạch này`).
 */
export type Target = { kind: 'document'; ref: NumberRef; range: Range; text: string } | { kind: 'agency'; name: string; agency?: RegistryAgency; range: Range } | { kind: 'self'; range: Range };

/** `Kế hoạch này`, `Chương trình này`: the plan speaking of itself. */
const SELF = /(?:Kế hoạch|Chương trình(?: hành động)?|Đề án|Kế hoạch liên tịch) này/gu;

export function targetAt(document: PlanDocument, text: string, p: Position, registry: Registry): Target | undefined {
  const citation = document.citations.find((c) => contains(c.range, p));
  if (citation) return { kind: 'document', ref: citationRef(citation), range: citation.numberRange, text: citation.numberText };
  const own = document.header.number;
  const ownRef = planRef(document);
  if (own && ownRef && contains(own.valueRange, p)) return { kind: 'document', ref: ownRef, range: own.valueRange, text: own.value };
  const mention = document.agencies.find((a) => contains(a.range, p));
  if (mention) return { kind: 'agency', name: mention.name, agency: registry.findAgency(mention.name), range: mention.range };
  const line = text.split(/\r\n|\r|\n/)[p.line] ?? '';
  for (const m of line.matchAll(SELF)) {
    const range = { start: { line: p.line, character: m.index }, end: { line: p.line, character: m.index + m[0].length } };
    if (contains(range, p)) return { kind: 'self', range };
  }
  return undefined;
}

export interface Occurrence {
  uri: string;
  range: Range;
  /** True for the plan's own `Số:` (the document is declared there), false for a mention. */
  declaration: boolean;
}

function sameAgency(target: Extract<Target, { kind: 'agency' }>, name: string, registry: Registry): boolean {
  if (target.agency) return registry.findAgency(name)?.id === target.agency.id;
  return fold(name) === fold(target.name);
}

/**
 * Every place of the workspace that names the target: citations of the same
 * number and the cited plan's `Số:`, or mentions of the same agency (the same
 * registry entry, whatever alias is written; the same name when unknown).
 */
export function occurrences(target: Target, plans: IndexedPlan[], registry: Registry, token?: CancellationToken): Occurrence[] {
  const out: Occurrence[] = [];
  for (const { uri, document } of plans) {
    if (token?.isCancellationRequested) return [];
    if (target.kind === 'document') {
      const own = planRef(document);
      if (own && document.header.number && sameNumber(own, target.ref)) out.push({ uri, range: document.header.number.valueRange, declaration: true });
      for (const c of document.citations) if (sameNumber(citationRef(c), target.ref)) out.push({ uri, range: c.numberRange, declaration: false });
    } else if (target.kind === 'agency') {
      for (const a of document.agencies) if (sameAgency(target, a.name, registry)) out.push({ uri, range: a.range, declaration: false });
    }
  }
  return out;
}
