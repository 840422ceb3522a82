/**
 * PDF export without Word or LibreOffice: the layout model typeset with
 * pdfkit. pdfkit was chosen over pdfmake because pdfmake's own layout engine
 * (columns, tables, headers) would stand between the layout model and the
 * page and re-decide what the model already decided; pdfkit is the drawing
 * layer pdfmake itself uses (fonts embedded and subset through fontkit, a
 * ToUnicode map so text extracts as typed, PDF 1.7, metadata), pure
 * JavaScript, and it bundles with esbuild once its standard-font AFM files
 * are never asked for (`font: ''` below). Line breaking and pagination are
 * ours (`pdf-typeset.ts`), so that justified text, first-line indents,
 * keep-with-next and the borderless header tables follow the layout exactly.
 * Pure: layout in, bytes out.
 */
import PDFDocument from 'pdfkit';
import { GENERATOR } from './export-marks';
import type { LayoutDocument } from '../layout/layout-model';
import { EMBEDDED_FONT_FACES } from './fonts';
import { typeset } from './pdf-typeset';

export interface PdfOptions {
  /** The creation date written in the metadata; now when absent (fixed in tests for identical bytes). */
  creationDate?: Date;
}

/** The layout as a PDF file. */
export function renderPdf(layout: LayoutDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const { meta } = layout;
  const pdf = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica's AFM file from disk.
    font: '',
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: GENERATOR,
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  // Each document parses the faces anew: a fontkit font shared between documents comes out with broken subsets.
  for (const [face, bytes] of Object.entries(EMBEDDED_FONT_FACES)) pdf.registerFont(face, bytes);
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('error', reject);
    pdf.on('end', () => resolve(concat(chunks)));
  });
  typeset(pdf, layout);
  pdf.end();
  return done;
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
