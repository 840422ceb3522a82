/**
 * Slips in the name of the plan's own place (`tỉnh Lai Chây` in a plan of the
 * Ủy ban nhân dân tỉnh Lai Châu): the names the header gives (`Địa danh:`, and
 * the place in the issuer's and the parent body's names after their level:
 * `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU` → `Lai Châu`) are the right spelling, and a
 * capitalised stretch of the text with the same number of syllables that
 * differs from one of them in one syllable, by the marks or by an initial or
 * final often confused, is a slip, unless it is itself a province's name or
 * the text writes it more often than the header's.
 */
import type { PlanDocument } from '../model';
import type { Registry } from '../registry/registry';
import { fold } from '../syntax/inline';
import { confusionKey, slipKind } from './syllable-bigrams';
import { perRun, type Run } from './text-lines';
import { canonical, perWord } from './vietnamese';

export interface PlaceSlip {
  /** The run and the indices of its words that spell the place. */
  run: Run;
  from: number;
  to: number;
  /** Index of the slipped word. */
  at: number;
  /** The header's spelling of the whole name and of the slipped syllable (canonical). */
  name: string;
  right: string;
}

const LEVEL = /^(?:.*\s)?(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\s+/;

/** The header's place names of two syllables or more, in title case (`Lai Châu`, `Phố Bảng`). */
export function headerPlaces(document: PlanDocument): string[][] {
  const names = new Map<string, string[]>();
  const add = (text: string | undefined) => {
    if (!text) return;
    const words = text
      .trim()
      .split(/\s+/)
      .filter((w) => /^\p{L}+$/u.test(w));
    if (words.length < 2 || words.length > 4) return;
    names.set(
      words.map(canonical).join(' '),
      words.map((w) => w[0].toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi')),
    );
  };
  add(document.header.place?.value);
  for (const body of [document.header.issuer?.value, document.header.parentBody?.value]) {
    if (!body) continue;
    const folded = fold(body);
    const m = LEVEL.exec(folded);
    // Folding keeps the length: the place is what follows the level word in the name as written.
    if (m) add(body.slice(m[0].length));
  }
  return [...names.values()];
}

/** First letter a capital: read from the word's lexeme, as it is asked of every word for every place. */
const capital = perWord((w) => w[0] !== w[0].toLowerCase());
/** `Châu`, not `CHÂU` or `châu`: a word of a name in running text. */
const titleCase = (w: string) => capital(w) && w.slice(1) === w.slice(1).toLowerCase();
/** True when `run.words[i, i+k)` are capitalised words joined by spaces only: tested before any copy, as it runs at every word for every place. */
function capitalisedName(run: Run, i: number, k: number): boolean {
  for (let j = 0; j < k; j++) if (!capital.of(run.words[i + j].lexeme) || (j > 0 && !run.words[i + j].adjacent)) return false;
  return true;
}
/** Words that stand before a place's name (`Tỉnh Lai Châu` opening a sentence). */
const LEVEL_WORD = /^(?:tinh|huyen|xa|phuong|quan|pho|tran|khu|thi)$/;

/** Where a run writes a place of the header, by the indices of its words: as the header spells it, or one syllable off. */
interface PlaceSpelling {
  from: number;
  /** The slipped word's index in the name; undefined when the name is spelt right. */
  slipped?: number;
}

/** A run's spellings of one place (`want`, canonical), a pure function of the run's words (kept per run text). */
function placeSpellings(run: Run, want: string[], wantKeys: readonly (string | undefined)[]): readonly PlaceSpelling[] {
  const k = want.length;
  // Made when the run names the place: most runs do not.
  let found: PlaceSpelling[] | undefined;
  for (let i = 0; i + k <= run.words.length; i++) {
    if (!capitalisedName(run, i, k)) continue;
    // A longer name that only begins or ends like the place (`Lai Châu Mới`) is another name.
    if ((run.words[i + k]?.adjacent && titleCase(run.words[i + k].text)) || (i > 0 && run.words[i].adjacent && titleCase(run.words[i - 1].text) && !LEVEL_WORD.test(fold(run.words[i - 1].text))))
      continue;
    // The one word that differs from the header's, counted without copying the stretch (most capitalised stretches are other names).
    let slipped = -1;
    let differences = 0;
    for (let j = 0; j < k && differences < 2; j++) {
      if (canonical.of(run.words[i + j].lexeme) === want[j]) continue;
      differences++;
      slipped = j;
    }
    if (differences === 0) {
      (found ??= []).push({ from: i });
      continue;
    }
    if (differences !== 1) continue;
    const typed = canonical.of(run.words[i + slipped].lexeme);
    if (confusionKey(typed) !== wantKeys[slipped] || !slipKind(typed, want[slipped])) continue;
    (found ??= []).push({ from: i, slipped });
  }
  return found ?? NO_SPELLINGS;
}

const NO_SPELLINGS: readonly PlaceSpelling[] = [];

/** The place-name slips of a document's runs. */
export function findPlaceSlips(document: PlanDocument, runs: Run[], registry: Registry): PlaceSlip[] {
  const places = headerPlaces(document);
  if (!places.length) return [];
  const found: PlaceSlip[] = [];
  const right = new Map<string, number>();
  const typedCount = new Map<string, number>();
  for (const place of places) {
    const want = place.map(canonical);
    const wantKeys = want.map(confusionKey);
    const k = want.length;
    const name = place.join(' ');
    const kind = `place ${name}`;
    const spellings = (run: Run) => placeSpellings(run, want, wantKeys);
    for (const run of runs) {
      for (const { from: i, slipped: j } of perRun(run, kind, spellings)) {
        if (j === undefined) {
          right.set(name, (right.get(name) ?? 0) + 1);
          continue;
        }
        const words = run.words.slice(i, i + k);
        const written = words.map((w) => w.text).join(' ');
        // Another real place, spelt as written (the look-up itself ignores marks).
        const province = registry.findProvince(written)?.name;
        if (province && province.split(' ').map(canonical).join(' ') === words.map((w) => canonical.of(w.lexeme)).join(' ')) continue;
        typedCount.set(written, (typedCount.get(written) ?? 0) + 1);
        found.push({ run, from: i, to: i + k, at: i + j, name, right: want[j] });
      }
    }
  }
  // The header's spelling must be the one the text uses at least as often: a text that writes the other more may have the header wrong.
  return found.filter(
    (s) =>
      (typedCount.get(
        s.run.words
          .slice(s.from, s.to)
          .map((w) => w.text)
          .join(' '),
      ) ?? 0) <= (right.get(s.name) ?? 0),
  );
}
