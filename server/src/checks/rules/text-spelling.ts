import type { Fix } from '../../model';
import { isKnownPhrase, phraseCorrection } from '../phrase-lexicon';
import type { Rule } from '../rule';
import type { SourceText } from '../../syntax/source-text';
import { isNameWord, perRun, toneStyleCounts, wordRuns, type Run, type Word } from '../text-lines';
import { wordMeant } from '../syllable-bigrams';
import { isKnownSyllable, suggestSyllables } from '../vi-dictionary';
import { canonical, expectedToneStyle, hasVietnameseLetter, hasVowelMark, inCaseOf, parseSyllable, perWord, toToneStyle } from '../vietnamese';
import { syllableDefect } from './text-syllable';

/** Letters no other language a plan may quote uses: a word with one of them is Vietnamese or garbage. */
const ONLY_VIETNAMESE = /[đăâêôơưĐĂÂÊÔƠƯ]/u;

/** Whether the dictionary should judge this word at all. */
export const spellable = perWord(isSpellable);

function isSpellable(word: string): boolean {
  if (word.length < 2 || /\p{N}/u.test(word) || !hasVietnameseLetter(word)) return false;
  const rest = word.slice(1);
  const allCaps = word.length > 1 && word === word.toUpperCase();
  // Acronyms and symbols (`CNVCLĐ`, `LĐLĐ`, `TTg`): capitals after the first letter without a vowel mark.
  if (allCaps && !hasVowelMark(word)) return false;
  if (!allCaps && rest !== rest.toLowerCase()) return false;
  const capitalised = word[0] !== word[0].toLowerCase();
  // A proper noun or a loanword of another shape (`Đắk`, `Krông`, `kilôgam`): not the dictionary's business;
  // two syllables run together (`dânthảo`) are.
  if (!parseSyllable(word)) return !capitalised && !allCaps && ONLY_VIETNAMESE.test(word) && splitInTwo(word) !== undefined;
  return true;
}

/**
 * Two known syllables that make up the word (`dântại` → `dân tại`); when several splits exist, the one
 * that is a known phrase (`nhànước` → `nhà nước`, not `nhàn ước`). Not for short loanwords (`nitơ`).
 */
export function splitInTwo(word: string): [string, string] | undefined {
  if (word.length < 6) return undefined;
  const splits: [string, string][] = [];
  for (let k = 2; k <= word.length - 2; k++) {
    const a = word.slice(0, k);
    const b = word.slice(k);
    if (parseSyllable(a) && parseSyllable(b) && isKnownSyllable(a) && isKnownSyllable(b)) splits.push([a, b]);
  }
  if (splits.length === 1) return splits[0];
  const phrases = splits.filter(([a, b]) => isKnownPhrase([canonical(a), canonical(b)]));
  return phrases.length === 1 ? phrases[0] : undefined;
}

/** A word of `run` the dictionary should know and does not. */
function misspelt(source: SourceText, run: Run, w: Word): boolean {
  if (!spellable(w.text) || syllableDefect(w.text) || isKnownSyllable(w.text)) return false;
  // Part of a hyphenated transliteration (`ô-dôn`, `Ô-lim-pích`).
  return source.text[run.start + w.start - 1] !== '-' && source.text[run.start + w.end] !== '-';
}

export const textSpelling: Rule = {
  id: 'text-spelling',
  title: { vi: 'Chính tả (từ điển)', en: 'Spelling (dictionary)' },
  defaultSeverity: 'information',
  doc: {
    vi: 'Âm tiết không có trong từ điển chính tả tiếng Việt (`dictionary-vi`, danh sách âm tiết của bộ kiểm tra chính tả Hunspell tiếng Việt; đọc bằng `nspell`). Trước khi tra, chữ được chuẩn hóa về NFC và về cách đặt dấu cũ mà từ điển dùng (`hóa` tra thành `hoá`), nên cả hai cách đặt dấu đều đúng; chữ hoa được tra ở dạng chữ thường. Hai âm tiết viết liền (`nhànước`) được báo kèm cách tách. Không xét số, chữ cái đơn (`đ`), ký hiệu (`21-CT/TW`), từ viết tắt viết hoa (`CNVCLĐ`), từ không có dấu tiếng Việt (có thể là tiếng nước ngoài: `Facebook`), tên riêng và từ vay mượn không có dạng âm tiết chuẩn (`Đắk`, `kilôgam`), âm tiết trong từ phiên âm có gạch nối (`Ô-lim-pích`), và các âm tiết sai cấu trúc mà `text-syllable` đã báo. Một số âm tiết có thật mà từ điển thiếu (`nòng`, `cược`, `sỹ`, `rôn` trong `băng rôn`) được bổ sung. Vì từ điển chấp nhận mọi âm tiết có thật, lỗi kiểu `thể mạnh` thuộc về `text-phrase`. Một chữ viết hoa ở giữa câu mà từ điển không biết thường là tên riêng (`Hoằng Hóa`, `Lê Duẩn`, `Úc`): chỉ được gợi ý (mức gợi ý, một lần cho mỗi tên), không kèm từ thay thế, để không bao giờ biến một tên thành một từ thường. Căn cứ: quy ước chính tả. Sửa nhanh khi cụm từ quanh nó cho biết từ đúng (`nhiêm vụ` → `nhiệm vụ`), hoặc khi thống kê từ của văn bản chính thức (xem `text-phrase`) cho thấy rõ một biến thể gần hợp với các chữ bên cạnh (`người đân` → `dân`); không tự động. Từ có trong từ điển của thư mục (các tệp `dictionary` của kehoach.json, mỗi dòng một từ) không bị báo; sửa nhanh "Thêm vào từ điển" ghi từ vào đó.',
    en: 'A syllable that the Vietnamese spelling dictionary lacks (`dictionary-vi`, the syllable list of the Vietnamese Hunspell checker, read with `nspell`). Words are looked up in NFC and in the classic placement the dictionary knows (`hóa` is looked up as `hoá`), so both placements pass; capitals are looked up in lower case. Two syllables run together (`nhànước`) are reported with the split. Numbers, single letters (`đ`), symbols (`21-CT/TW`), capitalised acronyms (`CNVCLĐ`), words without Vietnamese marks (perhaps foreign: `Facebook`), proper nouns and loanwords of another shape (`Đắk`, `kilôgam`), syllables of hyphenated transliterations (`Ô-lim-pích`) and the impossible syllables that `text-syllable` reports are left alone. A few real syllables the dictionary lacks (`nòng`, `cược`, `sỹ`, the `rôn` of `băng rôn`) are added. The dictionary accepts every existing syllable, so slips such as `thể mạnh` belong to `text-phrase`. A capitalised word inside a sentence that the dictionary lacks is most likely a name (`Hoằng Hóa`, `Lê Duẩn`, `Úc`): it is only a hint (once per name), with no replacement offered, so that a name is never turned into a common word. Source: spelling convention. Fix when the surrounding phrase shows the word (`nhiêm vụ` → `nhiệm vụ`), or when the word statistics of official text (see `text-phrase`) clearly favour one close variant beside the neighbours (`người đân` → `dân`); never applied automatically. A word in the workspace dictionary (the `dictionary` files of kehoach.json, one word a line) is not reported; the quick fix "Add to the dictionary" writes one there.',
  },
  check({ document, source, config, report }) {
    const runs = wordRuns(document, source);
    const style = expectedToneStyle(toneStyleCounts(document, source), config.toneStyle);
    // The workspace's own words (kehoach.json `dictionary`): names of its places and people, its abbreviations.
    const added = new Set((config.words ?? []).map((word) => word.toLocaleLowerCase('vi')));
    const names = new Set<string>();
    for (const run of runs) {
      perRun(run, 'misspelt', () => run.flatMap((w, index) => (misspelt(source, run, w) ? [index] : []))).forEach((index) => {
        const w = run[index];
        if (added.has(w.text.toLocaleLowerCase('vi'))) return;
        const range = source.range(run.start + w.start, run.start + w.end);
        const fixes: Fix[] = [];
        const merged = parseSyllable(w.text) ? undefined : splitInTwo(w.text);
        if (merged) {
          const spaced = merged.join(' ');
          report(range, { vi: `"${w.text}" là hai âm tiết viết liền: "${spaced}"`, en: `"${w.text}" is two syllables run together: "${spaced}"` }, [
            { title: `Viết "${spaced}" / Write "${spaced}"`, edits: [{ range, newText: spaced }], safe: false },
          ]);
          return;
        }
        // A capitalised word inside a sentence is most likely a name the dictionary does not know
        // (`Hoằng Hóa`, `Lê Duẩn`): a hint, and never a common word offered in its place.
        if (isNameWord(source, run, index)) {
          if (names.has(w.text)) return; // once per name
          names.add(w.text);
          report(range, { vi: `"${w.text}" không có trong từ điển chính tả (có thể là tên riêng)`, en: `"${w.text}" is not in the spelling dictionary (perhaps a name)` }, [], { severity: 'hint' });
          return;
        }
        const slip = phraseCorrection(run, index);
        if (slip) {
          const right = inCaseOf(w.text, toToneStyle(slip.right, style));
          fixes.push({ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: false });
        }
        // Without a phrase that shows the word, its neighbours may (`người đân` → `dân`): then it leads the suggestions and is offered as a fix.
        const meant = slip ? undefined : wordMeant(run, index, suggestSyllables(w.text));
        if (meant) {
          const right = inCaseOf(w.text, toToneStyle(meant, style));
          fixes.push({ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: false });
        }
        const suggestions = slip ? [] : [...new Set([...(meant ? [meant] : []), ...suggestSyllables(w.text)])].slice(0, 3).map((s) => inCaseOf(w.text, toToneStyle(s, style)));
        const hint = slip
          ? { vi: ` (trong cụm "${slip.phrase}")`, en: ` (in the phrase "${slip.phrase}")` }
          : suggestions.length
            ? { vi: `; gợi ý: ${suggestions.join(', ')}`, en: `; suggestions: ${suggestions.join(', ')}` }
            : { vi: '', en: '' };
        report(range, { vi: `"${w.text}" không có trong từ điển chính tả${hint.vi}`, en: `"${w.text}" is not in the spelling dictionary${hint.en}` }, fixes);
      });
    }
  },
};
