/**
 * PDF export without Word or LibreOffice: the layout model typeset with
 * pdfkit. pdfkit was chosen over pdfmake because pdfmake's own layout engine
 * (columns, tables, headers) would stand between the layout model and the
 * page and re-decide what the model already decided; pdfkit is the drawing
 * layer pdfmake itself uses (fonts embedded and subset through fontkit, a
 * ToUnicode map so text extracts as typed, metadata, tagging, PDF/A), pure
 * JavaScript, and it bundles with esbuild once its standard-font AFM files
 * are never asked for (`font: ''` below). Line breaking and pagination are
 * ours (`pdf-typeset.ts`), so that justified text, first-line indents,
 * keep-with-next and the borderless header tables follow the layout exactly.
 *
 * The file is PDF/A-2b (ISO 19005-2, level B: the pages look the same in
 * years): every font embedded, the sRGB output intent (`server/data/color/`),
 * XMP metadata that agrees with the information dictionary
 * (`pdf-metadata.ts`); it is tagged (`pdf-typeset.ts`) and carries an empty
 * signature field where the signer signs, for the signing tools to fill.
 * Pure: layout in, bytes out.
 */
import PDFDocument from 'pdfkit';
import srgbProfile from '../../data/color/sRGB2014.icc';
import { GENERATOR, PDF_PRODUCER } from './export-marks';
import type { LayoutDocument } from '../layout/layout-model';
import { EMBEDDED_FONT_FACES } from './fonts';
import { xmpDescriptions, type PdfInfo } from './pdf-metadata';
import { typeset, type SignaturePlace } from './pdf-typeset';

export interface PdfOptions {
  /** The creation date written in the metadata; now when absent (fixed in tests for identical bytes). */
  creationDate?: Date;
}

/** A rendered PDF and what the renderer knows of it. */
export interface PdfFile {
  bytes: Uint8Array;
  pageCount: number;
}

/**
 * What this file replaces of pdfkit 0.20 (its PDF/A support reads the
 * profile from pdfkit's own folder, which the bundles do not carry, and
 * writes the information dictionary into the XMP without escaping it).
 */
interface PdfkitInternals {
  _root: PDFKit.PDFKitReference & { data: Record<string, unknown> };
  _addColorOutputIntent(): void;
  _addInfo(): void;
  appendXML(xml: string): void;
}

/** The layout as a PDF/A-2b file, with its page count. */
export function renderPdfFile(layout: LayoutDocument, options: PdfOptions = {}): Promise<PdfFile> {
  const { meta } = layout;
  const info: PdfInfo = {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    Creator: GENERATOR,
    Producer: PDF_PRODUCER,
    CreationDate: options.creationDate ?? new Date(),
  };
  const pdf = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica's AFM file from disk.
    font: '',
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    info: { ...info },
  });
  const internals = pdf as unknown as PdfkitInternals;
  internals._addColorOutputIntent = () => {
    const profile = pdf.ref({ N: 3 });
    profile.end(Buffer.from(srgbProfile));
    const intent = pdf.ref({ Type: 'OutputIntent', S: 'GTS_PDFA1', Info: new String('sRGB IEC61966-2.1'), OutputConditionIdentifier: new String('sRGB IEC61966-2.1'), DestOutputProfile: profile });
    intent.end(undefined);
    internals._root.data.OutputIntents = [intent];
  };
  internals._addInfo = () => internals.appendXML(xmpDescriptions(meta, info));
  // Each document parses the faces anew: a fontkit font shared between documents comes out with broken subsets.
  for (const [face, bytes] of Object.entries(EMBEDDED_FONT_FACES)) pdf.registerFont(face, bytes);
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('error', reject);
    pdf.on('end', () => resolve(concat(chunks)));
  });
  const pageCount = typeset(pdf, layout, { signatureField: (place) => addSignatureField(pdf, place) });
  pdf.end();
  return done.then((bytes) => ({ bytes, pageCount }));
}

/** The name of the empty signature field, for the signing tools that ask for one. */
export const SIGNATURE_FIELD = 'ChuKy';

/**
 * An empty signature field where the signer signs, so that a signing tool
 * puts the visible signature where the decree puts it. As PDF/A wants it:
 * printed, with an (empty) appearance of its own, in a form without
 * `NeedAppearances`; tagged as a form in the signature block.
 */
function addSignatureField(pdf: PDFKit.PDFDocument, place: SignaturePlace): void {
  const internals = pdf as unknown as PdfkitInternals;
  if (!internals._root.data.AcroForm) {
    pdf.font('regular').initForm();
    delete (internals._root.data.AcroForm as PDFKit.PDFKitReference & { data: Record<string, unknown> }).data.NeedAppearances;
  }
  const appearance = pdf.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, place.width, place.height], Resources: {} });
  appearance.end(' ');
  pdf.annotate(place.x, place.y, place.width, place.height, {
    Subtype: 'Widget',
    FT: 'Sig',
    T: new String(SIGNATURE_FIELD),
    TU: new String('Chữ ký số của người ký / the signer’s digital signature'),
    F: 4,
    // The page the field is on, which signing tools read to place the signature.
    P: pdf.page.dictionary,
    AP: { N: appearance },
    structParent: place.structParent,
  } as PDFKit.Mixins.AnnotationOption);
  const form = internals._root.data.AcroForm as { data: { Fields: unknown[] } };
  form.data.Fields.push((pdf.page as unknown as { annotations: unknown[] }).annotations.at(-1));
}

/** The layout as a PDF/A-2b file. */
export async function renderPdf(layout: LayoutDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  return (await renderPdfFile(layout, options)).bytes;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
