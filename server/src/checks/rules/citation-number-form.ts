import type { Citation, Fix } from '../../model';
import type { Registry } from '../../registry/registry';
import type { RegistryDocument } from '../../registry/types';
import { typesOfSymbol } from '../citation-symbols';
import { basisOf, registryBasisWhen } from '../../domain/registry-facts';
import type { Rule } from '../rule';

/** Issuer codes of the party's documents, numbered `number-TYPE/ISSUER` (`21-CT/TW`, `184-KH/TU`). */
const PARTY_ISSUER = /^(?:TW|TU|HU|QU|TXU|ĐU|ĐUK|VPTW|UBKTTW|B[A-ZĐ]{1,6}TW)$/u;
/** Issuer codes of the state's, numbered `number/TYPE-ISSUER` (`24/CT-TTg`, `64/KH-UBND`). */
const STATE_ISSUER = /^(?:TTg|CP|UBND|HĐND|QH\d*|UBTVQH\d*)$/u;

/** The number as the citation writes it, without spaces: serial, year, the separator after them, the symbol's two groups. */
function parts(c: Citation): { head: string; separator: string; type: string; inner: string; issuer: string } | undefined {
  const m = /^(\d+(?:\/\d{4})*)([/-])([^/-]+)([/-])([^/-]+)$/u.exec(c.numberText.replace(/\s+/g, ''));
  return m ? { head: m[1], separator: m[2], type: m[3], inner: m[4], issuer: m[5] } : undefined;
}

/** The number in the form its issuer's system gives it, when the separators are the other system's (its fix removes stray spaces too). */
export function rightForm(c: Citation): { number: string; system: 'party' | 'state' } | undefined {
  const p = parts(c);
  if (!p || c.year !== undefined || typesOfSymbol(p.type) === undefined) return undefined;
  if (PARTY_ISSUER.test(p.issuer) && (p.separator !== '-' || p.inner !== '/')) return { number: `${p.head}-${p.type}/${p.issuer}`, system: 'party' };
  if (STATE_ISSUER.test(p.issuer) && (p.separator !== '/' || p.inner !== '-')) return { number: `${p.head}/${p.type}-${p.issuer}`, system: 'state' };
  return undefined;
}

/**
 * Of the two years of `31/2015/2019/NĐ-CP`, the one the citation's date gives, or the one
 * the registry knows (then `entry`, what the choice rests on); else none.
 */
function yearChoices(c: Citation, registry: Registry): { numbers: string[]; chosen?: string; entry?: RegistryDocument } {
  const years = [c.year!, c.extraYear!];
  const numbers = years.map((y) => `${c.serial}/${y}/${c.symbol}`);
  const known = years.flatMap((y) => {
    const doc = registry.findDocument({ serial: c.serial, year: y, symbol: c.symbol });
    return doc?.date.startsWith(String(y)) ? [{ year: y, doc }] : [];
  });
  const dated = c.date ? years.filter((y) => y === c.date!.year) : [];
  const number = (y: number) => `${c.serial}/${y}/${c.symbol}`;
  if (dated.length === 1) return { numbers, chosen: number(dated[0]) };
  return known.length === 1 ? { numbers, chosen: number(known[0].year), entry: known[0].doc } : { numbers };
}

export const citationNumberForm: Rule = {
  id: 'citation-number-form',
  title: { vi: 'Số, ký hiệu văn bản viết sai dạng', en: 'Document number in the wrong form' },
  defaultSeverity: 'warning',
  basis: registryBasisWhen({
    vi: 'ngày trích không chọn được và danh mục chọn năm đúng của một số hiệu có hai năm',
    en: 'the cited date does not settle it and the registry picks the right year of a number with two years',
  }),
  check({ document, registry, report }) {
    for (const c of document.citations) {
      if (c.extraYear !== undefined) {
        const { numbers, chosen, entry } = yearChoices(c, registry);
        const fixes: Fix[] = chosen
          ? [{ title: `Viết ${chosen} / Write ${chosen}`, edits: [{ range: c.numberRange, newText: chosen }], safe: true }]
          : numbers.map((n) => ({ title: `Viết ${n} / Write ${n}`, edits: [{ range: c.numberRange, newText: n }], safe: false }));
        report(
          c.numberRange,
          {
            vi: `Số hiệu "${c.numberText}" có hai năm ban hành (${c.year} và ${c.extraYear}); ${chosen ? `đúng là ${chosen}` : `viết ${numbers.join(' hoặc ')}`}`,
            en: `Number "${c.numberText}" has two years (${c.year} and ${c.extraYear}); ${chosen ? `it is ${chosen}` : `write ${numbers.join(' or ')}`}`,
          },
          fixes,
          entry && { basis: basisOf(entry) },
        );
        continue;
      }
      const right = rightForm(c);
      if (!right) continue;
      const system = right.system === 'party' ? { vi: 'văn bản của Đảng', en: 'a party document' } : { vi: 'văn bản nhà nước', en: 'a state document' };
      report(
        c.numberRange,
        {
          vi: `Số hiệu "${c.numberText}" đổi chỗ dấu gạch chéo và gạch nối; ${system.vi} viết ${right.number}`,
          en: `Number "${c.numberText}" has the slash and the hyphen swapped; ${system.en} is numbered ${right.number}`,
        },
        [{ title: `Viết ${right.number} / Write ${right.number}`, edits: [{ range: c.numberRange, newText: right.number }], safe: true }],
      );
    }
  },
};
