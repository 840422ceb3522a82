import { isUpperText } from './source-paragraphs';

/** Readings of the body that look back at what was read: a dotted number's parent, the issuer's line over an appendix. */

/** A numbered paragraph, as `body.ts` reads it. */
interface Numbered {
  kind: string;
  marker: string;
  depth: number;
}

/** The number a dotted number's parent has: `2.2.1` → `2.2`, `2.1.` → `2`. */
export function parentNumber(marker: string): string {
  return marker.replace(/\.$/, '').split('.').slice(0, -1).join('.');
}

/**
 * A numbered part with parts under it read as headings is a heading too
 * (`2.2. Giải pháp cụ thể:` above `2.2.1 Lưu vực Tô Lịch`): the parent is the
 * nearest part before them numbered as their prefix, under the same level-1 heading.
 */
export function promoteParents(numbers: (Numbered | undefined)[], start: number, decisions: Map<number, { level: number }>, dottedLevel: (i: number) => number): void {
  for (let i = numbers.length - 1; i >= start; i--) {
    const n = numbers[i];
    if (!n || n.kind !== 'dotted' || !decisions.has(i)) continue;
    const parent = parentNumber(n.marker);
    for (let j = i - 1; j >= start; j--) {
      const m = numbers[j];
      if (!m || m.kind === 'roman') break;
      if (m.kind === 'letter' || m.marker.replace(/[.)-]$/, '') !== parent) continue;
      if (!decisions.has(j)) decisions.set(j, { level: m.kind === 'arabic' ? Math.max(1, decisions.get(i)!.level - 1) : dottedLevel(j) });
      break;
    }
  }
}

/** The issuer's name in capitals over an appendix after the signature is the appendix's heading, not the plan's last words: made a comment. */
export function issuerOverAppendix<E extends { kind: string; text?: string }>(entries: E[], comment: (text: string) => E): void {
  const last = entries[entries.length - 1];
  if (last?.kind === 'paragraph' && isUpperText(last.text ?? '') && entries.some((e) => e.kind === 'signature')) entries[entries.length - 1] = comment(last.text ?? '');
}
