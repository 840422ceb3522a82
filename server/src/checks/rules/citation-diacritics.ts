import type { Citation } from '../../model';
import { fold } from '../../syntax/inline';
import { foreignSymbolLetters } from '../citation-symbols';
import { basisOf, registryBasisWhen } from '../../domain/registry-facts';
import type { Rule } from '../rule';

/** The canonical type word in the case style the drafter used (`Chỉ thị`, `CHỈ THỊ`, `chỉ thị`). */
function inCaseOf(typed: string, canonical: string): string {
  if (typed === typed.toLocaleUpperCase('vi') && typed !== typed.toLocaleLowerCase('vi')) return canonical.toLocaleUpperCase('vi');
  if (/^\p{Ll}/u.test(typed)) return canonical.toLocaleLowerCase('vi');
  return canonical;
}

export const citationDiacritics: Rule = {
  id: 'citation-diacritics',
  title: { vi: 'Sai dấu ở tên loại hoặc ký hiệu văn bản', en: 'Wrong diacritics in the type word or the symbol' },
  defaultSeverity: 'warning',
  basis: registryBasisWhen({ vi: 'danh mục biết văn bản (ký hiệu được so với ký hiệu của mục)', en: "the registry knows the document (the symbol compared with the entry's)" }),
  check({ document, registry, source, report }) {
    for (const c of document.citations) {
      if (c.typeWord.toLocaleLowerCase('vi') !== c.docType.toLocaleLowerCase('vi')) {
        const right = inCaseOf(c.typeWord, c.docType);
        report(c.typeWordRange, { vi: `Sai chính tả tên loại: "${c.typeWord}" → "${right}"`, en: `Misspelt type word: "${c.typeWord}" → "${right}"` }, [
          { title: `Viết "${right}" / Write "${right}"`, edits: [{ range: c.typeWordRange, newText: right }], safe: true },
        ]);
      }
      checkSymbol(c);
    }

    /** A citation written all in capitals (`CHỈ THỊ SỐ 27/CT-TTG`, a trích yếu in capitals): its symbol is capitals too. */
    function inCapitals(c: Citation): boolean {
      const written = source.original.slice(source.offsetOf(c.typeWordRange.start), source.offsetOf(c.numberRange.end));
      return !/\p{Ll}/u.test(written);
    }

    function checkSymbol(c: Citation) {
      const known = registry.findDocument(c);
      const knownSymbol = known ? known.number.replace(/^\d+(?:\/\d{4})?[/-]/, '') : undefined;
      const foreign = foreignSymbolLetters(c.symbol);
      if (knownSymbol && knownSymbol !== c.symbol && fold(knownSymbol) === fold(c.symbol) && !(inCapitals(c) && c.symbol === knownSymbol.toLocaleUpperCase('vi'))) {
        const rightNumber = c.numberText.replace(/\s+/g, '').replace(c.symbol, knownSymbol);
        report(
          c.numberRange,
          { vi: `Ký hiệu "${c.symbol}" viết sai; đúng là ${knownSymbol}`, en: `Symbol "${c.symbol}" is misspelt; it is ${knownSymbol}` },
          [{ title: `Viết ${rightNumber} / Write ${rightNumber}`, edits: [{ range: c.numberRange, newText: rightNumber }], safe: false }],
          { basis: basisOf(known!) },
        );
      } else if (foreign.length) {
        const hint = /Ư/u.test(c.symbol) ? { vi: ' (TW: Trung ương; TU: Tỉnh ủy)', en: ' (TW: central; TU: provincial committee)' } : { vi: '', en: '' };
        report(c.numberRange, {
          vi: `Ký hiệu "${c.symbol}" có chữ không dùng trong ký hiệu: ${foreign.join(', ')}${hint.vi}`,
          en: `Symbol "${c.symbol}" has letters symbols do not use: ${foreign.join(', ')}${hint.en}`,
        });
      }
    }
  },
};
