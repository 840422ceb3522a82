import type { Rule } from '../rule';
import { textLines } from '../text-lines';

export const textNfd: Rule = {
  id: 'text-nfd',
  title: { vi: 'Chữ Unicode tổ hợp (NFD)', en: 'Decomposed Unicode (NFD)' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Văn bản có chữ ở dạng Unicode tổ hợp (NFD: `ệ` ghi thành `e` + dấu mũ + dấu nặng), thường do dán từ công cụ khác (macOS, PDF). Trông giống hệt nhưng tìm kiếm, sắp xếp, kiểm tra chính tả và phông chữ xử lý sai; văn bản hành chính dùng bảng mã Unicode theo TCVN 6909:2001 (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục I.2) ở dạng dựng sẵn (NFC). Mỗi đoạn dòng bị ảnh hưởng được báo một lần. Sửa nhanh: chuyển đoạn đó sang dạng dựng sẵn NFC (an toàn: chữ hiển thị không đổi).',
    en: 'Text in decomposed Unicode (NFD: `ệ` stored as `e` + circumflex + dot below), usually pasted from another tool (macOS, PDF). It looks the same, but search, sorting, spell checking and fonts treat it wrongly; official documents use Unicode per TCVN 6909:2001 (Decree 30/2020/NĐ-CP, Appendix I, I.2) in composed form (NFC). Each affected stretch of a line is reported once. Fix: its NFC form (safe: the text looks the same).',
  },
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
      report(range, {
        vi: 'Chữ ở dạng Unicode tổ hợp (NFD); nên dùng dạng dựng sẵn (NFC)',
        en: 'Decomposed Unicode (NFD); use the composed form (NFC)',
      }, [{ title: 'Chuyển sang NFC / Convert to NFC', edits: [{ range, newText: text.slice(first, last) }], safe: true }]);
    }
  },
};
