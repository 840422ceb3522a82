import { TYPES_WITH_YEAR } from '../citation-symbols';
import { basisOf, registryBasisWhen } from '../../domain/registry-facts';
import type { Rule } from '../rule';

export const citationMissingYear: Rule = {
  id: 'citation-missing-year',
  title: { vi: 'Trích dẫn thiếu năm ban hành trong số hiệu', en: 'Citation without the year in its number' },
  defaultSeverity: 'warning',
  basis: registryBasisWhen({
    vi: 'danh mục biết đúng một văn bản mang số và ký hiệu ấy (lời báo nêu số có năm, sửa nhanh thêm năm)',
    en: 'the registry knows exactly one document of that number and symbol (the message gives the number with its year, the fix inserts it)',
  }),
  check({ document, registry, report }) {
    for (const c of document.citations) {
      if (c.year !== undefined || !TYPES_WITH_YEAR.has(c.docType)) continue;
      const known = registry.findDocument(c);
      const year = known ? known.date.slice(0, 4) : undefined;
      const withYear = year ? `${c.serial}/${year}/${c.symbol}` : undefined;
      report(
        c.numberRange,
        {
          vi: `${c.docType} số ${c.numberText} thiếu năm ban hành trong số hiệu${withYear ? `; danh mục có ${withYear}` : ''}`,
          en: `${c.docType} ${c.numberText} lacks the year in its number${withYear ? `; the registry has ${withYear}` : ''}`,
        },
        withYear ? [{ title: `Viết ${withYear} / Write ${withYear}`, edits: [{ range: c.numberRange, newText: withYear }], safe: false }] : undefined,
        known ? { basis: basisOf(known) } : undefined,
      );
    }
  },
};
