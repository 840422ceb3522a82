import data from '../../data/central-documents.json';
import type { CitationType } from '../model';
import { keyOf } from './registry';
import type { RegistryDocument } from './types';

/** The codification the table was read from, named in every entry's sources. */
const CODIFICATION = 'Bộ pháp điển (phapdien.moj.gov.vn)';
/** The collections of texts whose citations vouch for the rows the codification lacks. */
const COLLECTIONS = (data as { collections?: { label: string }[] }).collections?.map((c) => c.label).join(', ');

/**
 * The central legal documents generated from the Bộ pháp điển
 * (server/data/central-documents.json, written by scripts/gen-central-documents.ts):
 * number, type, issuer, dates and title as read on the national legal
 * database (vbpl.vn, the page in their sources), replacement and repeal as
 * the replacing text states them. A document no text replaced or repealed has
 * an unknown status.
 *
 * Thousands of rows, of which a plan cites a handful: each row stays one
 * string, the rows sorted by look-up key and searched by halves; a row becomes
 * an entry when a look-up reaches it, all of them only when every entry is
 * asked for (completion, `kehoach registry find`).
 */
export class CentralTable {
  private readonly parsed = new Map<number, RegistryDocument>();
  /** Results by key: every rule looks each citation up again. */
  private readonly found = new Map<string, RegistryDocument[]>();
  private every?: RegistryDocument[];

  /** `rows`: one document each, its fields tab-separated (`COLUMNS` of the generator), sorted by `keyOf` of the number. */
  constructor(private readonly rows: Rows) {}

  /** The documents whose number has this look-up key (`numberKey`). */
  find(key: string): RegistryDocument[] {
    let found = this.found.get(key);
    if (!found) this.found.set(key, (found = this.search(key)));
    return found;
  }

  private search(key: string): RegistryDocument[] {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keyOf(this.numberAt(mid)) < key) low = mid + 1;
      else high = mid;
    }
    const found: RegistryDocument[] = [];
    for (let k = low; k < this.rows.length && keyOf(this.numberAt(k)) === key; k++) found.push(this.document(k));
    return found;
  }

  /** The document of exactly this number, as the table writes it. */
  byNumber(number: string): RegistryDocument | undefined {
    return this.find(keyOf(number)).find((d) => d.number === number);
  }

  all(): RegistryDocument[] {
    this.every ??= Array.from({ length: this.rows.length }, (_, k) => this.document(k));
    return this.every;
  }

  private numberAt(k: number): string {
    const row = this.rows.at(k)!;
    return row.slice(0, row.indexOf('\t'));
  }

  private document(k: number): RegistryDocument {
    let doc = this.parsed.get(k);
    if (!doc) this.parsed.set(k, (doc = toDocument(this.rows.at(k)!.split('\t'))));
    return doc;
  }
}

function toDocument([number, type, issuer, date, inForce, title, itemId, citedIn, replacedBy, replacedOn, repealedOn, repealedBy, amendedBy, citedTexts, endedIn]: string[]): RegistryDocument {
  const doc: RegistryDocument = { number, type: type as CitationType, issuer, date, title, system: 'state', confidence: citedTexts ? 'cited' : 'verified', sources: [] };
  if (inForce && inForce !== date) doc.inForceFrom = inForce;
  if (replacedBy) Object.assign(doc, { replacedBy, replacedOn });
  if (repealedOn) Object.assign(doc, { expiredOn: repealedOn, repealedBy });
  if (amendedBy) doc.amendedBy = amendedBy.split(' ');
  if (!replacedBy && !repealedOn) doc.statusUnknown = true;
  if (citedTexts) {
    // Not in the codification: known only as texts of a collection cite it.
    doc.sources.push(`${citedTexts} texts of ${COLLECTIONS} citing it with this date`);
  } else {
    if (itemId) doc.sources.push(`http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=${itemId}`);
    doc.sources.push(citedIn ? `${CODIFICATION}, as ${citedIn} cites it` : CODIFICATION);
  }
  if (endedIn) {
    // Its end read in the ending document's text, as the collection keeps it.
    doc.statusConfidence = 'cited';
    doc.sources.push(`the text of ${replacedBy || repealedBy} in ${COLLECTIONS}`);
  }
  return doc;
}

/** The rows of the table: a list of strings, or `RowBytes`. */
interface Rows {
  readonly length: number;
  at(k: number): string | undefined;
}

/**
 * The rows as the bytes the build writes beside the bundles (`rowBytes`, scripts/build.mjs): how many, where
 * each starts, then their UTF-8, so that a start decodes only the rows its look-ups reach rather than the
 * whole table (a megabyte and a half). The table reads them in place of the JSON's list when they are there.
 */
export class RowBytes implements Rows {
  readonly length: number;
  private readonly starts: Uint32Array;
  private readonly text: Uint8Array;
  private readonly decoder = new TextDecoder();

  constructor(bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = view.getUint32(0, true);
    this.starts = Uint32Array.from({ length: this.length + 1 }, (_, k) => view.getUint32(4 * (k + 1), true));
    this.text = bytes.subarray(4 * (this.length + 2));
  }

  at(k: number): string | undefined {
    return k < this.length ? this.decoder.decode(this.text.subarray(this.starts[k], this.starts[k + 1])) : undefined;
  }
}

/** The bytes `RowBytes` reads, made by the build from the JSON's rows. */
export function rowBytes(rows: readonly string[]): Uint8Array {
  const encoded = rows.map((row) => new TextEncoder().encode(row));
  const head = 4 * (rows.length + 2);
  const bytes = new Uint8Array(head + encoded.reduce((n, row) => n + row.length, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, rows.length, true);
  let at = 0;
  encoded.forEach((row, k) => {
    view.setUint32(4 * (k + 1), at, true);
    bytes.set(row, head + at);
    at += row.length;
  });
  view.setUint32(4 * (rows.length + 1), at, true);
  return bytes;
}

let central: CentralTable | undefined;

/** The table shipped with kehoach. */
export function centralTable(): CentralTable {
  const bytes = (data as { rowBytes?: Uint8Array }).rowBytes;
  central ??= new CentralTable(bytes ? new RowBytes(bytes) : data.rows);
  return central;
}
