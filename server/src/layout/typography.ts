import type { NameLines } from '../model';
import type { TextRun } from './layout-model';

const NO_BREAK_SPACE = '\u00A0';
const isDash = (c: string) => c === '-' || c === '\u2013';
const isGap = (c: string) => c === ' ' || c === NO_BREAK_SPACE;

/**
 * The spaces around the hyphen (or en dash) of a spaced compound
 * (`chính trị - xã hội`, `Lao động - Thương binh`, `2021 - 2025`) made
 * no-break spaces, across runs, so that the hyphen never starts or ends a
 * line, where it would read as a list dash. A dash that opens a paragraph
 * (an item's `- `) has no word before it and stays as it is. Runs keep their
 * lengths; runs without such a hyphen are returned as they are.
 */
export function bindSpacedHyphens(runs: TextRun[]): TextRun[] {
  if (!runs.some((r) => r.text.includes('-') || r.text.includes('\u2013'))) return runs;
  const text = runs.map((r) => r.text).join('');
  const chars = [...text];
  let changed = false;
  for (let i = 0; i < chars.length; i++) {
    if (!isDash(chars[i])) continue;
    let before = i;
    while (before > 0 && isGap(chars[before - 1])) before--;
    let after = i + 1;
    while (after < chars.length && isGap(chars[after])) after++;
    // A word on each side, and space between it and the dash on each side.
    if (before === i || after === i + 1 || before === 0 || after === chars.length) continue;
    for (let k = before; k < i; k++) chars[k] = NO_BREAK_SPACE;
    for (let k = i + 1; k < after; k++) chars[k] = NO_BREAK_SPACE;
    changed = true;
  }
  if (!changed) return runs;
  let at = 0;
  return runs.map((run) => {
    const length = [...run.text].length;
    const bound = chars.slice(at, at + length).join('');
    at += length;
    return bound === run.text ? run : { ...run, text: bound };
  });
}

/**
 * The lines of a body's name in its column: the drafter's typed lines, then,
 * for a line that does not fit, its break before the place, then, for a part
 * still too long, its breaks before `VÀ`, joining back what fits together.
 * A line that fits nowhere is left for the renderer to wrap.
 */
export function nameLineTexts(name: NameLines, fits: (text: string) => boolean): string[] {
  let lines = split(name, 'typed');
  for (const kind of ['place', 'conjunction'] as const) lines = lines.flatMap((line) => (fits(text(line)) ? [line] : pack(split(line, kind), kind, fits)));
  return lines.map(text);
}

const text = (line: NameLines) => line.parts.join(' ');

/** A name cut at every break of one kind. */
function split(name: NameLines, kind: NameLines['breaks'][number]): NameLines[] {
  const out: NameLines[] = [{ parts: [name.parts[0]], breaks: [] }];
  name.breaks.forEach((b, i) => {
    const part = name.parts[i + 1];
    if (b === kind) out.push({ parts: [part], breaks: [] });
    else {
      const last = out[out.length - 1];
      last.breaks.push(b);
      last.parts.push(part);
    }
  });
  return out;
}

/** Consecutive pieces joined back while the joined line fits. */
function pack(pieces: NameLines[], kind: NameLines['breaks'][number], fits: (text: string) => boolean): NameLines[] {
  const out: NameLines[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && fits(`${text(last)} ${text(piece)}`)) out[out.length - 1] = { parts: [...last.parts, ...piece.parts], breaks: [...last.breaks, kind, ...piece.breaks] };
    else out.push(piece);
  }
  return out;
}
