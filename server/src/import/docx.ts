import mammoth from 'mammoth';
import { importParagraphs, type ImportResult } from './import-plan';
import { isLayoutTable } from './layout-table';
import type { SourceParagraph } from './source-paragraphs';

/**
 * DOCX import: mammoth reads the WordprocessingML into its document tree
 * (paragraphs, runs with bold and italic, tabs, breaks, tables, list
 * numbering), which is turned into the same source paragraphs as text input
 * and fed to the same classifier. Pure: bytes in, `.kh` text out.
 */

/** The parts of mammoth's document tree the import reads (mammoth ships no types for it). */
interface DocxElement {
  type: string;
  children?: DocxElement[];
  value?: string;
  isBold?: boolean;
  isItalic?: boolean;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
}

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** The runs of a paragraph; a line break is a run of `\n`. */
function runsOf(element: DocxElement, out: Run[] = [], style = { bold: false, italic: false }): Run[] {
  for (const child of element.children ?? []) {
    if (child.type === 'text') out.push({ text: (child.value ?? '').normalize('NFC'), ...style });
    else if (child.type === 'tab') out.push({ text: '\t', ...style });
    else if (child.type === 'break') out.push({ text: '\n', ...style });
    else if (child.type === 'run') runsOf(child, out, { bold: Boolean(child.isBold), italic: Boolean(child.isItalic) });
    else if (child.children) runsOf(child, out, style);
  }
  return out;
}

/** A paragraph's lines with `**`/`*` around the runs that are bold or italic, unless the whole paragraph is bold. */
export function linesOf(runs: Run[]): { lines: string[]; bold: boolean } {
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
  return { lines: text.split('\n').map((l) => l.replace(/(?<! ) +$/, '')).map((l) => (/\p{L}\*+\p{L}/u.test(l) ? l.replace(/\*+/g, '') : l)).filter((l) => l.trim()), bold };
}

const cellText = (cell: DocxElement) =>
  (cell.children ?? [])
    .filter((c) => c.type === 'paragraph')
    .map((p) => linesOf(runsOf(p)).lines.join(' '))
    .join(' ')
    .trim();

/** Turns mammoth's document into source paragraphs; list numbering Word computes becomes typed markers. */
function paragraphsOfDocument(document: DocxElement): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  const counters = new Map<number, number>();
  let index = 0;
  const paragraph = (element: DocxElement) => {
    const { lines, bold } = linesOf(runsOf(element));
    index++;
    if (!lines.length) return;
    const numbering = element.numbering;
    if (numbering?.isOrdered) {
      // mammoth tells ordered from bulleted but not the format: Word's `I.` or `a)` comes out as `1.`.
      const level = Number(numbering.level);
      const count = (counters.get(level) ?? 0) + 1;
      counters.set(level, count);
      for (const deeper of counters.keys()) if (deeper > level) counters.delete(deeper);
      lines[0] = `${count}. ${lines[0].trimStart()}`;
    } else if (numbering) lines[0] = `- ${lines[0].trimStart()}`;
    out.push({ lines, bold, markedHeading: /^heading/i.test(element.styleName ?? ''), blankBefore: true, farIndented: false, sourceLine: index });
  };
  const walk = (elements: DocxElement[]) => {
    for (const element of elements) {
      if (element.type === 'paragraph') paragraph(element);
      else if (element.type === 'table') {
        const rows = (element.children ?? []).filter((r) => r.type === 'tableRow').map((r) => (r.children ?? []).filter((c) => c.type === 'tableCell'));
        const columns = Math.max(0, ...rows.map((r) => r.length));
        if (isLayoutTable(columns, rows.length)) {
          for (let c = 0; c < columns; c++) for (const row of rows) if (row[c]) walk(row[c].children ?? []);
        } else {
          index++;
          out.push({ lines: [], bold: false, markedHeading: false, blankBefore: true, farIndented: false, sourceLine: index, table: rows.map((r) => r.map(cellText)) });
        }
      } else if (element.children) walk(element.children);
    }
  };
  walk(document.children ?? []);
  return out;
}

/** Imports a `.docx` plan (its bytes); the report counts words against the document's text as mammoth reads it. */
export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  let captured: DocxElement | undefined;
  // mammoth's Node entry takes `buffer` and hands it to JSZip, which reads any Uint8Array (no Node Buffer needed).
  const input = { buffer: bytes as Buffer };
  await mammoth.convertToHtml(
    input,
    {
      transformDocument: (document: DocxElement) => {
        captured = document;
        return document;
      },
    },
  );
  const raw = await mammoth.extractRawText(input);
  const paragraphs = captured ? paragraphsOfDocument(captured) : [];
  return importParagraphs(paragraphs, raw.value.normalize('NFC'));
}
