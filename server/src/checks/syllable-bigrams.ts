/**
 * Slips among real syllables that only their neighbours give away
 * (`chương trình đạo tạo` for `đào tạo`, `trong qua trình` for `quá trình`,
 * `sử lý vi phạm` for `xử lý`), judged on the word statistics of official text
 * in `server/data/syllable-bigrams.json` (written by
 * `scripts/gen-syllable-bigrams.ts`: how often each word, each pair of adjacent
 * words and each chain of two tight pairs occur in some twenty million words of
 * laws, decrees and circulars).
 *
 * A word is a slip for a close variant (another tone, another vowel mark, an
 * initial or a final consonant often confused: `s`/`x`, `ch`/`tr`, `d`/`gi`/`r`,
 * `l`/`n`, `n`/`ng`, `c`/`t`) when the variant and a neighbour make a tight pair
 * (`pair-tightness.ts`) that the word as typed does not make (or so rarely
 * that the corpus's own slips explain it), the neighbour is not the word of
 * another tight pair further out (`tích hợp sâu`: `hợp` is `tích`'s, not
 * `sau`'s), and the neighbour on the other side, if any, takes the variant and
 * does not hold the typed word (unless the odds of the variant are long). At
 * the edge of a stretch of words (punctuation, a number) the one pair must be
 * very tight. Names (a capitalised word beside another), acronyms and words
 * much commoner than their variant (`đăng tại` is not `đăng tải`) are left
 * alone, and two suspects side by side are one slip the statistics cannot
 * place, so neither is reported. The corpus is legal text, so what it never saw
 * is not wrong in itself: these conditions are set so that a finding is rare
 * and right rather than frequent.
 */
import data from '../../data/syllable-bigrams.json';
import { fold } from '../syntax/inline';
import { readNumbers } from './packed-numbers';
import { MIN_PAIR, tightness } from './pair-tightness';
import type { Word } from './text-lines';
import { isKnownSyllable } from './vi-dictionary';
import { canonical, hasVowelMark, parseSyllable, perWord } from './vietnamese';
import { pairCount, PAIR, tripleCount, wordStatistics, type WordStatistics } from './word-statistics';

/** How a typed syllable differs from the one meant. */
export type SlipKind = 'tone' | 'vowel' | 'onset' | 'coda';

export interface ContextSlip {
  /** Index in the run of the slipped word. */
  at: number;
  /** Index of the neighbour that shows it. */
  by: number;
  /** The word meant (lower case, modern placement). */
  right: string;
  kind: SlipKind;
}

/** At the edge of a stretch of words, where one side must show the slip alone. */
const MIN_EDGE_ASSOCIATION = 0.6;
/** The corpus has slips of its own: a typed pair counts as unseen beside a variant's pair this many times as frequent (`trong qua` twice beside 6710 `trong quá`). */
const SLIP_RATIO = 500;
/** A neighbour rarer than this (`dần`, seen 196 times) has pairs too few to tell a slip by. */
const MIN_NEIGHBOUR = 1000;
/** Variants rarer than this are not offered. */
const MIN_VARIANT = 20;
/** Odds of the variant over the typed word that overrule a neighbour holding the typed word (`kịp thời sử lý`: `thời sử` is seen, in `kịp thời sử dụng`). */
const LONG_ODDS = 3e5;
/** Share of a tight pair's occurrences that go on into the next tight pair for the two to share their word. */
const SHARED = 0.05;
/** A typed word this many times commoner than its variant fits too many places to be judged. */
const COMMONER = 10;

interface Statistics {
  rank: Map<string, number>;
  tables: WordStatistics;
  /** Words of at least MIN_VARIANT occurrences by their confusion key. */
  variants: Map<string, number[]>;
  words: string[];
}

const NONE = -1;
const UNSEEN = -2;
let statistics: Statistics | undefined;

function load(): Statistics {
  if (statistics) return statistics;
  const words = data.words.split(' ');
  const rank = new Map(words.map((w, r) => [w, r]));
  statistics = { rank, tables: wordStatistics(), variants: storedVariantGroups(), words };
  return statistics;
}

/** Association of the pair when it is tight, else 0 (unknown pairs too); in single precision, as the table once kept it. */
function association(first: number, second: number): number {
  const { tables } = statistics!;
  const n = pairCount(tables, first, second);
  return n === 0 ? 0 : Math.fround(tightness(n, tables.counts[first], tables.counts[second], data.total));
}

/**
 * The words of at least MIN_VARIANT occurrences by their confusion key, in
 * rank order: what the data file's `variantKeys` and `variants` hold, made
 * once by the script that writes it (working the keys out at every start cost
 * a tenth of a check); `tests/lexicon-data.test.ts` holds the two equal.
 */
export function variantGroups(words: readonly string[], counts: readonly number[]): Map<string, number[]> {
  const variants = new Map<string, number[]>();
  words.forEach((w, r) => {
    if (counts[r] < MIN_VARIANT) return;
    const key = confusionKey(w);
    if (!key) return;
    const list = variants.get(key);
    if (list) list.push(r);
    else variants.set(key, [r]);
  });
  return variants;
}

/** The groups of `variantGroups` as the data file keeps them: the keys, and per key its ranks (each the distance from the one before, minus one). */
export function storedVariantGroups(): Map<string, number[]> {
  const keys = data.variantKeys.split(' ');
  const values = readNumbers(data.variants, 0, data.variants.length);
  const groups = new Map<string, number[]>();
  let k = 0;
  for (const key of keys) {
    const size = values[k++];
    const ranks: number[] = [];
    for (let r = -1, end = k + size; k < end; k++) ranks.push((r += values[k] + 1));
    groups.set(key, ranks);
  }
  return groups;
}

/** Initials and finals that are confused in writing, each mapped to one of its class. */
const ONSET_CLASS: Record<string, string> = { tr: 'ch', x: 's', gi: 'd', r: 'd', n: 'l' };
const CODA_CLASS: Record<string, string> = { ng: 'n', c: 't' };

/** Words with the same key differ by marks or by a confusable initial or final: `tạo`, `tảo`, `tao`. */
export const confusionKey = perWord((word: string): string | undefined => {
  // Read as a syllable first: folded, `tương`, `tiên` are no syllable shape (`uo`, `ie` take no final).
  const s = parseSyllable(word.toLowerCase());
  if (!s) return undefined;
  const onset = fold(s.onset);
  return `${ONSET_CLASS[onset] ?? onset}|${fold(s.nucleus)}|${CODA_CLASS[s.coda] ?? s.coda}`;
});

/** The one thing that tells `typed` from `meant` apart, if there is just one. */
export function slipKind(typed: string, meant: string): SlipKind | undefined {
  const a = parseSyllable(typed);
  const b = parseSyllable(meant);
  if (!a || !b || typed === meant) return undefined;
  const onset = a.onset !== b.onset;
  const coda = a.coda !== b.coda;
  const nucleus = a.nucleus !== b.nucleus;
  const tone = a.tone !== b.tone;
  if (onset) return coda || nucleus || tone ? undefined : 'onset';
  if (coda) return nucleus || tone ? undefined : 'coda';
  if (nucleus) return tone ? undefined : 'vowel';
  return tone ? 'tone' : undefined;
}

/**
 * Acronyms of bodies that plans write and laws spell out, as their first and
 * last syllables: the neighbour of a word after `UBND` is `dân`, before it `ủy`.
 */
const ACRONYMS: Record<string, [string, string]> = {
  ubnd: ['ủy', 'dân'],
  hđnd: ['hội', 'dân'],
  mttq: ['mặt', 'quốc'],
  bcđ: ['ban', 'đạo'],
  bch: ['ban', 'hành'],
  btv: ['ban', 'vụ'],
};

/** A typed pair seen so rarely beside the variant's pair that the corpus's own slips explain it. */
function rare(typed: number, variant: number): boolean {
  return typed * SLIP_RATIO <= variant;
}

/** How often the word of rank `r` occurs, 0 when unseen. */
function count(r: number): number {
  return r < 0 ? 0 : statistics!.tables.counts[r];
}

/** Count of the pair a b (by rank), 0 when unknown. */
function pair(a: number, b: number): number {
  return a < 0 || b < 0 ? 0 : pairCount(statistics!.tables, a, b);
}

/** Count of the pair formed by `x` and `y` with `y` on `side` of `x`. */
function beside(x: number, y: number, side: 1 | -1): number {
  return side === 1 ? pair(x, y) : pair(y, x);
}

/** What the statistics know of a word, whatever its place. */
interface WordProfile {
  /** Letters only: a word the corpus could have counted. */
  letters: boolean;
  /** First letter a capital, the others not (`Khoa`, not `UBND`). */
  capitalised: boolean;
  /** As the left and the right neighbour of another word: its rank (an acronym's last or first syllable), or UNSEEN. */
  asLeft: number;
  asRight: number;
  /** As a word that may be a slip: its rank (or UNSEEN) and its variants, when it is a known syllable that is no acronym (else none). */
  rank: number;
  variants: readonly { rank: number; kind: SlipKind }[];
}

/** The variants of a word that has none: one array, so that every profile has the same shape. */
const NO_VARIANTS: WordProfile['variants'] = [];

const profile = perWord((word: string): WordProfile => {
  const stats = load();
  const letters = /^\p{L}+$/u.test(word);
  const capitalised = letters && word[0] !== word[0].toLowerCase() && word.slice(1) === word.slice(1).toLowerCase();
  const typed = canonical(word);
  const acronym = ACRONYMS[typed];
  const rank = stats.rank.get(typed) ?? UNSEEN;
  const out: WordProfile = {
    letters,
    capitalised,
    asLeft: acronym ? stats.rank.get(acronym[1])! : rank,
    asRight: acronym ? stats.rank.get(acronym[0])! : rank,
    rank,
    variants: NO_VARIANTS,
  };
  const acronymLike = word.length > 1 && word === word.toUpperCase() && !hasVowelMark(word);
  const candidates = letters && !acronymLike ? stats.variants.get(confusionKey(typed) ?? '') : undefined;
  if (candidates && isKnownSyllable(word)) {
    const count = rank < 0 ? 0 : stats.tables.counts[rank];
    out.variants = candidates.flatMap((b) => {
      const kind = b !== rank && count < COMMONER * stats.tables.counts[b] ? slipKind(typed, stats.words[b]) : undefined;
      return kind ? [{ rank: b, kind }] : [];
    });
  }
  return out;
});

const SIDES = [1, -1] as const;

/** The context slips of one run of words (see `wordRuns`). */
export function findContextSlips(run: readonly Word[]): ContextSlip[] {
  const stats = load();
  const n = run.length;
  /** The word at k as the neighbour on `side` of the word beside it: NONE past the stretch of words or on a number. */
  const neighbour = (k: number, side: 1 | -1): number => {
    if (k < 0 || k >= n || !run[side === 1 ? k : k + 1]?.adjacent) return NONE;
    const p = profile.of(run[k].lexeme);
    if (!p.letters) return NONE;
    return side === 1 ? p.asRight : p.asLeft;
  };

  const hits: (ContextSlip & { strength: number })[] = [];
  for (let i = 0; i < n; i++) {
    // Profiles are read from the words' lexemes where needed: most words have no variant and need no neighbour.
    const p = profile.of(run[i].lexeme);
    if (p.variants.length === 0) continue;
    // A name: a capitalised word beside another.
    if (p.capitalised && ((i > 0 && profile.of(run[i - 1].lexeme).capitalised) || (i + 1 < n && profile.of(run[i + 1].lexeme).capitalised))) continue;
    const left = neighbour(i - 1, -1);
    const right = neighbour(i + 1, 1);
    // At the edge of a stretch of words one side must show the slip alone: a lower-case word, and a very tight pair.
    if (left === NONE && right === NONE) continue;
    const edge = left === NONE || right === NONE;
    if (edge && p.capitalised) continue;
    const x = p.rank;
    let best: (ContextSlip & { strength: number }) | undefined;
    // A neighbour that is no word or too rare shows nothing, whatever the variant: told once per word, not per variant.
    const rightShows = right >= 0 && count(right) >= MIN_NEIGHBOUR;
    const leftShows = left >= 0 && count(left) >= MIN_NEIGHBOUR;
    if (!rightShows && !leftShows) continue;
    for (const { rank: b, kind } of p.variants) {
      for (const side of SIDES) {
        if (!(side === 1 ? rightShows : leftShows)) continue;
        const other = -side as 1 | -1;
        const y = side === 1 ? right : left;
        const tight = side === 1 ? association(b, y) : association(y, b);
        if (tight === 0 || (edge && tight < MIN_EDGE_ASSOCIATION)) continue;
        const evidence = beside(b, y, side);
        if (!rare(beside(x, y, side), evidence)) continue;
        // The neighbour may belong to a tight pair further out (`tích hợp sâu`: `hợp` is `tích`'s, not `sau`'s),
        // unless the three words go together often enough (`xử lý vi phạm`, `nhân dân huyện`).
        const far = neighbour(i + 2 * side, side);
        if (far >= 0 && (side === 1 ? association(y, far) : association(far, y)) > 0) {
          const together = tripleCount(stats.tables, side === 1 ? (b * PAIR + y) * PAIR + far : (far * PAIR + y) * PAIR + b);
          if (together < SHARED * evidence) continue;
        }
        // On the other side, the typed word must make no pair of its own, and the variant one.
        const z = side === 1 ? left : right;
        // The odds of the variant over the typed word in this place, by the chain of the two pairs (counts
        // of unseen pairs taken as a half): a neighbour that holds the typed word is overruled only by long odds.
        const own = z === NONE ? 0 : beside(x, z, other);
        const fits = z === NONE ? 0 : beside(b, z, other);
        const odds = (Math.max(fits, 0.5) * evidence) / count(b) / ((Math.max(own, 0.5) * Math.max(beside(x, y, side), 0.5)) / Math.max(count(x), 1));
        // The variant between the two neighbours as a frequent chain of tight pairs (`Thủ tướng Chính phủ`) overrules
        // a pair the typed word makes elsewhere (`tư tưởng chính trị`).
        const chain = left >= 0 && right >= 0 ? tripleCount(stats.tables, (left * PAIR + b) * PAIR + right) : 0;
        if (z !== NONE && chain < MIN_PAIR && (fits === 0 || (!rare(own, fits) && odds < LONG_ODDS))) continue;
        if (!best || evidence > best.strength) best = { at: i, by: i + side, right: stats.words[b], kind, strength: evidence };
        break;
      }
    }
    if (best) hits.push(best);
  }
  return hits.filter((h) => !hits.some((o) => Math.abs(o.at - h.at) === 1)).map(({ strength: _, ...slip }) => slip);
}

/**
 * The word a misspelt `run[index]` most likely stands for, by its neighbours:
 * among `candidates` (lower case) and the close variants of the word, the one
 * whose pairs with the words beside it are seen at least MIN_PAIR times in all
 * and five times as often as the next candidate's (`người đân` → `dân`, `số cở
 * lớn` → `cỡ`); undefined when the neighbours do not tell.
 */
export function wordMeant(run: readonly Word[], index: number, candidates: readonly string[]): string | undefined {
  const stats = load();
  const typed = canonical.of(run[index].lexeme);
  const options = new Set(candidates.map(canonical));
  for (const b of stats.variants.get(confusionKey(typed) ?? '') ?? []) if (slipKind(typed, stats.words[b])) options.add(stats.words[b]);
  const rankOf = (k: number, side: 1 | -1): number => {
    const w = run[k];
    if (!w || !(side === 1 ? w.adjacent : run[index].adjacent) || !/^\p{L}+$/u.test(w.text)) return NONE;
    const c = canonical.of(w.lexeme);
    const acronym = ACRONYMS[c];
    return stats.rank.get(acronym ? acronym[side === 1 ? 0 : 1] : c) ?? UNSEEN;
  };
  const left = rankOf(index - 1, -1);
  const right = rankOf(index + 1, 1);
  const scored = [...options]
    .map((word) => {
      const r = stats.rank.get(word) ?? UNSEEN;
      return { word, score: pair(left, r) + pair(r, right) };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  return best && best.score >= MIN_PAIR && best.score >= 5 * (next?.score ?? 0) ? best.word : undefined;
}
