import type { Range } from '../model';

/** Ranges that share a position, ends included: a mark at the very end of a block still marks it. */
function overlaps(a: Range, b: Range): boolean {
  const compare = (p: Range['start'], q: Range['start']) => p.line - q.line || p.character - q.character;
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

/**
 * The findings by the source lines they touch, so that each block looks at
 * those of its own lines rather than at every finding (a plan of thousands
 * of headings has thousands of both). A finding over more than `WIDE` lines
 * is looked at by every block instead of being filed under each line.
 */
export class MarksByLine<Mark extends { range: Range }> {
  private static readonly WIDE = 64;
  private readonly byLine = new Map<number, number[]>();
  private readonly wide: number[] = [];

  constructor(private readonly marks: readonly Mark[]) {
    marks.forEach((mark, index) => {
      const { start, end } = mark.range;
      if (end.line - start.line > MarksByLine.WIDE || end.line < start.line) this.wide.push(index);
      else
        for (let line = start.line; line <= end.line; line++) {
          const list = this.byLine.get(line);
          if (list) list.push(index);
          else this.byLine.set(line, [index]);
        }
    });
  }

  /** The findings that touch `range`, in their given order. */
  touching(range: Range): Mark[] {
    const found = new Set<number>(this.wide);
    if (range.end.line - range.start.line <= this.byLine.size) for (let line = range.start.line; line <= range.end.line; line++) for (const index of this.byLine.get(line) ?? []) found.add(index);
    else for (const list of this.byLine.values()) for (const index of list) found.add(index);
    return [...found]
      .sort((a, b) => a - b)
      .map((index) => this.marks[index])
      .filter((mark) => overlaps(mark.range, range));
  }
}
