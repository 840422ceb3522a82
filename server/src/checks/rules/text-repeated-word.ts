import { isKnownPhrase } from '../phrase-lexicon';
import type { Rule } from '../rule';
import type { SourceText } from '../../syntax/source-text';
import { perRun, wordRuns, type Run, type Word } from '../text-lines';
import { canonical, parseSyllable } from '../vietnamese';

/**
 * Words that Vietnamese doubles on purpose (láy hoàn toàn): `người người`,
 * `nhà nhà`, `ngày ngày`, `dần dần`, `luôn luôn`, `chung chung`, and nouns
 * that are doubled syllables (`ba ba`, `chuồn chuồn`).
 */
const REDUPLICATION = new Set(
  [
    'người', 'nhà', 'ai', 'đâu', 'nơi', 'ngày', 'đêm', 'tháng', 'năm', 'đời', 'mãi', 'luôn', 'dần', 'từ', 'thường',
    'chung', 'xa', 'đều', 'lâu', 'ào', 'sáng', 'chiều', 'tối', 'ba', 'cào', 'chuồn', 'cốc', 'vừa', 'khá', 'sơ', 'đỏ',
    'xanh', 'vàng', 'trắng', 'nhỏ', 'to', 'cao', 'thấp', 'xinh', 'hay', 'ít', 'chút', 'tí', 'đi', 'mau', 'thôi', 'rồi',
    'song', 'kền', 'tê', 'kiền',
  ].map(canonical),
);

export const textRepeatedWord: Rule = {
  id: 'text-repeated-word',
  title: { vi: 'Từ lặp', en: 'Repeated word' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Một từ hoặc cụm hai từ viết hai lần liền nhau (`các các`, `triển khai triển khai`), không kể chữ hoa, chữ thường: thường là lỗi khi sửa bản thảo hoặc dán văn bản. Không xét số, chữ cái đánh mục, từ không phải tiếng Việt và các từ láy hoàn toàn có nghĩa (`người người`, `ngày ngày`, `dần dần`, `luôn luôn`, `chung chung`). Không báo khi phần lặp nằm ở ranh giới từ: chữ đứng trước hoặc chữ đứng sau tạo thành từ ghép với nó (`trực tiếp tiếp công dân`, `nhà đầu tư tư nhân`, `học sinh sinh viên`; danh sách từ ghép lấy từ kho văn bản luật, `server/data/phrase-compounds.json`) hoặc là danh từ chỉ người làm (`người khiếu nại khiếu nại`), hoặc khi phần đầu kết thúc một tên riêng viết hoa (`Bộ Xây dựng xây dựng`); cụm hai từ lặp ngay sau dấu phẩy (`cơ quan, tổ chức tổ chức thực hiện`: danh từ rồi động từ) chỉ báo ở mức thông tin. Căn cứ: quy ước chính tả (Nghị định 30/2020/NĐ-CP, Phụ lục I yêu cầu văn bản hành chính viết đúng chính tả tiếng Việt). Sửa nhanh: xóa phần lặp (an toàn, trừ trường hợp chỉ báo ở mức thông tin).',
    en: 'The same word or two-word phrase twice in a row (`các các`, `triển khai triển khai`), regardless of case: usually an editing or pasting slip. Numbers, item letters, non-Vietnamese words and meaningful full reduplication (`người người`, `ngày ngày`, `dần dần`, `luôn luôn`, `chung chung`) are left alone. Nothing is reported at a word boundary: when the word before or after makes a compound with the doubled one (`trực tiếp tiếp công dân`, `nhà đầu tư tư nhân`, `học sinh sinh viên`; compounds from a corpus of laws, `server/data/phrase-compounds.json`) or heads an agent noun (`người khiếu nại khiếu nại`), or when the first ends a capitalised name (`Bộ Xây dựng xây dựng`); a two-word repetition right after a comma (`cơ quan, tổ chức tổ chức thực hiện`: a noun, then the verb) is information only. Source: spelling convention (Decree 30/2020/NĐ-CP, Appendix I requires correct Vietnamese spelling). Fix: delete the repetition (safe, except for the information-level case).',
  },
  check({ document, source, report }) {
    for (const run of wordRuns(document, source)) {
      for (const found of perRun(run, 'repeated-words', () => repeats(source, run))) {
        const i = found.at;
        if (found.phrase) {
          const phrase = `${run[i - 1].text} ${run[i].text}`;
          report(source.range(run.start + run[i - 1].start, run.start + run[i].end), {
            vi: `Cụm từ lặp: "${phrase}" viết hai lần`,
            en: `Repeated phrase: "${phrase}" written twice`,
          }, [{ title: `Xóa "${phrase}" thừa / Delete the extra "${phrase}"`, edits: [{ range: source.range(run.start + run[i - 2].end, run.start + run[i].end), newText: '' }], safe: !found.afterList }], found.afterList ? { severity: 'information' } : undefined);
        } else {
          const word = run[i].text;
          report(source.range(run.start + run[i].start, run.start + run[i].end), {
            vi: `Từ lặp: "${run[i - 1].text} ${word}"`,
            en: `Repeated word: "${run[i - 1].text} ${word}"`,
          }, [{ title: `Xóa "${word}" thừa / Delete the extra "${word}"`, edits: [{ range: source.range(run.start + run[i - 1].end, run.start + run[i].end), newText: '' }], safe: true }]);
        }
      }
    }
  },
};

/**
 * The doubled words and two-word phrases of a run: `at` is the index of the
 * last word of the repeat; `afterList` when a comma before it suggests a
 * list of nouns and then the verb. Depends on the run's text alone (`perRun`).
 */
function repeats(source: SourceText, run: Run): { at: number; phrase: boolean; afterList: boolean }[] {
  const found: { at: number; phrase: boolean; afterList: boolean }[] = [];
  const key = run.map((w) => canonical(w.text));
  const joined = (k: number) => k > 0 && k < run.length && run[k].adjacent;
  /** A doubled unit at a word boundary: the word before it or the word after it makes a compound with it, or an agent noun (`người khiếu nại khiếu nại`). */
  const atBoundary = (first: number, last: number) =>
    (joined(first) && first >= 1 && (AGENT.has(key[first - 1]) || isKnownPhrase([key[first - 1], key[first]]))) ||
    (joined(last + 1) && isKnownPhrase([key[last], key[last + 1]]));
  /** The first unit ends a capitalised name and the second, in lower case, is the verb (`Bộ Xây dựng xây dựng`). */
  const endsName = (first: number, second: number) =>
    /^\p{Lu}/u.test(run[first].text) && !/^\p{Lu}/u.test(run[second].text) && joined(first) && /^\p{Lu}/u.test(run[first - 1].text);
  let i = 1;
  while (i < run.length) {
    // Two-word phrase: a b a b.
    if (
      i >= 3 &&
      joined(i) && joined(i - 1) && joined(i - 2) &&
      key[i - 3] === key[i - 1] && key[i - 2] === key[i] && key[i - 3] !== key[i - 2] &&
      countable(run[i - 3]) && countable(run[i - 2]) &&
      !atBoundary(i - 3, i) && !endsName(i - 3, i - 1)
    ) {
      // After a comma the first may end a list of nouns and the second be the verb (`cơ quan, tổ chức tổ chức thực hiện`).
      const afterList = i >= 4 && source.text.slice(run.start + run[i - 4].end, run.start + run[i - 3].start).includes(',');
      found.push({ at: i, phrase: true, afterList });
      i += 2;
      continue;
    }
    if (joined(i) && key[i - 1] === key[i] && countable(run[i]) && !REDUPLICATION.has(key[i]) && !atBoundary(i - 1, i) && !endsName(i - 1, i)) {
      found.push({ at: i, phrase: false, afterList: false });
      i += 1;
    }
    i++;
  }
  return found;
}

/** Heads of agent nouns: `người khiếu nại khiếu nại`, `bên bán bán`. */
const AGENT = new Set(['người', 'bên']);

/** Words, not numbers, item letters, initials, or the doubled name of a Latin binomial (`Lutra lutra`). */
function countable(w: Word): boolean {
  if (/\p{N}/u.test(w.text)) return false;
  if (w.text.length === 1 && /[A-Za-z]/.test(w.text)) return false;
  if (/^[a-z]+$/i.test(w.text) && !parseSyllable(w.text)) return false;
  return true;
}
