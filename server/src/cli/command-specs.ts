import { EXPORT_FORMATS } from '../host/export-formats';
import type { CommandSpec } from './arguments';

/**
 * The descriptions of the commands whose code loads when they run
 * (`lazySubcommand`): the usage lists them without loading an export, an
 * import or a review.
 */

export const RENDER_SPEC = {
  name: 'render',
  summary: { vi: 'Xuất bản trình bày chính thức (A4) của kế hoạch ra HTML, DOCX hoặc PDF.', en: 'Export the official (A4) layout of a plan to HTML, DOCX or PDF.' },
  operands: { name: 'FILE', min: 1, max: 1 },
  options: {
    to: { type: 'string', short: 't', choices: EXPORT_FORMATS, required: true, help: { vi: 'định dạng xuất', en: 'the format to export to' } },
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      help: { vi: 'tệp đích, đuôi theo định dạng (mặc định: cạnh tệp nguồn)', en: 'the output file, with the format’s extension (default: beside the source)' },
    },
    force: { type: 'boolean', help: { vi: 'ghi đè cả tệp không phải bản xuất trước đó của kehoach', en: 'replace even a file that is not an earlier export of kehoach' } },
    metadata: {
      type: 'boolean',
      help: {
        vi: 'với --to pdf: ghi thêm thông tin văn bản cho hệ thống quản lý văn bản điện tử (Phụ lục VI Nghị định 30/2020) thành .metadata.json và .metadata.xml cạnh tệp PDF',
        en: 'with --to pdf: also write the document’s e-office metadata (Decree 30/2020, Appendix VI) as .metadata.json and .metadata.xml beside the PDF',
      },
    },
    comments: { type: 'boolean', help: { vi: 'DOCX: các phát hiện còn mở thành nhận xét Word trên đúng chữ', en: 'DOCX: the open findings as Word comments on their words' } },
    progress: { type: 'boolean', help: { vi: 'in từng bước ra stderr (trên terminal tự hiện với kế hoạch lớn)', en: 'print each step on stderr (on a terminal it shows for a large plan anyway)' } },
  },
} as const satisfies CommandSpec;

export const IMPORT_SPEC = {
  name: 'import',
  summary: {
    vi: 'Nhập kế hoạch từ văn bản (UTF-8, UTF-16) hoặc Word (.docx) thành tệp .kh; báo cáo ra stderr.',
    en: 'Import a plan from text (UTF-8, UTF-16) or Word (.docx) into a .kh file; the report goes to stderr.',
  },
  operands: { name: 'FILE', min: 1, max: 1 },
  options: {
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT.kh|-',
      help: { vi: 'tệp đích, - là in ra màn hình (mặc định: cạnh tệp nguồn, đuôi .kh)', en: 'the output file, - for standard output (default: beside the source, as .kh)' },
    },
    force: { type: 'boolean', help: { vi: 'ghi đè tệp đích đã có', en: 'replace an existing output file' } },
  },
} as const satisfies CommandSpec;

export const REVIEW_FORMATS = ['text', 'json', 'sarif', 'html'] as const;

export const REVIEW_SPEC = {
  name: 'review',
  summary: {
    vi: 'Rà soát tệp Word: trả lại bản sao có mỗi phát hiện là một nhận xét trên đúng chữ (docs/review.md).',
    en: 'Review a Word file: hand back a copy with each finding as a comment on its words (docs/review.md).',
  },
  operands: { name: 'DRAFT.docx', min: 1, max: 1 },
  options: {
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT.docx',
      help: { vi: 'bản rà soát (mặc định: DRAFT.ra-soat.docx cạnh bản thảo)', en: 'the reviewed copy (default: DRAFT.ra-soat.docx beside the draft)' },
    },
    suggest: { type: 'boolean', help: { vi: 'mỗi sửa an toàn thành một thay đổi được theo dõi', en: 'each safe fix as a tracked change too' } },
    hints: { type: 'boolean', help: { vi: 'cả các gợi ý', en: 'hints too' } },
    format: {
      type: 'string',
      short: 'f',
      choices: REVIEW_FORMATS,
      help: { vi: 'cách in các phát hiện; html ghi trang báo cáo cạnh bản rà soát', en: 'how the findings are printed; html writes a report page beside the reviewed copy' },
    },
    force: { type: 'boolean', help: { vi: 'ghi đè tệp -o đã có', en: 'replace an existing -o file' } },
  },
} as const satisfies CommandSpec;
