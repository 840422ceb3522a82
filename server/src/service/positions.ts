import type { Position, Range } from '../model';

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when `p` lies in `range`, ends included (a cursor just after a word still hovers it). */
export function contains(range: Range, p: Position): boolean {
  return !before(p, range.start) && !before(range.end, p);
}
