/**
 * The XMP metadata of a PDF/A export: the document information dictionary's
 * entries as PDF/A requires them mirrored (Dublin Core title, creator,
 * description; the creation date, the creator tool, the producer), the
 * document's identity in Dublin Core (number and symbol, date, language,
 * kind), and what an e-office system reads from the header and the closing
 * blocks in kehoach's own schema, declared in the PDF/A extension schema
 * block that PDF/A asks of properties outside the predefined schemas.
 */
import type { DocumentRecord, LayoutMeta } from '../layout/layout-model';

/** The namespace of kehoach's properties (a name, not an address anything is fetched from). */
export const XMP_NAMESPACE = 'https://github.com/kehoach/kehoach/ns/van-ban/1.0/';
const PREFIX = 'vanban';

/** The document information dictionary, which the XMP must agree with. */
export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);

/** An XMP date: what pdfkit writes in the information dictionary, to the second, in UTC. */
const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`;

/** kehoach's properties: name, what it holds (vi / en), and its value in a record. */
const PROPERTIES: [string, string, (r: DocumentRecord) => string | undefined][] = [
  ['number', 'Số và ký hiệu văn bản / number and symbol', (r) => r.number],
  ['kind', 'Tên loại văn bản / kind of document', (r) => r.kind],
  ['date', 'Ngày ban hành (YYYY-MM-DD) / date of issue', (r) => r.date],
  ['place', 'Địa danh / place of issue', (r) => r.place],
  ['issuer', 'Cơ quan ban hành / issuing body', (r) => r.issuer],
  ['issuerSymbol', 'Ký hiệu cơ quan ban hành trong số văn bản / the issuer’s symbol in the number', (r) => r.issuerSymbol],
  ['parentBody', 'Cơ quan chủ quản / parent body', (r) => r.parentBody],
  ['summary', 'Trích yếu nội dung / summary', (r) => r.summary],
  ['signer', 'Người ký / signer', (r) => r.signer?.name],
  ['signerTitle', 'Chức vụ người ký / signer’s title', (r) => r.signer?.title],
  ['signerAuthority', 'Thẩm quyền ký (TM., KT. …) / signing authority', (r) => r.signer?.authorities.join('; ') || undefined],
  ['confidentiality', 'Độ mật / confidentiality', (r) => r.confidentiality],
  ['urgency', 'Mức độ khẩn / urgency', (r) => r.urgency],
];

/**
 * The `rdf:Description` elements of the document's XMP packet (pdfkit
 * writes the packet around them, and the PDF/A identification).
 */
export function xmpDescriptions(meta: LayoutMeta, info: PdfInfo): string {
  const record: DocumentRecord = meta.record ?? { recipients: [] };
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
  const dc = [
    info.Title && `<dc:title>${alt(info.Title)}</dc:title>`,
    info.Author && `<dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`,
    info.Subject && `<dc:description>${alt(info.Subject)}</dc:description>`,
    record.number && `<dc:identifier>${xml(record.number)}</dc:identifier>`,
    record.date && `<dc:date><rdf:Seq><rdf:li>${record.date}</rdf:li></rdf:Seq></dc:date>`,
    record.kind && `<dc:type><rdf:Bag><rdf:li>${xml(record.kind)}</rdf:li></rdf:Bag></dc:type>`,
    `<dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language>`,
    `<dc:format>application/pdf</dc:format>`,
  ].filter(Boolean);
  const own = PROPERTIES.map(([name, , value]) => [name, value(record)] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `<${PREFIX}:${name}>${xml(value!)}</${PREFIX}:${name}>`);
  const schema = PROPERTIES.map(
    ([name, description]) =>
      `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${xml(description)}</pdfaProperty:description></rdf:li>`,
  );
  return [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate><xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${xml(info.Producer)}</pdf:Producer></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:${PREFIX}="${XMP_NAMESPACE}">${own.join('')}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"><pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource"><pdfaSchema:schema>Văn bản do kehoach xuất / documents exported by kehoach</pdfaSchema:schema><pdfaSchema:namespaceURI>${XMP_NAMESPACE}</pdfaSchema:namespaceURI><pdfaSchema:prefix>${PREFIX}</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq>${schema.join('')}</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>`,
  ].join('\n');
}
