import type { Rule } from '../rule';

/**
 * The parser's own findings. They are produced while parsing (`parsePlan`),
 * not by `check`; this entry gives them an id, a severity and a doc.
 */
export const syntax: Rule = {
  id: 'syntax',
  title: { vi: 'Cú pháp của tệp .kh', en: 'Syntax of the .kh file' },
  defaultSeverity: 'error',
  check() {
    // Reported by the parser.
  },
};
