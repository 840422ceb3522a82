import type { PlanDocument } from '../../model';
import { fold, foldedIncludes } from '../../syntax/inline';
import { memoized } from '../../syntax/memo';
import type { SourceText } from '../../syntax/source-text';
import type { Bilingual, Rule } from '../rule';
import { perRun, textLines, wordRuns, wordsWhere, type Run, type TextLine } from '../text-lines';
import { perWord } from '../vietnamese';

/** The Tiêu ngữ as Decree 30/2020/NĐ-CP writes it. */
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The motto, folded, whatever its capitals, dashes and spacing (the three phrases joined by a dash or by spaces only). */
const FOLDED_MOTTO = /(?<![\p{L}\p{N}])doc[ \t]*lap(?:[ \t]*[-‐‑–—−][ \t]*|[ \t]+)tu[ \t]*do(?:[ \t]*[-‐‑–—−][ \t]*|[ \t]+)hanh[ \t]*phuc(?![\p{L}\p{N}])/gu;

/**
 * The lines (indices into `lines`, in order) that may hold the motto: those
 * with a word whose folded form has «phuc» in it (the motto's last word,
 * `hạnhphúc` included). The words of each run are looked at once per run
 * text (`perRun`), so that a keystroke folds no line it did not change.
 */
const foldsWithPhuc = perWord((word) => foldedIncludes(word, 'phuc'));
/** The indices of a run's words that fold to contain `phuc`. */
const mottoWords = (run: Run) => wordsWhere(run, (w) => foldsWithPhuc.of(w.lexeme));

function linesWithPhuc(document: PlanDocument, source: SourceText, lines: TextLine[]): number[] {
  const found = new Set<number>();
  for (const run of wordRuns(document, source)) {
    for (const index of perRun(run, 'motto-words', mottoWords)) {
      const offset = run.start + run.words[index].start;
      // The last line that starts at or before the word.
      let low = 0;
      for (let high = lines.length; low < high;) {
        const mid = (low + high) >>> 1;
        if (lines[mid].start <= offset) low = mid + 1;
        else high = mid;
      }
      found.add(low - 1);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** Where the motto is written in a line: [offset, length] each. Folding keeps the length (NFC, one unit per unit): a match in the folded line is the same span of the line. */
function mottoSpans(text: string): [number, number][] {
  return [...fold(text).matchAll(FOLDED_MOTTO)].map((m) => [m.index!, m[0].length]);
}

/** What is wrong with a written motto, in words. */
function problems(written: string): Bilingual {
  const vi: string[] = [];
  const en: string[] = [];
  const words = written.split(/[^\p{L}]+/u).filter(Boolean);
  if (words.some((w, k) => (k % 2 === 1 ? w !== w.toLowerCase() : w.slice(1) !== w.slice(1).toLowerCase()))) {
    vi.push('chỉ chữ cái đầu mỗi cụm từ viết hoa');
    en.push('only the first letter of each phrase is a capital');
  }
  if (/[‐‑–—−]/.test(written) || (written.match(/-/g) ?? []).length !== 2) {
    vi.push('giữa các cụm từ là gạch nối (-)');
    en.push('the phrases are joined by hyphens (-)');
  }
  if (/[^ ]-|-[^ ]| {2}/.test(written)) {
    vi.push('có một dấu cách hai bên gạch nối');
    en.push('with one space on either side');
  }
  if (words.join(' ').normalize('NFC') !== 'Độc lập Tự do Hạnh phúc' && vi.length === 0) {
    vi.push('đúng chữ và dấu');
    en.push('in these words and marks');
  }
  return { vi: vi.join('; '), en: en.join('; ') };
}

export const textMotto: Rule = {
  id: 'text-motto',
  title: { vi: 'Tiêu ngữ viết sai', en: 'Motto written wrongly' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const lines = textLines(document, source);
    for (const index of linesWithPhuc(document, source, lines)) {
      const line = lines[index];
      const text = source.text.slice(line.contentStart, line.end);
      for (const [at, length] of memoized(
        source.memo,
        'motto',
        () => text,
        () => mottoSpans(text),
      )) {
        const written = text.slice(at, at + length);
        if (written === MOTTO) continue;
        const range = source.range(line.contentStart + at, line.contentStart + at + length);
        const wrong = problems(written);
        report(range, { vi: `Tiêu ngữ viết "${written}"; viết "${MOTTO}": ${wrong.vi}`, en: `The motto is written "${written}"; write "${MOTTO}": ${wrong.en}` }, [
          { title: `Viết "${MOTTO}" / Write "${MOTTO}"`, edits: [{ range, newText: MOTTO }], safe: true },
        ]);
      }
    }
  },
};
