export { importDocx, importWordDocument, planTextOfWordDocument } from './docx';
export { importText, type ImportReport, type ImportResult } from './import-plan';
export { importMarkdown, looksLikeMarkdown } from './markdown';
export { importHtml, NoPlanInPageError } from './html';
export { importPdf, textOfPdf, UnreadablePdfError } from './pdf';
