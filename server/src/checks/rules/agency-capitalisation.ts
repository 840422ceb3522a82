import type { AgencyMention } from '../../model';
import { basisOf, registryBasisWhen } from '../../domain/registry-facts';
import { agencyNamed } from '../registry-lookups';
import type { Rule } from '../rule';
import { parseSyllable, perWord, toneStyleOf, toToneStyle } from '../vietnamese';

export const agencyCapitalisation: Rule = {
  id: 'agency-capitalisation',
  title: { vi: 'Viết hoa tên cơ quan không thống nhất', en: 'Inconsistent capitalisation of an agency name' },
  defaultSeverity: 'warning',
  basis: registryBasisWhen({
    vi: 'danh mục biết cơ quan và một cách viết của văn bản là cách viết của danh mục (sửa nhanh theo nó)',
    en: "the registry knows the body and one of the document's spellings is the registry's (the fix follows it)",
  }),
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
      const known = agencyNamed(registry, mentions[0].name);
      const fromRegistry = known && [known.name, ...known.aliases].map(modernPlacement).find((n) => spellings.has(n));
      const majority = [...spellings.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const right = fromRegistry ?? majority;
      for (const m of mentions) {
        if (modernPlacement(m.name) === right) continue;
        // The writer's tone placement is kept: a mix of placements is text-tone-style's to report.
        const written = inPlacementOf(m.name, right);
        report(
          m.range,
          { vi: `"${m.name}" viết hoa khác với "${written}" trong cùng văn bản`, en: `"${m.name}" is capitalised unlike "${written}" elsewhere in the document` },
          [{ title: `Viết "${written}" / Write "${written}"`, edits: [{ range: m.range, newText: written }], safe: true }],
          fromRegistry ? { basis: basisOf(known) } : undefined,
        );
      }
    }
  },
};

/** The name with every `oa`, `oe`, `uy` marked the modern way (`Uỷ ban` → `Ủy ban`), case kept; once per name, as a plan names one body many times and is checked on every keystroke. */
const modernPlacement = perWord((name: string) => name.replace(/[\p{L}\p{M}]+/gu, (w) => toToneStyle(w, 'modern')));

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
