/**
 * Vietnamese syllables for the text rules (`text-tone-style`, `text-syllable`,
 * `text-spelling`, `text-phrase`): tones, the standard syllable shape (onset,
 * vowel cluster, final consonant), where the tone mark goes, and the two
 * placements of the mark in open `oa`, `oe`, `uy` (`hóa`/`hoá`).
 *
 * Everything works on one NFC word made of letters. Vietnamese letters are one
 * UTF-16 unit each in NFC, so an index in a word is an index in the text.
 */
import type { ToneStyle } from './rule';

/**
 * One distinct word text with what the per-word functions (`perWord`) found
 * of it, a slot each: the words of a run hold their lexeme (`Word.lexeme`),
 * so that every rule reads a word's result from it instead of looking the
 * text up in a map of its own.
 */
export class Lexeme {
  /** Results by their function's slot: a hole until computed, `NO_VALUE` for a result that is undefined. */
  readonly results: unknown[] = [];
  constructor(
    readonly text: string,
    /** `hashOf` the text: a probe of the table compares it before the text. */
    readonly hash: number,
  ) {}
}

/**
 * The lexemes by text: an open-addressing table looked up by a range of a
 * text, so that scanning a run makes no string for a word whose lexeme exists
 * (a `Map` keyed by text would need the word sliced out first, for every word).
 * Bounded, as a language server runs for days: a lexeme dropped here stays
 * right for the words that hold it.
 */
let lexemes = emptyTable(1 << 12);
let lexemeCount = 0;
const MAX_LEXEMES = 100_000;
const NO_VALUE = {};
let slots = 0;

/** The lexeme of `text[start, end)`; `hash` is `hashOf` that range, given by a caller that computed it as it read the word. */
export function lexemeAt(text: string, start: number, end: number, hash = hashOf(text, start, end)): Lexeme {
  const mask = lexemes.length - 1;
  let at = hash & mask;
  for (let held = lexemes[at]; held !== undefined; held = lexemes[(at = (at + 1) & mask)]) {
    if (held.hash === hash && held.text.length === end - start && text.startsWith(held.text, start)) return held;
  }
  const lexeme = new Lexeme(start === 0 && end === text.length ? text : text.slice(start, end), hash);
  if (lexemeCount >= MAX_LEXEMES) {
    lexemes = emptyTable(lexemes.length);
    lexemeCount = 0;
    return addLexeme(lexeme, hash);
  }
  lexemes[at] = lexeme;
  if (++lexemeCount * 2 > lexemes.length) growLexemes();
  return lexeme;
}

/** The lexeme of a text. */
export function lexemeOf(text: string): Lexeme {
  return lexemeAt(text, 0, text.length);
}

function addLexeme(lexeme: Lexeme, hash: number): Lexeme {
  const mask = lexemes.length - 1;
  let at = hash & mask;
  while (lexemes[at] !== undefined) at = (at + 1) & mask;
  lexemes[at] = lexeme;
  lexemeCount++;
  return lexeme;
}

/** Doubles the table, keeping it at most half full. */
function growLexemes(): void {
  const held = lexemes;
  lexemes = emptyTable(held.length * 2);
  lexemeCount = 0;
  for (const lexeme of held) if (lexeme !== undefined) addLexeme(lexeme, lexeme.hash);
}

/** FNV-1a of the UTF-16 units of `text[start, end)`: from `HASH_START`, `hashStep` for each unit. */
function hashOf(text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

export const HASH_START = 0x811c9dc5;

/** `hash` with one more UTF-16 unit (FNV-1a). */
export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** A table of `size` empty slots, filled one by one: `new Array(size)` of a large size makes a slow dictionary-backed array. */
function emptyTable(size: number): (Lexeme | undefined)[] {
  const table: (Lexeme | undefined)[] = [];
  for (let i = 0; i < size; i++) table.push(undefined);
  return table;
}

/** A one-argument function of a word, remembered per word: called with a text, or with a word's lexeme (`of`), which needs no look-up. */
export interface PerWord<T> {
  (word: string): T;
  of(lexeme: Lexeme): T;
}

export function perWord<T>(fn: (word: string) => T): PerWord<T> {
  const slot = slots++;
  const of = (lexeme: Lexeme): T => {
    const results = lexeme.results;
    const hit = results[slot];
    if (hit !== undefined) return (hit === NO_VALUE ? undefined : hit) as T;
    const value = fn(lexeme.text);
    results[slot] = value === undefined ? NO_VALUE : value;
    return value;
  };
  return Object.assign((word: string) => of(lexemeOf(word)), { of });
}

/** Tones in the usual order: ngang (none), huyền, sắc, hỏi, ngã, nặng. */
export const TONE_NAMES = ['ngang', 'huyền', 'sắc', 'hỏi', 'ngã', 'nặng'] as const;
const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** The twelve vowel letters without a tone mark. */
const VOWEL_BASES = 'aăâeêioôơuưy';

/** Toned letter → its base vowel (same case) and tone; base + tone → letter. */
const TONED = new Map<string, { base: string; tone: number }>();
const COMPOSE = new Map<string, string>();
for (const lower of VOWEL_BASES) {
  for (const base of [lower, lower.toUpperCase()]) {
    TONE_MARKS.forEach((mark, tone) => {
      const letter = (base + mark).normalize('NFC');
      TONED.set(letter, { base, tone });
      COMPOSE.set(base + tone, letter);
    });
  }
}

/** Letters that only Vietnamese (among Latin-script languages a plan may quote) writes: đ, ă, â, ê, ô, ơ, ư and every toned vowel. */
export function hasVietnameseLetter(word: string): boolean {
  for (const c of word) {
    if (c === 'đ' || c === 'Đ') return true;
    const t = TONED.get(c);
    if (t && (t.tone !== 0 || !'aeiouyAEIOUY'.includes(t.base))) return true;
  }
  return false;
}

/** True when the word has a tone mark or a vowel mark (ă â ê ô ơ ư); `đ` alone does not count. */
export function hasVowelMark(word: string): boolean {
  for (const c of word) {
    const t = TONED.get(c);
    if (t && (t.tone !== 0 || !'aeiouyAEIOUY'.includes(t.base))) return true;
  }
  return false;
}

export function isVowelLetter(c: string): boolean {
  return TONED.has(c);
}

/** The word without tone marks (vowel marks and case kept). */
export function stripTones(word: string): string {
  let out = '';
  for (const c of word) out += TONED.get(c)?.base ?? c;
  return out;
}

/** The word with the given tone on the letter at `index` and no other tone mark. */
export function withTone(word: string, tone: number, index: number): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const t = TONED.get(c);
    if (!t) out += c;
    else out += i === index ? COMPOSE.get(t.base + tone)! : t.base;
  }
  return out;
}

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];
const CODAS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOPS = new Set(['c', 'ch', 'p', 't']);

/**
 * Vowel clusters of open syllables (no final consonant) and where the tone
 * goes in each: the index in the cluster, or `either` for `oa`, `oe`, `uy`
 * whose mark the classic style puts on the second vowel and the modern on the
 * first. (`ă`, `â` never end a syllable.)
 */
const OPEN: Record<string, number | 'either'> = {
  a: 0,
  e: 0,
  ê: 0,
  i: 0,
  o: 0,
  ô: 0,
  ơ: 0,
  u: 0,
  ư: 0,
  y: 0,
  ai: 0,
  ao: 0,
  au: 0,
  ay: 0,
  âu: 0,
  ây: 0,
  eo: 0,
  êu: 0,
  ia: 0,
  iu: 0,
  oi: 0,
  ôi: 0,
  ơi: 0,
  ui: 0,
  ưi: 0,
  ưu: 0,
  ua: 0,
  ưa: 0,
  oa: 'either',
  oe: 'either',
  uy: 'either',
  uê: 1,
  uơ: 1,
  oai: 1,
  oay: 1,
  uây: 1,
  uôi: 1,
  ươi: 1,
  ươu: 1,
  iêu: 1,
  yêu: 1,
  uyu: 1,
  oeo: 1,
  uya: 1,
};

/** Vowel clusters that take a final consonant; the tone goes on the last vowel. */
const CLOSED = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'oa', 'oă', 'oe', 'uâ', 'uê', 'uy', 'iê', 'yê', 'uô', 'ươ', 'uyê', 'oo']);

/** A word read as one standard Vietnamese syllable. */
export interface Syllable {
  /** The word as given. */
  word: string;
  /** Lower case, tones removed. */
  bare: string;
  onset: string;
  /** The vowel cluster, lower case without tone (`oa`, `ươ`, `uyê`). */
  nucleus: string;
  /** Index of the cluster in the word. */
  nucleusStart: number;
  coda: string;
  /** 0 ngang … 5 nặng (the first mark when there are several). */
  tone: number;
  /** Indices in the word of the letters that carry a tone mark. */
  tonedAt: number[];
}

/**
 * Reads a word (letters only, NFC) as onset + vowel cluster + final consonant
 * from the standard inventories, or undefined when it has another shape
 * (acronyms, foreign words, minority-language names such as `Đắk`, `Krông`).
 * Says nothing yet about where the tone is.
 */
export const parseSyllable = perWord(readSyllable);

function readSyllable(word: string): Syllable | undefined {
  if (!word || word.length > 8) return undefined;
  const lower = word.toLowerCase();
  let bare = '';
  let tone = 0;
  const tonedAt: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    const t = TONED.get(lower[i]);
    if (t) {
      bare += t.base;
      if (t.tone !== 0) {
        if (!tonedAt.length) tone = t.tone;
        tonedAt.push(i);
      }
    } else if (/[a-zđ]/.test(lower[i])) bare += lower[i];
    else return undefined;
  }
  let onset = '';
  for (const o of ONSETS) {
    if (!bare.startsWith(o)) continue;
    // `gi` and `qu` are onsets only before another vowel: `gì` is g + i, `gìn` g + in.
    if ((o === 'gi' || o === 'qu') && !VOWEL_BASES.includes(bare[2] ?? '')) continue;
    onset = o;
    break;
  }
  let end = onset.length;
  while (end < bare.length && VOWEL_BASES.includes(bare[end])) end++;
  const nucleus = bare.slice(onset.length, end);
  const coda = bare.slice(end);
  if (!nucleus || !CODAS.has(coda)) return undefined;
  if (coda ? !CLOSED.has(nucleus) : !(nucleus in OPEN)) return undefined;
  // `ch` and `nh` close only a, ê, i (and oa, uê, uy): `ach`, `ếch`, `ích`, `oanh`, `huých`.
  if ((coda === 'ch' || coda === 'nh') && !'aêiy'.includes(nucleus[nucleus.length - 1])) return undefined;
  return { word, bare, onset, nucleus, nucleusStart: onset.length, coda, tone, tonedAt };
}

/** Indices in the word where the tone mark of this syllable may stand (both for `oa`, `oe`, `uy` when open). */
export function tonePositions(s: Syllable): number[] {
  const last = s.nucleusStart + s.nucleus.length - 1;
  if (s.coda) return [last];
  const at = OPEN[s.nucleus];
  if (at === 'either') return [s.nucleusStart, s.nucleusStart + 1];
  return [s.nucleusStart + at];
}

/** A syllable ending in -c, -ch, -p, -t takes only the sắc or nặng tone. */
export function hasImpossibleStopTone(s: Syllable): boolean {
  return STOPS.has(s.coda) && s.tone !== 2 && s.tone !== 5;
}

/** The placement style of an open `oa`, `oe`, `uy` with a tone mark, or undefined for any other syllable. */
export function toneStyleOf(s: Syllable): ToneStyle | undefined {
  if (s.coda || OPEN[s.nucleus] !== 'either' || s.tonedAt.length !== 1) return undefined;
  const at = s.tonedAt[0] - s.nucleusStart;
  return at === 0 ? 'modern' : at === 1 ? 'classic' : undefined;
}

/** The word with its mark in the given style (`hóa` ↔ `hoá`); other words unchanged. */
export function toToneStyle(word: string, style: ToneStyle): string {
  const s = parseSyllable(word);
  if (!s) return word;
  const current = toneStyleOf(s);
  if (!current || current === style) return word;
  return withTone(word, s.tone, s.nucleusStart + (style === 'modern' ? 0 : 1));
}

/** The word with its tone mark on the standard vowel, or undefined when it is already there or the word is no standard syllable. */
export function standardTonePlacement(s: Syllable, style: ToneStyle = 'modern'): string | undefined {
  if (s.tonedAt.length !== 1) return undefined;
  const allowed = tonePositions(s);
  if (allowed.includes(s.tonedAt[0])) return undefined;
  const target = allowed.length === 2 ? allowed[style === 'modern' ? 0 : 1] : allowed[0];
  return withTone(s.word, s.tone, target);
}

/** Copies the case pattern of `model` (UPPER, Capitalised or lower) onto `word`. */
export function inCaseOf(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (model[0] && model[0] !== model[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1).toLowerCase();
  return word.toLowerCase();
}

/** Lower case and the modern placement: the form words are compared in. */
export const canonical = perWord((word) => toToneStyle(word.toLowerCase(), 'modern'));

/** The style a document should follow: the configured one, else its majority, modern on a tie (the usual style of administrative documents). */
export function expectedToneStyle(counts: Record<ToneStyle, number>, configured?: ToneStyle): ToneStyle {
  return configured ?? (counts.classic > counts.modern ? 'classic' : 'modern');
}
