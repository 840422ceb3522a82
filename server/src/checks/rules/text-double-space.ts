import type { Rule } from '../rule';
import { textLines } from '../text-lines';

/** Two or more spaces (or tabs, no-break spaces) between two visible characters. */
const RUN = /[ \t\u00A0]{2,}/g;

export const textDoubleSpace: Rule = {
  id: 'text-double-space',
  title: { vi: 'Dấu cách thừa', en: 'Double space' },
  defaultSeverity: 'information',
  check({ document, source, report }) {
    const text = source.text;
    for (const line of textLines(document, source)) {
      if (line.contentStart >= line.end) continue;
      const content = text.slice(line.contentStart, line.end);
      const trimmed = content.trimEnd().length;
      RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(content))) {
        const start = m.index;
        const end = start + m[0].length;
        if (start === 0 || end >= trimmed) continue;
        if (line.kind === 'table' && (content[start - 1] === '|' || content[end] === '|')) continue;
        const range = source.range(line.contentStart + start, line.contentStart + end);
        report(range, { vi: `${m[0].length} dấu cách liền nhau`, en: `${m[0].length} spaces in a row` }, [
          { title: 'Thay bằng một dấu cách / Replace with one space', edits: [{ range, newText: ' ' }], safe: true },
        ]);
      }
    }
  },
};
