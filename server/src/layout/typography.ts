import type { NameLines } from '../model';
import type { TextRun } from './layout-model';

const NO_BREAK_SPACE = '\u00A0';
/** A hyphen or en dash with a word before and after it, spaces (of either kind) on both sides. */
const SPACED_DASH = /(?<=\S)[ \u00A0]+[-\u2013][ \u00A0]+(?=\S)/g;

/**
 * The spaces around the hyphen (or en dash) of a spaced compound
 * (`chính trị - xã hội`, `Lao động - Thương binh`, `2021 - 2025`) made
 * no-break spaces, across runs, so that the hyphen never starts or ends a
 * line, where it would read as a list dash. A dash that opens a paragraph
 * (an item's `- `) has no word before it and stays as it is. Runs keep their
 * lengths; runs without such a hyphen are returned as they are.
 */
export function bindSpacedHyphens(runs: TextRun[]): TextRun[] {
  // Most paragraphs have no spaced dash: plain searches rule them out before the pattern runs.
  if (!runs.some((r) => r.text.includes('-') || r.text.includes('\u2013'))) return runs;
  const text = runs.length === 1 ? runs[0].text : runs.map((r) => r.text).join('');
  if (!text.includes(' -') && !text.includes(' \u2013') && !text.includes(NO_BREAK_SPACE)) return runs;
  const bound = text.replace(SPACED_DASH, (match) => match.replace(/ /g, NO_BREAK_SPACE));
  if (bound === text) return runs;
  let at = 0;
  return runs.map((run) => {
    const part = bound.slice(at, (at += run.text.length));
    return part === run.text ? run : { ...run, text: part };
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
