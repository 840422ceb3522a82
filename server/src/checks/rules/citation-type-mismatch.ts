import { symbolContradictsType, typesOfSymbol } from '../citation-symbols';
import type { Rule } from '../rule';

export const citationTypeMismatch: Rule = {
  id: 'citation-type-mismatch',
  title: { vi: 'Tên loại văn bản trái với ký hiệu', en: 'Type word contradicts the symbol' },
  defaultSeverity: 'warning',
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
