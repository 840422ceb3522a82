/**
 * The phrase lexicon (`server/data/phrases.json`) and the matcher behind
 * `text-phrase`: a run of words whose diacritic-folded form equals a lexicon
 * phrase's, typed with another tone on exactly one syllable (`TRONG TÂM` for
 * `trọng tâm`, `thể mạnh` for `thế mạnh`), is a likely slip unless the words
 * as typed are themselves a known phrase or overlap one (`trong tâm hồn`,
 * `có thể mạnh dạn`). `text-syllable` and `text-spelling` use the same
 * matcher to correct a syllable that does not exist (`quyêt định`).
 */
import compounds from '../../data/phrase-compounds.json';
import data from '../../data/phrases.json';
import { fold } from '../syntax/inline';
import type { Word } from './text-lines';
import { canonical, hasVowelMark, perWord, stripTones } from './vietnamese';

/**
 * The number the lexicon gives a word of letters only by its folded form: what its trie is walked by (integer keys,
 * read from the word's lexeme). NO_PHRASE for a word with a digit or one no phrase has.
 */
const phraseWordId = perWord((w) => (/^[\p{L}\p{M}]+$/u.test(w) ? (load().ids.get(fold(w)) ?? NO_PHRASE) : NO_PHRASE));
const NO_PHRASE = -1;
/** The trie node of the phrases a word can begin, if any: most words begin none, and the walk starts only at those that do, read from the word's lexeme. */
const phraseStart = perWord((w) => load().trie.get(phraseWordId(w)));
/** The number the lexicon gives a word by its canonical form (NO_PHRASE for one no phrase has): a phrase written right is told by comparing numbers. */
const phraseCanonicalId = perWord((w) => load().canonicalIds.get(canonical(w)) ?? NO_PHRASE);

interface Entry {
  words: string[];
  /** The canonical words' numbers (`Lexicon.canonicalIds`). */
  ids: number[];
  /** Reported as information: the look-alike is a rarer but real phrase. */
  low: boolean;
}

/** The lexicon phrases as a trie of folded words: matching walks it and stops where no phrase goes on. */
class TrieNode {
  /** The phrases that end here. */
  entries: Entry[] | undefined = undefined;
  /** Their canonical words' numbers one after the other (all have as many words as the node's depth): what a phrase written right is told by, read without going through each entry. */
  written: Int32Array | undefined = undefined;
  next: Map<number, TrieNode> | undefined = undefined;
}

interface Lexicon {
  /** Folded first words of the lexicon phrases: a word that is none of them starts no slip. */
  trie: Map<number, TrieNode>;
  /** The folded words of the phrases, numbered. */
  ids: Map<string, number>;
  /** The canonical words of the phrases, numbered. */
  canonicalIds: Map<string, number>;
  /** Canonical phrases that are right as typed and written down by hand: the lexicon and the valid list, which always claim their words. The corpus compounds are right too (`compoundPair`). */
  curated: Set<string>;
  /** Valid phrases with `#` (an item label or a number). */
  patterns: string[][];
  maxLength: number;
  /** Room for the canonical numbers of a window of words (`writtenRight`). */
  typed: Int32Array;
}

/** A corpus pair (`server/data/phrase-compounds.json`) and what it must not claim. */
interface CompoundPair {
  /** It mostly goes on into a lexicon phrase (`nhằm nâng` of `nhằm nâng cao`): the pair must not claim its second word. */
  noClaimSecond: boolean;
  /** It mostly ends a lexicon phrase (`định phê` of `quyết định phê duyệt`): the pair must not claim its first word. */
  noClaimFirst: boolean;
}

let lexicon: Lexicon | undefined;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const trie = new Map<number, TrieNode>();
  const ids = new Map<string, number>();
  const canonicalIds = new Map<string, number>();
  const curated = new Set<string>();
  const patterns: string[][] = [];
  let maxLength = 2;
  for (const raw of data.phrases) {
    const low = raw.startsWith('?');
    const words = (low ? raw.slice(1) : raw).split(' ').map(canonical);
    let level = trie;
    let node: TrieNode | undefined;
    for (const w of words.map(fold)) {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      node = level.get(id);
      if (!node) level.set(id, (node = new TrieNode()));
      level = node.next ??= new Map();
    }
    for (const w of words) if (!canonicalIds.has(w)) canonicalIds.set(w, canonicalIds.size);
    const entry = { words, ids: words.map((w) => canonicalIds.get(w)!), low };
    (node!.entries ??= []).push(entry);
    node!.written = Int32Array.from([...(node!.written ?? []), ...entry.ids]);
    curated.add(words.join(' '));
    maxLength = Math.max(maxLength, words.length);
  }
  for (const raw of data.valid) {
    const words = raw.split(' ').map((w) => (w === '#' ? w : canonical(w)));
    if (words.includes('#')) patterns.push(words);
    else curated.add(words.join(' '));
    maxLength = Math.max(maxLength, words.length);
  }
  lexicon = { trie, ids, canonicalIds, curated, patterns, maxLength, typed: new Int32Array(maxLength) };
  return lexicon;
}

const corpusPairs = compounds.compounds as Record<string, string>;
/** The corpus pairs by first word, each first word's list read when it is first asked about: reading all 15 000 pairs up front took longer than checking a plan. */
const pairsByFirst = new Map<string, Map<string, CompoundPair>>();

/** The corpus pair `first second`, if the corpus has it. */
function compoundPair(first: string, second: string): CompoundPair | undefined {
  if (!Object.hasOwn(corpusPairs, first)) return undefined;
  let seconds = pairsByFirst.get(first);
  if (!seconds) {
    seconds = new Map();
    for (const entry of corpusPairs[first].split(' ')) {
      const word = entry.replace(/[$^]/g, '');
      const pair = seconds.get(word) ?? { noClaimSecond: false, noClaimFirst: false };
      if (entry.includes('^')) pair.noClaimSecond = true;
      if (entry.includes('$')) pair.noClaimFirst = true;
      seconds.set(word, pair);
    }
    pairsByFirst.set(first, seconds);
  }
  return seconds.get(second);
}

/** True when the phrase (canonical words joined by spaces) is one of the lexicon, of its valid list or a corpus compound. */
function isKnownText(lex: Lexicon, phrase: string): boolean {
  if (lex.curated.has(phrase)) return true;
  const space = phrase.indexOf(' ');
  return space > 0 && phrase.indexOf(' ', space + 1) < 0 && compoundPair(phrase.slice(0, space), phrase.slice(space + 1)) !== undefined;
}

/** True when the canonical words (lower case, modern placement) are a phrase of the lexicon, of its valid list or a corpus compound (`server/data/phrase-compounds.json`). */
export function isKnownPhrase(words: string[]): boolean {
  const lex = load();
  if (isKnownText(lex, words.join(' '))) return true;
  return lex.patterns.some((p) => p.length === words.length && p.every((w, i) => (w === '#' ? /^(?:\p{L}|\d{1,4})$/u.test(words[i]) : w === words[i])));
}

/** A likely slip: `run[from..to)` folds like a lexicon phrase and differs from it in the tone of `run[at]` only. */
export interface PhraseSlip {
  from: number;
  to: number;
  at: number;
  /** The lexicon's word for `run[at]` (lower case, modern placement). */
  right: string;
  /** The lexicon phrase, canonical. */
  phrase: string;
  low: boolean;
}

/**
 * Slips in one run of words (see `wordRuns`). `exists` says whether a word is
 * a real syllable: with `requireExisting` only slips whose wrong word exists
 * and whose words are not right as typed (a known phrase, or a word claimed
 * by a compound with a word outside) are returned: the phrase-level
 * confusions a syllable checker misses. Without, every slip, to correct a
 * word the other rules already found wrong.
 */
export function findPhraseSlips(run: readonly Word[], exists: (word: string) => boolean, requireExisting: boolean): readonly PhraseSlip[] {
  const lex = load();
  // Nothing is made for a run until a phrase folds alike and is not written right: most runs have none.
  let found: PhraseSlip[] | undefined;
  for (let i = 0; i < run.length; i++) {
    let node = phraseStart.of(run[i].lexeme);
    // The walk goes on while the next word is joined to this one by spaces only and some phrase goes on with it.
    for (let n = 2; node?.next && n <= lex.maxLength && i + n <= run.length && run[i + n - 1].adjacent; n++) {
      const next = phraseWordId.of(run[i + n - 1].lexeme);
      if (next === NO_PHRASE) break;
      node = node.next.get(next);
      const entries = node?.entries;
      if (!entries) continue;
      // Most matches are the phrase written right: told without building the window.
      if (writtenRight(lex, node!.written!, run, i, n)) continue;
      const slip = slipIn(lex, run, i, n, entries, exists, requireExisting);
      if (slip) (found ??= []).push(slip);
    }
  }
  if (!found) return NO_SLIPS;
  // One finding per wrong word: the shortest phrase that shows it, grown to a longer one only when the
  // longer is not just the shorter plus whole known phrases (`chuyên đổi` → `chuyên đổi số`, but `TRONG TÂM`
  // stays itself inside `GIẢI PHÁP TRONG TÂM`).
  const best = new Map<number, PhraseSlip>();
  for (const s of [...found].sort((a, b) => a.to - a.from - (b.to - b.from))) {
    const held = best.get(s.at);
    if (!held) best.set(s.at, s);
    else if (s.from <= held.from && s.to >= held.to) {
      const side = (words: string[]) => words.length === 0 || (words.length >= 2 && isKnownPhrase(words));
      if (!(side(canon(run, s.from, held.from)) && side(canon(run, held.to, s.to)))) best.set(s.at, s);
    }
  }
  return [...best.values()].sort((a, b) => a.from - b.from);
}

const NO_SLIPS: readonly PhraseSlip[] = [];

/** The canonical words of `run[from, to)`. */
function canon(run: readonly Word[], from: number, to: number): string[] {
  const words: string[] = [];
  for (let k = from; k < to; k++) words.push(canonical.of(run[k].lexeme));
  return words;
}

/** The slip that `run[i, i+n)` shows against the lexicon phrases `entries` it folds like (none written as typed), if any (see `findPhraseSlips`). */
function slipIn(lex: Lexicon, run: readonly Word[], i: number, n: number, entries: readonly Entry[], exists: (word: string) => boolean, requireExisting: boolean): PhraseSlip | undefined {
  const window = canon(run, i, i + n);
  const candidates: PhraseSlip[] = [];
  for (const e of entries) {
    const diffs = e.words.flatMap((w, k) => (w === window[k] ? [] : [k]));
    if (diffs.length !== 1) continue;
    const k = diffs[0];
    if (stripTones(e.words[k]) !== stripTones(window[k])) continue;
    candidates.push({ from: i, to: i + n, at: i + k, right: e.words[k], phrase: e.words.join(' '), low: e.low });
  }
  const distinct = new Set(candidates.map((c) => `${c.at} ${c.right}`));
  if (distinct.size !== 1) return undefined;
  const slip = candidates[0];
  // Text typed without any diacritic is another matter (a label, an e-mail address, a foreign name).
  if (!run.slice(i, i + n).some((w) => hasVowelMark(w.text))) return undefined;
  // The typed words may be right after all: a known phrase themselves, or a word claimed by a compound outside.
  if (requireExisting && (!exists(run[slip.at].text) || isKnownPhrase(window) || overlapsKnown(lex, run, i, n))) return undefined;
  return { ...slip, low: candidates.every((c) => c.low) };
}

/** A known phrase as typed that shares a word with `run[i, i+n)` and reaches outside it claims that word. */
function overlapsKnown(lex: Lexicon, run: readonly Word[], i: number, n: number): boolean {
  for (let m = 2; m <= lex.maxLength; m++) {
    for (let s = Math.max(0, i - m + 1); s < i + n && s + m <= run.length; s++) {
      if (s >= i && s + m <= i + n) continue;
      if (!joined(run, s, m)) continue;
      const words = canon(run, s, s + m);
      if (!isKnownPhrase(words)) continue;
      // A corpus pair (not one written down by hand) may be barred from claiming the word on the look-alike's side.
      const corpus = m === 2 && !lex.curated.has(words.join(' ')) ? compoundPair(words[0], words[1]) : undefined;
      if (corpus?.noClaimSecond && s < i) continue;
      if (corpus?.noClaimFirst && s + m > i + n) continue;
      return true;
    }
  }
  return false;
}

/** True when the `m` words of `run` from `s` on are joined by spaces only. */
function joined(run: readonly Word[], s: number, m: number): boolean {
  for (let k = s + 1; k < s + m; k++) if (!run[k].adjacent) return false;
  return true;
}

/** True when the `n` words of `run` from `at` on are one of the phrases whose canonical numbers `written` holds (see `TrieNode.written`; loops, not closures: this runs at every phrase the text holds). */
function writtenRight(lex: Lexicon, written: Int32Array, run: readonly Word[], at: number, n: number): boolean {
  const typed = lex.typed;
  for (let k = 0; k < n; k++) typed[k] = phraseCanonicalId.of(run[at + k].lexeme);
  for (let e = 0; e < written.length; e += n) {
    let k = 0;
    while (k < n && written[e + k] === typed[k]) k++;
    if (k === n) return true;
  }
  return false;
}

/** The lexicon's correction of `run[index]` when exactly one slip of the run is about that word. */
export function phraseCorrection(run: readonly Word[], index: number): PhraseSlip | undefined {
  const slips = findPhraseSlips(run, () => true, false).filter((s) => s.at === index);
  return slips.length === 1 ? slips[0] : undefined;
}
