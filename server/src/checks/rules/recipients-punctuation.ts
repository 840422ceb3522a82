import type { Fix } from '../../model';
import type { Rule } from '../rule';
import { effectiveSystem } from '../../domain/issuers';
import { RawSpan } from '../structure-text';

/** Each recipient ends with `;` (the party: `,` or `;`), the last with `.` and nothing after it. */
export const recipientsPunctuation: Rule = {
  id: 'recipients-punctuation',
  title: { vi: 'Dấu câu cuối dòng nơi nhận', en: 'Punctuation of the recipients' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const list = document.recipients;
    if (!list || list.items.length === 0) return;
    const party = effectiveSystem(document) === 'party';
    const options = party ? { severity: 'information' as const } : undefined;
    const items = list.items.map((item) => {
      const span = new RawSpan(source, item.range);
      return { item, span, end: span.trimmedEnd };
    });
    const commas = items.slice(0, -1).filter((i) => i.span.text[i.end - 1] === ',').length;
    const semicolons = items.slice(0, -1).filter((i) => i.span.text[i.end - 1] === ';').length;
    const separator = party && commas >= semicolons ? ',' : ';';
    const lastIndex = items.length - 1;
    items.forEach(({ item, span, end }, index) => {
      if (!item.text) return;
      const text = span.text.slice(0, end);
      const last = text[end - 1];
      const lastRange = span.rangeOf(end - 1, end);
      const name = item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text;
      const replace = (mark: string, safe: boolean): Fix[] => [{ title: `Viết "${mark}" cuối dòng / End the line with "${mark}"`, edits: [{ range: lastRange, newText: mark }], safe }];
      const insert = (mark: string): Fix[] => [{ title: `Thêm "${mark}" cuối dòng / End the line with "${mark}"`, edits: [{ range: span.rangeOf(end, end), newText: mark }], safe: true }];
      if (index < lastIndex) {
        if (last === ';' || (party && last === ',')) return;
        const want = party ? '"," hoặc ";"' : '";"';
        const wantEn = party ? '"," or ";"' : '";"';
        if (last === ',' || last === ':' || last === '.') {
          report(
            lastRange,
            { vi: `Nơi nhận "${name}" phải kết thúc bằng ${want}, không phải "${last}"`, en: `Recipient "${name}" should end with ${wantEn}, not "${last}"` },
            replace(separator, last !== '.'),
            options,
          );
        } else {
          report(lastRange, { vi: `Nơi nhận "${name}" thiếu dấu ${want} cuối dòng`, en: `Recipient "${name}" lacks ${wantEn} at the end of the line` }, insert(separator), options);
        }
        return;
      }
      if (last === '.') return;
      // `- Lưu: VT, KGVX. 03`: after the unit, the drafter's mark and the number of copies issued (box 12) also end with a full stop.
      const after = /\.[ \t]+([^.\s][^.]*)$/u.exec(text);
      if (after && item.isArchive && last !== ';' && last !== ',' && last !== ':') {
        report(
          span.rangeOf(end - after[1].length, end),
          {
            vi: `Dòng lưu chưa kết thúc bằng dấu chấm: sau "${after[1]}" (ký hiệu người soạn thảo, số lượng bản phát hành) cũng có dấu chấm, như "- Lưu: VT, … . … ." ở Mẫu 1.4`,
            en: `The archive line does not end with a full stop: "${after[1]}" (drafter's mark, number of copies issued) is followed by one too, as in "- Lưu: VT, … . … ." of Model 1.4`,
          },
          insert('.'),
          options,
        );
        return;
      }
      if (last === ';' || last === ',' || last === ':') {
        report(
          lastRange,
          { vi: `Dòng nơi nhận cuối cùng phải kết thúc bằng dấu chấm, không phải "${last}"`, en: `The last recipient line should end with a full stop, not "${last}"` },
          replace('.', true),
          options,
        );
      } else {
        report(lastRange, { vi: 'Dòng nơi nhận cuối cùng thiếu dấu chấm kết thúc', en: 'The last recipient line lacks its final full stop' }, insert('.'), options);
      }
    });
  },
};
