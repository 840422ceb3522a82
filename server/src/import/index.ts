export { importDocx, importWordDocument } from './docx';
export { importText, type ImportReport, type ImportResult } from './import-plan';
