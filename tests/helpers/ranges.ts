import type { Range } from '../../server/src/model';
import { SourceText } from '../../server/src/syntax/source-text';

/** The text a range covers in the original, NFC-normalised: what a user sees highlighted. */
export function textAt(original: string, range: Range): string {
  const src = new SourceText(original);
  return original.slice(src.offsetOf(range.start), src.offsetOf(range.end)).normalize('NFC');
}

/** Walks any model value and yields every object that has a `range`-like field, with the field's name. */
export function* allRanges(value: unknown, path = ''): Generator<{ path: string; range: Range }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* allRanges(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (/(^r|R)ange$/.test(key) && v && typeof v === 'object' && 'start' in v) yield { path: `${path}.${key}`, range: v as Range };
      else yield* allRanges(v, `${path}.${key}`);
    }
  }
}
