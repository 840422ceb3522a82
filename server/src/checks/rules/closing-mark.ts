import type { Rule } from '../rule';
import { effectiveSystem } from '../../domain/issuers';
import { lastBodyBlock } from '../../domain/plan-parts';
import { RawSpan } from '../structure-text';

/**
 * A mark that tries to be `./.` and is not, at the end of the text: `./-`,
 * `/.`, `./`, `.\.`, `. /.` (what `/\.?[ \t]*[/\\][ \t]*[.\-]?$/` matches).
 * Read back from the last slash: the pattern's search is quadratic on a long
 * run of spaces.
 */
function malformedMark(text: string): string | undefined {
  const slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
  if (slash < 0 || !/^[ \t]*[.-]?$/.test(text.slice(slash + 1))) return undefined;
  let start = slash;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] === '.') start--;
  return text.slice(start);
}

/** The body of a state (or mass-organisation) document ends with `./.`. */
export const closingMark: Rule = {
  id: 'closing-mark',
  title: { vi: 'Dấu kết thúc văn bản', en: 'Closing mark' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const block = document.closing ?? lastBodyBlock(document);
    if (!block || block.kind === 'table') return;
    const span = new RawSpan(source, block.range);
    // Inline marks closing a bold or italic closing sentence (`*…./.*`) stand after the mark.
    let end = span.trimmedEnd;
    while (end > 0 && span.text[end - 1] === '*') end--;
    const text = span.text.slice(0, end).trimEnd();
    if (!text || text.endsWith('./.')) return;
    const fix = (start: number, end: number, newText: string) => [{ title: 'Viết dấu kết thúc ./. / Write the closing mark ./.', edits: [{ range: span.rangeOf(start, end), newText }], safe: true }];
    const bad = malformedMark(text);
    if (bad) {
      const start = text.length - bad.length;
      report(span.rangeOf(start, text.length), { vi: `Dấu kết thúc "${bad}" viết sai; viết "./."`, en: `Closing mark "${bad}" is malformed; write "./."` }, fix(start, text.length, './.'));
      return;
    }
    if (effectiveSystem(document) === 'party') return;
    const last = text.length - 1;
    if (/[.;,:]/.test(text[last])) {
      report(span.rangeOf(last, text.length), { vi: 'Nội dung văn bản chưa có dấu kết thúc "./."', en: 'The body lacks the closing mark "./."' }, fix(last, text.length, './.'));
    } else {
      // The last character may be a letter with its marks: point at the whole cluster.
      const from = Math.max(0, text.length - [...text].slice(-1)[0].length);
      report(span.rangeOf(from, text.length), { vi: 'Nội dung văn bản chưa có dấu kết thúc "./."', en: 'The body lacks the closing mark "./."' }, fix(text.length, text.length, './.'));
    }
  },
};
