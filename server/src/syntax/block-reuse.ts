import type { IToken } from 'chevrotain';
import type { AgencyMention, Block, Citation, ExplicitNumber, InlineRun, PlanDiagnostic, Position, Range, Section } from '../model';
import type { BuildContext } from './build-context';

/**
 * The model of a block that did not change, taken from the last version of
 * the document rather than built again (the editor's case, through the
 * `TextMemo` on the source).
 */

/** A block's model and what it added to the document, at `line`; `used`, the memo's version that last handed it out. */
interface BuiltBlock<T> {
  line: number;
  block: T;
  citations: Citation[];
  agencies: AgencyMention[];
  diagnostics: PlanDiagnostic[];
  used: number;
}

/** The memo's entry for a block's text: its copy, and the blocks handed out by line in the memo's last two versions (usually one). */
interface BlockEntry<T> {
  copy: BuiltBlock<T>;
  handed: BuiltBlock<T>[];
}

/**
 * A heading, paragraph, item or table as an earlier version built it when
 * its lines are the same text (`src.memo`), with the citations, agency
 * mentions and diagnostics it added; built otherwise. Such a block's model
 * depends on its lines alone but for its line numbers: a range's character
 * is relative to its line, which starts the block's text. So the memo keeps
 * a copy made when it was built (never handed out: nothing downstream can
 * change it) and the blocks handed out at each line in this version and the
 * last, which a block still at its line shares (the usual case: an edit that
 * adds no line); at another line it is the copy moved by the difference.
 * Only for NFC text, where offsets are the editor's. A heading's section is
 * the caller's to complete (its place in the tree), on an object of its own.
 */
export function reused<T extends Block | Section>(ctx: BuildContext, kind: string, lines: IToken[], build: () => T): T {
  const { src } = ctx;
  const memo = src.memo;
  if (!memo || !src.isNfc) return build();
  const first = lines[0].startOffset;
  const last = lines[lines.length - 1];
  const line = src.position(first).line;
  // A one-line block's text is its token's: the same string from version to version where the line is unchanged (`lexLines`), whose hash the engine keeps.
  const text = lines.length === 1 ? last.image : src.text.slice(first, last.startOffset + last.image.length);
  let built: BuiltBlock<T> | undefined;
  const entry = memo.get(kind, text, (): BlockEntry<T> => {
    const [citations, agencies, diagnostics] = [ctx.citations.length, ctx.agencies.length, ctx.diagnostics.length];
    built = { line, block: build(), citations: ctx.citations.slice(citations), agencies: ctx.agencies.slice(agencies), diagnostics: ctx.diagnostics.slice(diagnostics), used: memo.version };
    return { copy: shiftBuilt(built, 0), handed: [built] };
  });
  if (built) return built.block;
  // Kept in place from version to version (no new map per block and version): those older than the last version dropped.
  const recent = memo.version - 1;
  if (entry.handed.some((b) => b.used < recent)) entry.handed = entry.handed.filter((b) => b.used >= recent);
  let block = entry.handed.find((b) => b.line === line);
  if (!block) entry.handed.push((block = shiftBuilt(entry.copy, line - entry.copy.line)));
  block.used = memo.version;
  ctx.citations.push(...block.citations);
  ctx.agencies.push(...block.agencies);
  ctx.diagnostics.push(...block.diagnostics);
  return block.block;
}

// A copy of each kind of model object with every position `delta` lines further down.

const shiftPosition = (p: Position, delta: number): Position => ({ line: p.line + delta, character: p.character });

const shiftRange = (r: Range, delta: number): Range => ({ start: shiftPosition(r.start, delta), end: shiftPosition(r.end, delta) });

const shiftRuns = (runs: InlineRun[], delta: number): InlineRun[] => runs.map((r) => ({ ...r, range: shiftRange(r.range, delta) }));

const shiftNumber = (n: ExplicitNumber, delta: number): ExplicitNumber => ({ ...n, ...(n.parts ? { parts: [...n.parts] } : {}), range: shiftRange(n.range, delta) });

/** A paragraph, item or table `delta` lines further down, a copy. */
export function shiftBlock(block: Block, delta: number): Block {
  switch (block.kind) {
    case 'paragraph':
      return { ...block, inlines: shiftRuns(block.inlines, delta), range: shiftRange(block.range, delta) };
    case 'item':
      return {
        ...block,
        marker: { ...block.marker, range: shiftRange(block.marker.range, delta) },
        ...(block.explicitNumber ? { explicitNumber: shiftNumber(block.explicitNumber, delta) } : {}),
        inlines: shiftRuns(block.inlines, delta),
        range: shiftRange(block.range, delta),
      };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row) => ({
          cells: row.cells.map((cell) => ({ ...cell, inlines: shiftRuns(cell.inlines, delta), range: shiftRange(cell.range, delta) })),
          range: shiftRange(row.range, delta),
        })),
        range: shiftRange(block.range, delta),
      };
  }
}

/** A section with its blocks and children `delta` lines further down, a copy. */
export function shiftSection(section: Section, delta: number): Section {
  return {
    ...section,
    titleInlines: shiftRuns(section.titleInlines, delta),
    ...(section.explicitNumber ? { explicitNumber: shiftNumber(section.explicitNumber, delta) } : {}),
    path: [...section.path],
    headingRange: shiftRange(section.headingRange, delta),
    range: shiftRange(section.range, delta),
    blocks: section.blocks.map((b) => shiftBlock(b, delta)),
    children: section.children.map((c) => shiftSection(c, delta)),
  };
}

/** A citation `delta` lines further down, a copy. */
export function shiftCitation(c: Citation, delta: number): Citation {
  return {
    ...c,
    ...(c.date ? { date: { ...c.date, range: shiftRange(c.date.range, delta) } } : {}),
    ...(c.issuerRange ? { issuerRange: shiftRange(c.issuerRange, delta) } : {}),
    typeWordRange: shiftRange(c.typeWordRange, delta),
    numberRange: shiftRange(c.numberRange, delta),
    range: shiftRange(c.range, delta),
  };
}

/** Syntax diagnostics carry a range only (no fixes, no related places). */
const shiftDiagnostic = (d: PlanDiagnostic, delta: number): PlanDiagnostic => ({ ...d, range: shiftRange(d.range, delta) });

function shiftBuilt<T extends Block | Section>(built: BuiltBlock<T>, delta: number): BuiltBlock<T> {
  const block = 'kind' in built.block ? shiftBlock(built.block, delta) : shiftSection(built.block, delta);
  return {
    line: built.line + delta,
    block: block as T,
    citations: built.citations.map((c) => shiftCitation(c, delta)),
    agencies: built.agencies.map((a) => ({ ...a, range: shiftRange(a.range, delta) })),
    diagnostics: built.diagnostics.map((d) => shiftDiagnostic(d, delta)),
    used: built.used,
  };
}
