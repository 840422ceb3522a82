export { importDocx } from './docx';
export { importText, type ImportReport, type ImportResult } from './import-plan';
