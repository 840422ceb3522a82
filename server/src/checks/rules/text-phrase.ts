import type { Range } from '../../model';
import { findPhraseSlips } from '../phrase-lexicon';
import { findPlaceSlips } from '../place-slips';
import { findContextSlips } from '../syllable-bigrams';
import type { Rule } from '../rule';
import { perRun, toneStyleCounts, wordRuns } from '../text-lines';
import { isKnownSyllable } from '../vi-dictionary';
import { expectedToneStyle, inCaseOf, toToneStyle } from '../vietnamese';

export const textPhrase: Rule = {
  id: 'text-phrase',
  title: { vi: 'Gõ nhầm trong cụm từ quen dùng', en: 'Slip in a frequent phrase' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Lỗi mà trình kiểm tra chính tả theo âm tiết bỏ sót vì từng âm tiết đều có thật: `TRONG TÂM` (trọng tâm), `Công thông tin` (Cổng thông tin), `chuyên đổi số` (chuyển đổi số), `có thể mạnh` (có thế mạnh). Kehoach giữ một danh mục vài trăm cụm từ hay dùng trong văn bản hành chính (`server/data/phrases.json`); một cụm trong văn bản có cùng chữ cái với một cụm của danh mục nhưng khác dấu thanh ở đúng một âm tiết thì được báo. Để tránh báo nhầm, không báo khi chính cụm đó là cụm đúng đã biết (`chi tiêu` bên cạnh `chỉ tiêu`, `khóa học` bên cạnh `khoa học`), hoặc khi âm tiết ở biên thuộc về một từ ghép khác với chữ bên ngoài (`trong tâm hồn`, `có thể mạnh dạn`, `việc lạm dụng`); chữ không dấu hoàn toàn và tên loại văn bản trong trích dẫn (việc của `citation-diacritics`) cũng không xét. Cụm mà dạng nhầm cũng là từ có thật nhưng ít gặp chỉ được báo ở mức thông tin. Ngoài danh mục, quy tắc dựa vào thống kê từ của văn bản chính thức (`server/data/syllable-bigrams.json`: tần số của từng âm tiết và từng cặp âm tiết liền nhau trong khoảng hai mươi triệu âm tiết của luật, nghị định, thông tư; xem `scripts/gen-syllable-bigrams.ts`): một âm tiết được báo khi một biến thể gần của nó (khác dấu thanh, dấu nguyên âm, hoặc một phụ âm đầu, phụ âm cuối hay lẫn: s/x, ch/tr, d/gi/r, l/n, n/ng, c/t) cùng với chữ bên cạnh làm thành một cặp rất hay gặp mà chữ như đã gõ không bao giờ làm thành (`trong qua trình` → `quá trình`, `dần đến` → `dẫn đến`, `sử lý` → `xử lý`, `UBND tính` → `UBND tỉnh`), còn phía bên kia không giữ chữ đã gõ lại. Tên địa danh của chính kế hoạch (ở `Địa danh:` và sau cấp hành chính trong tên cơ quan ban hành: `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU` → `Lai Châu`) được so với cách viết trong văn bản: một chỗ viết khác ở một âm tiết theo cùng kiểu (`Lai Chầu`, `LAI CHAU`) được báo, trừ khi đó là tên một tỉnh khác hoặc văn bản viết cách đó nhiều hơn. Để tránh báo nhầm: không xét tên riêng (chữ viết hoa đứng cạnh chữ viết hoa), từ viết tắt, chữ phổ biến hơn biến thể của nó nhiều lần (`đăng tại` không bị sửa thành `đăng tải`), hai chỗ nghi ngờ đứng liền nhau. Căn cứ: quy ước chính tả. Sửa nhanh: đổi âm tiết sai (không tự động: người soạn xác nhận).',
    en: 'Slips that a syllable spell checker misses because each syllable exists: `TRONG TÂM` (trọng tâm), `Công thông tin` (Cổng thông tin), `chuyên đổi số` (chuyển đổi số), `có thể mạnh` (có thế mạnh). Kehoach keeps a lexicon of a few hundred frequent phrases of administrative Vietnamese (`server/data/phrases.json`); a phrase of the text with the same letters as a lexicon phrase but another tone on exactly one syllable is reported. To avoid false alarms nothing is reported when the phrase as typed is itself a known right phrase (`chi tiêu` beside `chỉ tiêu`, `khóa học` beside `khoa học`), or when a syllable at its edge belongs to another compound with a word outside it (`trong tâm hồn`, `có thể mạnh dạn`, `việc lạm dụng`); text without any mark and type words in citations (the business of `citation-diacritics`) are left alone. Phrases whose look-alike is a rarer real word are reported as information. Beyond the lexicon the rule reads word statistics of official text (`server/data/syllable-bigrams.json`: how often each syllable and each pair of adjacent syllables occurs in some twenty million syllables of laws, decrees and circulars; see `scripts/gen-syllable-bigrams.ts`): a syllable is reported when a close variant (another tone or vowel mark, or an often confused initial or final: s/x, ch/tr, d/gi/r, l/n, n/ng, c/t) makes with its neighbour a very frequent pair that the word as typed never makes (`trong qua trình` → `quá trình`, `dần đến` → `dẫn đến`, `sử lý` → `xử lý`, `UBND tính` → `UBND tỉnh`), and its other neighbour does not hold the typed word. The plan\'s own place name (in `Địa danh:` and after the level in the issuer\'s name: `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU` → `Lai Châu`) is compared with how the text writes it: a spelling that differs in one syllable in the same way (`Lai Chầu`, `LAI CHAU`) is reported, unless it is another province\'s name or the text writes it more often. To avoid false alarms, names (a capital beside a capital), acronyms, words much commoner than their variant (`đăng tại` is not turned into `đăng tải`) and two suspects side by side are left alone. Source: spelling convention. Fix: the right syllable (not automatic: the drafter confirms).',
  },
  check({ document, source, config, registry, report }) {
    const runs = wordRuns(document, source);
    const style = expectedToneStyle(toneStyleCounts(document, source), config.toneStyle);
    const typeWords = document.citations.map((c) => c.typeWordRange);
    for (const run of runs) {
      const slips = perRun(run, 'phrase-slips', () => findPhraseSlips(run, isKnownSyllable, true));
      for (const slip of slips) {
        const wrong = run[slip.at];
        const wrongRange = source.range(run.start + wrong.start, run.start + wrong.end);
        if (typeWords.some((r) => overlaps(r, wrongRange))) continue;
        const right = inCaseOf(wrong.text, toToneStyle(slip.right, style));
        const typed = run.slice(slip.from, slip.to).map((w) => w.text);
        const corrected = typed.map((t, k) => (slip.from + k === slip.at ? right : t)).join(' ');
        report(source.range(run.start + run[slip.from].start, run.start + run[slip.to - 1].end), {
          vi: `Có lẽ gõ nhầm: "${typed.join(' ')}" → "${corrected}"`,
          en: `Likely a slip: "${typed.join(' ')}" → "${corrected}"`,
        }, [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range: wrongRange, newText: right }], safe: false }], slip.low ? { severity: 'information' } : undefined);
      }
      // The statistics' slips, where the lexicon found none.
      for (const slip of perRun(run, 'context-slips', () => findContextSlips(run))) {
        if (slips.some((s) => s.to > Math.min(slip.at, slip.by) && s.from <= Math.max(slip.at, slip.by))) continue;
        const wrong = run[slip.at];
        const wrongRange = source.range(run.start + wrong.start, run.start + wrong.end);
        if (typeWords.some((r) => overlaps(r, wrongRange))) continue;
        const right = inCaseOf(wrong.text, toToneStyle(slip.right, style));
        const [first, last] = slip.at < slip.by ? [slip.at, slip.by] : [slip.by, slip.at];
        const typed = run.slice(first, last + 1).map((w) => w.text).join(' ');
        const corrected = run.slice(first, last + 1).map((w, k) => (first + k === slip.at ? right : w.text)).join(' ');
        report(source.range(run.start + run[first].start, run.start + run[last].end), {
          vi: `Có lẽ gõ nhầm: "${typed}" → "${corrected}" (văn bản hành chính rất hay viết "${corrected}", hầu như không viết "${typed}")`,
          en: `Likely a slip: "${typed}" → "${corrected}" (official text writes "${corrected}" often, "${typed}" hardly ever)`,
        }, [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range: wrongRange, newText: right }], safe: false }]);
      }
    }
    // The plan's own place, as its header spells it.
    for (const slip of findPlaceSlips(document, runs, registry)) {
      const { run } = slip;
      const wrong = run[slip.at];
      const wrongRange = source.range(run.start + wrong.start, run.start + wrong.end);
      const right = inCaseOf(wrong.text, toToneStyle(slip.right, style));
      const typed = run.slice(slip.from, slip.to).map((w) => w.text).join(' ');
      const corrected = run.slice(slip.from, slip.to).map((w, k) => (slip.from + k === slip.at ? right : w.text)).join(' ');
      report(source.range(run.start + run[slip.from].start, run.start + run[slip.to - 1].end), {
        vi: `Có lẽ gõ nhầm tên địa danh: "${typed}" → "${corrected}" (như phần đầu văn bản viết)`,
        en: `Likely a slip in the place name: "${typed}" → "${corrected}" (as the header writes it)`,
      }, [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range: wrongRange, newText: right }], safe: false }]);
    }
  },
};

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end) && !(a.end.line === b.start.line && a.end.character === b.start.character) && !(b.end.line === a.start.line && b.end.character === a.start.character);
}
