import type { AgencyMention } from '../../model';
import { fold } from '../../syntax/inline';
import type { Rule } from '../rule';

export const agencyCapitalisation: Rule = {
  id: 'agency-capitalisation',
  title: { vi: 'Viết hoa tên cơ quan không thống nhất', en: 'Inconsistent capitalisation of an agency name' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Tên cơ quan, tổ chức viết hoa chữ cái đầu của các từ, cụm từ chỉ loại hình và chức năng, lĩnh vực (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục II.3: `Ban Thường vụ`, `Sở Giáo dục và Đào tạo`), và một cơ quan phải được viết cùng một cách trong cả văn bản. Quy tắc báo khi cùng một tên được viết hoa khác nhau (`Ban Thường vụ` và `Ban thường vụ`), sửa theo cách viết trong danh mục nếu có, nếu không theo cách viết nhiều nhất trong văn bản.',
    en: 'Names of bodies capitalise the words for their kind and their field (Decree 30/2020/NĐ-CP, Appendix II, II.3: `Ban Thường vụ`, `Sở Giáo dục và Đào tạo`), and one body is written one way throughout a document. Reported when the same name is capitalised differently (`Ban Thường vụ` and `Ban thường vụ`); the fix follows the registry\'s spelling where it has one, else the document\'s most frequent one.',
  },
  check({ document, registry, report }) {
    const groups = new Map<string, AgencyMention[]>();
    for (const m of document.agencies) {
      if (m.role === 'assignee') continue; // a heading's title may carry the typed number and verb
      const key = fold(m.name);
      // Pushed, not copied: a plan may name one body thousands of times.
      const group = groups.get(key);
      if (group) group.push(m);
      else groups.set(key, [m]);
    }
    for (const mentions of groups.values()) {
      const spellings = new Map<string, number>();
      for (const m of mentions) spellings.set(m.name, (spellings.get(m.name) ?? 0) + 1);
      if (spellings.size < 2) continue;
      const known = registry.findAgency(mentions[0].name);
      const fromRegistry = known && [known.name, ...known.aliases].find((n) => spellings.has(n));
      const majority = [...spellings.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const right = fromRegistry ?? majority;
      for (const m of mentions) {
        if (m.name === right) continue;
        report(m.range, { vi: `"${m.name}" viết hoa khác với "${right}" trong cùng văn bản`, en: `"${m.name}" is capitalised unlike "${right}" elsewhere in the document` }, [
          { title: `Viết "${right}" / Write "${right}"`, edits: [{ range: m.range, newText: right }], safe: true },
        ]);
      }
    }
  },
};
