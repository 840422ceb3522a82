/**
 * The metadata an e-office system imports with a document (Nghị định
 * 30/2020/NĐ-CP, Phụ lục VI: the information of an outgoing document): its
 * number and symbol, kind, date, issuer, trích yếu, signer, recipients,
 * urgency and confidentiality, language and page count, and the PDF it
 * describes, as JSON and as XML of the same shape. The schemas are
 * `server/data/schema/eoffice-metadata.schema.json` and `.xsd`. Pure: the
 * layout's record and the PDF's facts in, text out.
 */
import type { DocumentRecord, LayoutDocument } from '../layout/layout-model';
import { GENERATOR } from './export-marks';

export const EOFFICE_SCHEMA_VERSION = '1.0';
export const EOFFICE_XML_NAMESPACE = 'urn:kehoach:eoffice-metadata:1';

/** The PDF the metadata describes. */
export interface DescribedFile {
  name: string;
  sizeBytes: number;
  /** SHA-256 of its bytes, lower-case hex. */
  sha256: string;
  pageCount: number;
}

export interface EofficeMetadata {
  generator: typeof GENERATOR;
  schemaVersion: string;
  /** Số và ký hiệu: `64/KH-UBND`. */
  documentNumber?: string;
  /** Số: `64`. */
  number?: string;
  /** Ký hiệu: `KH-UBND`. */
  symbol?: string;
  /** Tên loại: `Kế hoạch`. */
  documentType?: string;
  /** Ngày tháng năm văn bản, `YYYY-MM-DD`. */
  date?: string;
  place?: string;
  issuer?: { name: string; symbol?: string; parentBody?: string };
  summary?: string;
  signer?: { name?: string; title?: string; authority: string[] };
  recipients: string[];
  /** Nơi lưu: `VT, KGVX`. */
  archive?: string;
  urgency?: NonNullable<DocumentRecord['urgency']>;
  confidentiality?: NonNullable<DocumentRecord['confidentiality']>;
  language: 'vi';
  pageCount: number;
  file: { name: string; format: 'application/pdf'; sizeBytes: number; sha256: string };
}

/** The metadata of a plan's PDF, from its layout: each field present only when the plan gives it, in the schema's order. */
export function eofficeMetadata(layout: LayoutDocument, file: DescribedFile): EofficeMetadata {
  const record = layout.meta.record ?? { recipients: [] };
  const { issuer, signer } = record;
  const fields: [keyof EofficeMetadata, unknown][] = [
    ['generator', GENERATOR],
    ['schemaVersion', EOFFICE_SCHEMA_VERSION],
    ['documentNumber', record.number],
    ['number', record.serial],
    ['symbol', record.symbol],
    ['documentType', record.kind],
    ['date', record.date],
    ['place', record.place],
    ['issuer', issuer && defined({ name: issuer, symbol: record.issuerSymbol, parentBody: record.parentBody })],
    ['summary', record.summary],
    ['signer', signer && defined({ name: signer.name, title: signer.title, authority: signer.authorities })],
    ['recipients', record.recipients],
    ['archive', record.archive],
    ['urgency', record.urgency],
    ['confidentiality', record.confidentiality],
    ['language', layout.meta.language],
    ['pageCount', file.pageCount],
    ['file', { name: file.name, format: 'application/pdf', sizeBytes: file.sizeBytes, sha256: file.sha256 }],
  ];
  return Object.fromEntries(fields.filter(([, value]) => value !== undefined)) as unknown as EofficeMetadata;
}

/** An object without its undefined fields. */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function eofficeJson(metadata: EofficeMetadata): string {
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);

/** The same metadata as XML: an element per field, lists as repeated elements; the generator and version as attributes. */
export function eofficeXml(metadata: EofficeMetadata): string {
  const lines: string[] = [];
  const element = (name: string, value: string | number, indent: string) => lines.push(`${indent}<${name}>${xml(String(value))}</${name}>`);
  const group = (name: string, fields: [string, string | number | string[] | undefined][], indent: string) => {
    lines.push(`${indent}<${name}>`);
    for (const [key, value] of fields) {
      if (Array.isArray(value)) for (const item of value) element(key, item, `${indent}  `);
      else if (value !== undefined) element(key, value, `${indent}  `);
    }
    lines.push(`${indent}</${name}>`);
  };
  for (const [key, value] of Object.entries(metadata)) {
    if (key === 'generator' || key === 'schemaVersion') continue;
    if (key === 'recipients') group(key, [['recipient', metadata.recipients]], '  ');
    else if (typeof value === 'object') group(key, Object.entries(value), '  ');
    else element(key, value, '  ');
  }
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<document xmlns="${EOFFICE_XML_NAMESPACE}" generator="${GENERATOR}" schemaVersion="${metadata.schemaVersion}">`, ...lines, '</document>', ''].join(
    '\n',
  );
}

/** Whether a file is metadata kehoach wrote (and so may be replaced by a new export): its generator field or attribute. */
export function isEofficeMetadata(format: 'json' | 'xml', bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes.subarray(0, 4096));
  return format === 'json' ? text.startsWith(`{\n  "generator": "${GENERATOR}",`) : text.includes(`<document xmlns="${EOFFICE_XML_NAMESPACE}" generator="${GENERATOR}"`);
}
