import type { Rule } from '../rule';
import { textLines } from '../text-lines';

export const textNfd: Rule = {
  id: 'text-nfd',
  title: { vi: 'Chữ Unicode tổ hợp (NFD)', en: 'Decomposed Unicode (NFD)' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const { original, text } = source;
    if (original === text) return;
    for (const line of textLines(document, source)) {
      // Comments are never rendered; a label is checked with its line (the parser reads NFD labels the same).
      if (line.kind === 'comment' || line.start === line.end) continue;
      // Clusters: NFC offsets that map to the same original offset belong to one character of the original.
      let first = -1;
      let last = -1;
      let i = line.start;
      while (i < line.end) {
        const from = source.originalOffset(i);
        let j = i + 1;
        while (j < line.end && source.originalOffset(j) === from) j++;
        const to = source.originalOffset(j);
        if (original.slice(from, to) !== text.slice(i, j)) {
          if (first < 0) first = i;
          last = j;
        }
        i = j;
      }
      if (first < 0) continue;
      const range = source.range(first, last);
      report(
        range,
        {
          vi: 'Chữ ở dạng Unicode tổ hợp (NFD); nên dùng dạng dựng sẵn (NFC)',
          en: 'Decomposed Unicode (NFD); use the composed form (NFC)',
        },
        [{ title: 'Chuyển sang NFC / Convert to NFC', edits: [{ range, newText: text.slice(first, last) }], safe: true }],
      );
    }
  },
};
