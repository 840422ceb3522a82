import type { Citation, PlanDocument } from '../model';
import { numberKey, splitNumber } from '../registry/registry';
import type { RegistryDocument } from '../registry/types';

/**
 * What the service needs of a cancellation token: the LSP connection's tokens
 * have this shape, so the core need not import the JSON-RPC runtime.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** A text document as the editor holds it. */
export interface PlanTextDocument {
  uri: string;
  /** Grows with each edit; documents read from disk use versions an editor never gives (negative). */
  version: number;
  getText(): string;
}

/**
 * The plans around the one being edited. The server implements it over the
 * open documents and the `.kh` files of the workspace folders; tests use an
 * in-memory one. No file system reaches the service.
 */
export interface Workspace {
  /** URIs of every `.kh` document of the workspace, open or on disk. */
  listDocuments(): readonly string[];
  /** The document as the editor holds it when open, else as on disk; undefined when it is gone. */
  readDocument(uri: string): PlanTextDocument | undefined;
}

/** A workspace holding only what is given (tests, single files). */
export function inMemoryWorkspace(documents: PlanTextDocument[] = []): Workspace & { set(document: PlanTextDocument): void; delete(uri: string): void } {
  const byUri = new Map(documents.map((d) => [d.uri, d]));
  return {
    listDocuments: () => [...byUri.keys()],
    readDocument: (uri) => byUri.get(uri),
    set: (document) => void byUri.set(document.uri, document),
    delete: (uri) => void byUri.delete(uri),
  };
}

export interface IndexedPlan {
  uri: string;
  /** The version parsed: a plan citing this one is stale when it was checked against another. */
  version: number;
  document: PlanDocument;
  /** The plan as a document others cite, when its header has a number and a date. */
  asCited?: RegistryDocument;
}

/** The folded number key of a citation or a plan's `Số:`, with its year when typed. */
export interface NumberRef {
  key: string;
  year?: number;
}

export function citationRef(citation: Citation): NumberRef {
  return { key: numberKey(citation.serial, citation.symbol), year: citation.year };
}

/** The key of a plan's own number (`64/KH-UBND`), undefined when its `Số:` does not parse. */
export function planRef(document: PlanDocument): NumberRef | undefined {
  const parts = document.header.documentNumber && splitNumber(document.header.documentNumber.text);
  return parts ? { key: numberKey(parts.serial, parts.symbol), year: parts.year ?? document.header.planDate?.year } : undefined;
}

/** Same serial and symbol; the same year when both give one (`24/CT-TTg` cites `24/CT-TTg` of 2020). */
export function sameNumber(a: NumberRef, b: NumberRef): boolean {
  return a.key === b.key && (a.year === undefined || b.year === undefined || a.year === b.year);
}

/** The workspace plan a citation refers to, by its number. */
export function findPlan(plans: IndexedPlan[], ref: NumberRef): IndexedPlan | undefined {
  return plans.find((p) => {
    const own = planRef(p.document);
    return own !== undefined && sameNumber(own, ref);
  });
}
