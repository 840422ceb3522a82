import { withReviewNotes } from '../docx/notes-from-comments';
import { readWordDocument, type WordBlock, type WordDocument, type WordParagraph } from '../docx/word-document';
import { importParagraphs, planTextOfParagraphs, type ImportResult } from './import-plan';
import { isLayoutTable } from './layout-table';
import type { SourceParagraph } from './source-paragraphs';

/**
 * DOCX import: the document's paragraphs as `docx/word-document.ts` reads
 * them (runs with bold and italic, tabs, breaks, tables, the numbers Word's
 * automatic numbering prints, tracked changes accepted) are turned into the
 * same source paragraphs as text input and fed to the same classifier.
 * Pure: bytes in, `.kh` text out.
 */

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** The runs of a paragraph; a line break is a run of `\n`. */
const runsOf = (paragraph: WordParagraph): Run[] => paragraph.pieces.map((p) => ({ text: paragraph.text.slice(p.start, p.end).normalize('NFC'), bold: p.bold, italic: p.italic }));

/** A paragraph's lines with `**`/`*` around the runs that are bold or italic, unless the whole paragraph is bold. */
export function linesOf(pieces: Run[]): { lines: string[]; bold: boolean } {
  // Runs of one style side by side are one (`*… nhân dân*` and `*).*` split by a span would leave `**` between them).
  const runs: Run[] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    if (last && last.text !== '\n' && piece.text !== '\n' && last.bold === piece.bold && last.italic === piece.italic) runs[runs.length - 1] = { ...last, text: last.text + piece.text };
    else runs.push(piece);
  }
  const visible = runs.filter((r) => r.text.trim() && r.text !== '\n');
  const bold = visible.length > 0 && visible.every((r) => r.bold);
  let text = '';
  for (const run of runs) {
    const marks = (bold ? '' : run.bold ? '**' : '') + (run.italic ? '*' : '');
    const core = run.text.trim();
    if (!marks || !core) {
      text += run.text;
      continue;
    }
    // Marks hug the words: `**Sở Tài chính** chủ trì`, never `** Sở`.
    const lead = run.text.slice(0, run.text.indexOf(core));
    const trail = run.text.slice(lead.length + core.length);
    text += `${lead}${marks}${core}${[...marks].reverse().join('')}${trail}`;
  }
  // Adjacent runs of the same style leave `****` between them: one run again.
  text = text.replace(/\*\*\*\*/g, '');
  // Trailing spaces go; `(?<! )` starts only at the first of them, where the match starts anyway, so it stays linear.
  // Bold begun or ended inside a word (`s**ửa đổi**`) would split the word for every check: such a line keeps its words, not its marks.
  return {
    lines: text
      .split('\n')
      .map((l) => l.replace(/(?<! ) +$/, ''))
      .map((l) => (/\p{L}\*+\p{L}/u.test(l) ? l.replace(/\*+/g, '') : l))
      .filter((l) => l.trim()),
    bold,
  };
}

const cellText = (cell: WordBlock[]) =>
  cell
    .filter((b) => b.kind === 'paragraph')
    .map((b) => linesOf(runsOf(b.paragraph)).lines.join(' '))
    .join(' ')
    .trim();

/** Turns the document's blocks into source paragraphs; the numbers Word's list numbering prints become typed markers. */
function paragraphsOfDocument(blocks: WordBlock[]): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  let index = 0;
  const paragraph = (element: WordParagraph) => {
    const { lines, bold } = linesOf(runsOf(element));
    index++;
    if (!lines.length) return;
    const number = element.listNumber;
    if (number?.ordered && number.label) lines[0] = `${number.label} ${lines[0].trimStart()}`;
    else if (number && !number.ordered) lines[0] = `- ${lines[0].trimStart()}`;
    out.push({ lines, bold, markedHeading: /^heading/i.test(element.styleName ?? ''), blankBefore: true, farIndented: false, sourceLine: index });
  };
  const walk = (elements: WordBlock[]) => {
    for (const element of elements) {
      if (element.kind === 'paragraph') paragraph(element.paragraph);
      else {
        const rows = element.rows;
        const columns = Math.max(0, ...rows.map((r) => r.length));
        if (isLayoutTable(columns, rows.length)) {
          for (let c = 0; c < columns; c++) for (const row of rows) if (row[c]) walk(row[c]);
        } else {
          index++;
          out.push({ lines: [], bold: false, markedHeading: false, blankBefore: true, farIndented: false, sourceLine: index, table: rows.map((r) => r.map(cellText)) });
        }
      }
    }
  };
  walk(blocks);
  return out;
}

/**
 * Imports a Word document read by `readWordDocument`: the report counts words against its visible
 * text and says how many tracked changes it had (read as accepted); its comments, anyone's, become
 * reviewers' notes of the plan unless `notes` is false (the review reads the plan without them).
 */
export function importWordDocument(document: WordDocument, { notes = true } = {}): ImportResult {
  const paragraphs = paragraphsOfDocument(document.blocks);
  const text = document.paragraphs.map((p) => (p.listNumber?.ordered ? `${p.listNumber.label} ` : '') + p.text).join('\n');
  const result = importParagraphs(paragraphs, text.normalize('NFC'));
  return {
    text: notes ? withReviewNotes(result.text, document) : result.text,
    report: { ...result.report, trackedChanges: document.trackedChanges, reviewNotes: notes ? document.comments.length : 0 },
  };
}

/** The plan of a Word document as the import writes it, without its comments as notes and without the report: what the review checks. */
export function planTextOfWordDocument(document: WordDocument): string {
  return planTextOfParagraphs(paragraphsOfDocument(document.blocks));
}

/** Imports a `.docx` plan from its bytes; throws `DocxInputError` for a file that is not one. */
export function importDocx(bytes: Uint8Array): ImportResult {
  return importWordDocument(readWordDocument(bytes));
}
