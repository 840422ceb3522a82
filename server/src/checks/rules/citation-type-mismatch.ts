import { symbolContradictsType, typesOfSymbol } from '../citation-symbols';
import type { Rule } from '../rule';

export const citationTypeMismatch: Rule = {
  id: 'citation-type-mismatch',
  title: { vi: 'Tên loại văn bản trái với ký hiệu', en: 'Type word contradicts the symbol' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Ký hiệu của văn bản có chữ viết tắt tên loại (Nghị định 30/2020/NĐ-CP, Phụ lục III: CT chỉ thị, NĐ nghị định, QĐ quyết định, KH kế hoạch, …; công văn không có chữ viết tắt tên loại). `Quyết định số 12/2019/NĐ-CP` hay một "công văn" có ký hiệu KH là trích dẫn sai loại.',
    en: 'A document symbol carries the abbreviation of its type (Decree 30/2020/NĐ-CP, Appendix III: CT directive, NĐ decree, QĐ decision, KH plan, …; an official letter has none). `Quyết định số 12/2019/NĐ-CP`, or a "công văn" whose symbol says KH, cites the wrong type.',
  },
  check({ document, report }) {
    for (const c of document.citations) {
      if (!symbolContradictsType(c)) continue;
      const types = typesOfSymbol(c.symbol);
      const expected = types === 'law' ? 'Luật / Nghị quyết của Quốc hội' : types?.join(' / ');
      report(c.typeWordRange, {
        vi: `"${c.typeWord}" trái với ký hiệu ${c.symbol}${expected ? ` (ký hiệu cho biết: ${expected})` : ''}`,
        en: `"${c.typeWord}" contradicts the symbol ${c.symbol}${expected ? ` (the symbol says: ${expected})` : ''}`,
      });
    }
  },
};
