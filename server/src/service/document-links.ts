import type { DocumentLink } from 'vscode-languageserver-types';
import type { PlanDocument } from '../model';
import type { Registry } from '../registry/registry';
import { citationRef, findPlan, type IndexedPlan } from './workspace';

/** A web address in running text; a closing bracket or punctuation after it is not part of it. */
const URL = /https?:\/\/[^\s<>()"]+[^\s<>()".,;:!?]/gu;

/**
 * Document links: a citation whose document is a plan of the workspace opens
 * that plan; one known to the registry opens its first web source; a web
 * address written in the text opens itself.
 */
export function documentLinks(document: PlanDocument, text: string, registry: Registry, plans: () => IndexedPlan[]): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const c of document.citations) {
    const plan = findPlan(plans(), citationRef(c));
    const source = !plan && registry.findDocument(c)?.sources.find((s) => /^https?:\/\//.test(s));
    const target = plan?.uri ?? (source || undefined);
    if (target) links.push({ range: c.numberRange, target, tooltip: plan ? 'Mở kế hoạch được trích dẫn / Open the cited plan' : 'Mở nguồn của văn bản / Open the document’s source' });
  }
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const m of line.matchAll(URL)) links.push({ range: { start: { line: index, character: m.index }, end: { line: index, character: m.index + m[0].length } }, target: m[0] });
  });
  return links;
}
