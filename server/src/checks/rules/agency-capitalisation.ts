import type { AgencyMention } from '../../model';
import { basisOf, registryBasisWhen } from '../../domain/registry-facts';
import type { Rule } from '../rule';
import { parseSyllable, toneStyleOf, toToneStyle } from '../vietnamese';

export const agencyCapitalisation: Rule = {
  id: 'agency-capitalisation',
  title: { vi: 'Viết hoa tên cơ quan không thống nhất', en: 'Inconsistent capitalisation of an agency name' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Tên cơ quan, tổ chức viết hoa chữ cái đầu của các từ, cụm từ chỉ loại hình và chức năng, lĩnh vực (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục II.3: `Ban Thường vụ`, `Sở Giáo dục và Đào tạo`), và một cơ quan phải được viết cùng một cách trong cả văn bản. Quy tắc báo khi cùng một tên được viết hoa khác nhau (`Ban Thường vụ` và `Ban thường vụ`), sửa theo cách viết trong danh mục nếu có, nếu không theo cách viết nhiều nhất trong văn bản. Chỉ so các cách viết thường lẫn hoa: tên viết toàn chữ in hoa (trích yếu, đề mục) không được xét; hai tên khác nhau một chữ cái hay một dấu là gõ nhầm chứ không phải viết hoa (việc của `text-phrase`, `text-spelling`); hai cách đặt dấu thanh (`Uỷ ban`, `Ủy ban`) được coi là một cách viết, việc lẫn hai cách là của `text-tone-style`, và bản sửa giữ cách đặt dấu như đã viết.',
    en: 'Names of bodies capitalise the words for their kind and their field (Decree 30/2020/NĐ-CP, Appendix II, II.3: `Ban Thường vụ`, `Sở Giáo dục và Đào tạo`), and one body is written one way throughout a document. Reported when the same name is capitalised differently (`Ban Thường vụ` and `Ban thường vụ`); the fix follows the registry\'s spelling where it has one, else the document\'s most frequent one. Only mixed-case writing is compared: a name written wholly in capitals (a trích yếu, a heading) is left alone, and names that differ in a letter or a mark are a slip, not capitals (`text-phrase`, `text-spelling`); the two tone-mark placements (`Uỷ ban`, `Ủy ban`) count as one spelling, their mix being `text-tone-style`\'s to report, and the fix keeps the placement as written.',
  },
  basis: registryBasisWhen({ vi: 'danh mục biết cơ quan và một cách viết của văn bản là cách viết của danh mục (sửa nhanh theo nó)', en: 'the registry knows the body and one of the document\'s spellings is the registry\'s (the fix follows it)' }),
  check({ document, registry, report }) {
    const groups = new Map<string, AgencyMention[]>();
    for (const m of document.agencies) {
      if (m.role === 'assignee') continue; // a heading's title may carry the typed number and verb
      // A name written wholly in capitals (a trích yếu, a heading) says nothing of how it is capitalised.
      if (m.name === m.name.toUpperCase()) continue;
      // Same letters, marks and tones, whatever the case and the tone placement: other letters are a slip, not capitals.
      const key = modernPlacement(m.name).toLowerCase();
      // Pushed, not copied: a plan may name one body thousands of times.
      const group = groups.get(key);
      if (group) group.push(m);
      else groups.set(key, [m]);
    }
    for (const mentions of groups.values()) {
      const spellings = new Map<string, number>();
      for (const m of mentions) spellings.set(modernPlacement(m.name), (spellings.get(modernPlacement(m.name)) ?? 0) + 1);
      if (spellings.size < 2) continue;
      const known = registry.findAgency(mentions[0].name);
      const fromRegistry = known && [known.name, ...known.aliases].map(modernPlacement).find((n) => spellings.has(n));
      const majority = [...spellings.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const right = fromRegistry ?? majority;
      for (const m of mentions) {
        if (modernPlacement(m.name) === right) continue;
        // The writer's tone placement is kept: a mix of placements is text-tone-style's to report.
        const written = inPlacementOf(m.name, right);
        report(m.range, { vi: `"${m.name}" viết hoa khác với "${written}" trong cùng văn bản`, en: `"${m.name}" is capitalised unlike "${written}" elsewhere in the document` }, [
          { title: `Viết "${written}" / Write "${written}"`, edits: [{ range: m.range, newText: written }], safe: true },
        ], fromRegistry ? { basis: basisOf(known) } : undefined);
      }
    }
  },
};

/** The name with every `oa`, `oe`, `uy` marked the modern way (`Uỷ ban` → `Ủy ban`), case kept. */
function modernPlacement(name: string): string {
  return name.replace(/[\p{L}\p{M}]+/gu, (w) => toToneStyle(w, 'modern'));
}

/** `model`'s letters in the tone placement `typed` uses word by word (`Uỷ ban nhân dân Tỉnh`, `Ủy ban nhân dân tỉnh` → `Uỷ ban nhân dân tỉnh`). */
function inPlacementOf(typed: string, model: string): string {
  const typedWords = typed.match(/[\p{L}\p{M}]+/gu) ?? [];
  let k = 0;
  return model.replace(/[\p{L}\p{M}]+/gu, (w) => {
    const s = parseSyllable(typedWords[k++] ?? '');
    const style = s && toneStyleOf(s);
    return style ? toToneStyle(w, style) : w;
  });
}
