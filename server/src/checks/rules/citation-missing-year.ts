import { TYPES_WITH_YEAR } from '../citation-symbols';
import { basisOf, registryBasisWhen } from '../../domain/registry-facts';
import type { Rule } from '../rule';

export const citationMissingYear: Rule = {
  id: 'citation-missing-year',
  title: { vi: 'Trích dẫn thiếu năm ban hành trong số hiệu', en: 'Citation without the year in its number' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Luật, pháp lệnh, nghị định, thông tư (văn bản quy phạm pháp luật) có năm ban hành trong số, ký hiệu: `Nghị định số 140/2018/NĐ-CP`, `Luật số 74/2014/QH13` (Luật Ban hành văn bản quy phạm pháp luật; Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3). Trích `Nghị định số 140/NĐ-CP` là thiếu năm. Khi danh mục biết đúng một văn bản khớp số và ký hiệu, có sửa nhanh chèn năm (không tự áp dụng).',
    en: 'Laws, ordinances, decrees and circulars (legal normative documents) carry their year in the number: `Nghị định số 140/2018/NĐ-CP`, `Luật số 74/2014/QH13` (Law on legal normative documents; Decree 30/2020/NĐ-CP, Appendix I, II.3). `Nghị định số 140/NĐ-CP` lacks the year. When the registry knows exactly one document with that number and symbol, a fix inserts the year (not applied automatically).',
  },
  basis: registryBasisWhen({ vi: 'danh mục biết đúng một văn bản mang số và ký hiệu ấy (lời báo nêu số có năm, sửa nhanh thêm năm)', en: 'the registry knows exactly one document of that number and symbol (the message gives the number with its year, the fix inserts it)' }),
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
