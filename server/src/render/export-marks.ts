import { strFromU8, unzipSync } from 'fflate';

/**
 * How an export says it was made by kehoach, so that a later export may
 * replace it but nothing else (a plan, a document someone wrote or edited):
 * the HTML's generator meta tag; the PDF's Creator (pdfkit as Producer, one
 * revision); the DOCX's custom property, with no editor's name in its
 * properties (Word and LibreOffice write theirs when they save).
 */
export const GENERATOR = 'kehoach';

/** The PDF's Producer, in the document information and its XMP copy alike. */
export const PDF_PRODUCER = 'PDFKit';

export const HTML_GENERATOR_META = `<meta name="generator" content="${GENERATOR}">`;

/** The DOCX custom property and last author our exports carry. */
export const DOCX_GENERATOR_PROPERTY = { name: 'Generator', value: GENERATOR };

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString('latin1');

function isOwnHtml(bytes: Uint8Array): boolean {
  return latin1(bytes, 0, 4096).includes(HTML_GENERATOR_META);
}

function isOwnPdf(bytes: Uint8Array): boolean {
  const text = latin1(bytes);
  // An editor that saves incrementally appends a revision: a second %%EOF.
  return text.startsWith('%PDF-') && text.includes(`\n(${GENERATOR})\nendobj`) && text.includes(`\n(${PDF_PRODUCER})\nendobj`) && text.indexOf('%%EOF') === text.lastIndexOf('%%EOF');
}

const DOCX_PROPERTIES = new Set(['docProps/custom.xml', 'docProps/app.xml', 'docProps/core.xml']);

function isOwnDocx(bytes: Uint8Array): boolean {
  let parts;
  try {
    parts = unzipSync(bytes, { filter: (f) => DOCX_PROPERTIES.has(f.name) && f.originalSize < 1 << 20 });
  } catch {
    return false;
  }
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : '');
  return (
    part('docProps/custom.xml').includes(`name="${DOCX_GENERATOR_PROPERTY.name}"`) &&
    part('docProps/custom.xml').includes(`>${GENERATOR}</vt:lpwstr>`) &&
    part('docProps/core.xml').includes(`<cp:lastModifiedBy>${GENERATOR}</cp:lastModifiedBy>`) &&
    !part('docProps/app.xml').includes('<Application>')
  );
}

/** Whether `bytes` are an export of kehoach in `format`, untouched by another program. */
export function isKehoachExport(format: 'html' | 'docx' | 'pdf', bytes: Uint8Array): boolean {
  return format === 'html' ? isOwnHtml(bytes) : format === 'pdf' ? isOwnPdf(bytes) : isOwnDocx(bytes);
}
