import type { Position } from '../../model';
import { CLAUSE_VERBS } from '../../syntax/agencies';
import { after } from '../../syntax/build-context';
import type { Rule } from '../rule';
import { RawSpan } from '../structure-text';

/** The two syllables after a body's name, a capital on the first only (`Báo cáo`). */
const NEXT_WORDS = /^[ \t]+(\p{Lu}\p{Ll}*)[ \t]+(\p{Ll}+)(?![\p{L}\p{M}])/u;
/** How far after a body's name the two syllables are looked for (in NFD too): the rest of a long line is not copied for each name on it. */
const NEXT_WORDS_REACH = 64;

/**
 * A verb that opens a task's clause (`báo cáo`, `phối hợp`, `tổ chức`…)
 * written with a capital right after the name of a body, in the middle of a
 * sentence: `Tham mưu UBND Thành phố Báo cáo Bộ Tài chính`. Only the first
 * syllable has the capital, so it is not part of the body's name (`Ban Chỉ
 * đạo`, `Sở Xây dựng` are names the agency list knows whole); it is left alone
 * where it names a document (`Báo cáo số 12/BC-UBND`) and after the issuer of
 * a citation, whose title may follow (`Kế hoạch số 5/KH-UBND của UBND thành
 * phố Cần Thơ Thực hiện Chương trình …`).
 */
export const textCapitalVerb: Rule = {
  id: 'text-capital-verb',
  title: { vi: 'Động từ viết hoa giữa câu', en: 'A verb capitalised mid-sentence' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const inCitation = (p: Position) => document.citations.some((c) => !after(c.range.start, p) && after(c.range.end, p));
    for (const agency of document.agencies) {
      const end = agency.range.end;
      const rest = new RawSpan(source, { start: end, end: { line: end.line, character: end.character + NEXT_WORDS_REACH } });
      const m = NEXT_WORDS.exec(rest.text);
      if (!m) continue;
      const [typed, first, second] = m;
      if (!CLAUSE_VERBS.has(`${first} ${second}`.toLocaleLowerCase('vi'))) continue;
      const start = typed.indexOf(first);
      const range = rest.rangeOf(start, typed.length);
      // A citation names a document (`Báo cáo số 15/BC-UBND`) and its issuer may be followed by its title (`… của UBND thành phố Cần Thơ Thực hiện Chương trình …`).
      if (inCitation(range.start)) continue;
      const right = `${first.toLocaleLowerCase('vi')} ${second}`;
      report(
        range,
        {
          vi: `"${first} ${second}" viết hoa giữa câu, sau tên cơ quan "${agency.name}": viết "${right}"`,
          en: `"${first} ${second}" is capitalised mid-sentence, after the body "${agency.name}": write "${right}"`,
        },
        [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range: rest.rangeOf(start, start + first.length), newText: first.toLocaleLowerCase('vi') }], safe: true }],
      );
    }
  },
};
