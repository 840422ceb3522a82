import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { fold } from '../syntax/inline';
import { linesOf, type Run } from './docx';
import { importParagraphs, type ImportResult } from './import-plan';
import { isLayoutTable } from './layout-table';
import type { SourceParagraph } from './source-paragraphs';

/**
 * HTML as Word saves a document ("Web page", `MsoNormal` paragraphs, the
 * header and the closing in borderless tables) and as legal portals serve
 * or save it (the plan inside the page's navigation, attribute tables and
 * related documents). Paragraph-level elements become source paragraphs
 * with their bold runs, tables of the header and the closing are read column
 * by column, other tables become tables of the plan; the page around the
 * plan is left to `page-clutter.ts`, which keeps it as reported comments.
 */

/** Elements whose content is never text of the plan. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'button', 'select', 'option', 'textarea', 'input']);
/** Elements that hold a paragraph of their own. */
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'body',
  'html',
  'center',
  'address',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'caption',
]);

const styleOf = (element: Element) => (element.attribs.style ?? '').toLowerCase();
const isBold = (element: Element) => /^(?:b|strong|h[1-6]|th)$/.test(element.name) || /font-weight\s*:\s*(?:bold|[6-9]00)/.test(styleOf(element));
const isItalic = (element: Element) => /^(?:i|em)$/.test(element.name) || /font-style\s*:\s*italic/.test(styleOf(element));
/** Word hides text in `display:none` spans (field codes, deleted comments). */
const isHidden = (element: Element) => /display\s*:\s*none/.test(styleOf(element)) || 'hidden' in element.attribs;

interface Reader {
  out: SourceParagraph[];
  /** Paragraph-level elements read so far: the report's "line" for an HTML source. */
  count: number;
  /** Every text of the page in order, for counting the words kept. */
  text: string[];
}

/** The runs of the inline content under `node`, stopping at nested blocks and tables (returned for the caller to read). */
function collectRuns(node: ChildNode, runs: Run[], style: { bold: boolean; italic: boolean }, nested: Element[]): void {
  if (node.type === 'text') {
    // HTML collapses white space; a no-break space is a space.
    const text = node.data.replace(/[\s\u00a0]+/g, ' ');
    if (text) runs.push({ text: text.normalize('NFC'), ...style });
    return;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
  const element = node as Element;
  if (SKIPPED.has(element.name) || isHidden(element)) return;
  if (element.name === 'br') {
    runs.push({ text: '\n', ...style });
    return;
  }
  if (element.name === 'table' || (BLOCK.has(element.name) && element.name !== 'span')) {
    nested.push(element);
    return;
  }
  const inner = { bold: style.bold || isBold(element), italic: style.italic || isItalic(element) };
  for (const child of element.children) collectRuns(child, runs, inner, nested);
}

function emitRuns(runs: Run[], reader: Reader, heading: boolean): void {
  reader.count++;
  // A paragraph wholly in italics (the place and date, a remark) is plain: marks would only split its runs.
  const visible = runs.filter((r) => r.text.trim() && r.text !== '\n');
  const italic = visible.length > 0 && visible.every((r) => r.italic);
  const { lines, bold } = linesOf(italic ? runs.map((r) => ({ ...r, italic: false })) : runs);
  const kept = lines.map((l) => l.replace(/ {2,}/g, ' ').trim()).filter(Boolean);
  if (!kept.length) return;
  reader.text.push(kept.join('\n'));
  reader.out.push({ lines: kept, bold, markedHeading: heading, blankBefore: true, farIndented: false, sourceLine: reader.count });
}

/** Reads the paragraphs under an element: inline content between blocks is a paragraph of its own. */
function readBlock(element: Element, reader: Reader): void {
  if (element.name === 'table') return readTable(element, reader);
  let runs: Run[] = [];
  const style = { bold: isBold(element), italic: isItalic(element) };
  const heading = /^h[1-6]$/.test(element.name);
  const flush = () => {
    if (runs.some((r) => r.text.trim())) emitRuns(runs, reader, heading);
    runs = [];
  };
  for (const child of element.children) {
    const nested: Element[] = [];
    collectRuns(child, runs, style, nested);
    for (const block of nested) {
      flush();
      if (block.name === 'li' && element.name === 'ol') runs.push({ text: `${element.children.filter((c) => c.type === 'tag' && (c as Element).name === 'li').indexOf(block) + 1}. `, ...style });
      else if (block.name === 'li') runs.push({ text: '- ', ...style });
      if (runs.length) {
        // The list marker opens the item's own paragraph.
        const marker = runs;
        runs = [];
        const inner: Element[] = [];
        for (const c of block.children) collectRuns(c, marker, { bold: style.bold || isBold(block), italic: style.italic }, inner);
        runs = marker;
        flush();
        for (const b of inner) readBlock(b, reader);
      } else readBlock(block, reader);
    }
  }
  flush();
}

const elementsOf = (element: Element, name: string) => element.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === name);

/** The rows of a table (through `thead`/`tbody`/`tfoot`), each a list of cells. */
function rowsOf(table: Element): Element[][] {
  const rows: Element[] = [];
  const walk = (e: Element) => {
    for (const child of e.children) {
      if (child.type !== 'tag') continue;
      const c = child as Element;
      if (c.name === 'tr') rows.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows.map((r) => [...elementsOf(r, 'td'), ...elementsOf(r, 'th')].filter((c) => !isHidden(c))).filter((r) => r.length);
}

function readTable(table: Element, reader: Reader): void {
  const rows = rowsOf(table);
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (isLayoutTable(columns, rows.length)) {
    for (let c = 0; c < columns; c++) for (const row of rows) if (row[c]) readBlock(row[c], reader);
    return;
  }
  const cells = rows.map((row) =>
    row.map((cell) => {
      const inner: Reader = { out: [], count: 0, text: [] };
      readBlock(cell, inner);
      return inner.out
        .map((p) => p.lines.join(' '))
        .join(' ')
        .trim();
    }),
  );
  reader.count++;
  reader.text.push(cells.map((r) => r.join(' ')).join('\n'));
  reader.out.push({ lines: [], bold: false, markedHeading: false, blankBefore: true, farIndented: false, sourceLine: reader.count, table: cells });
}

/** The source paragraphs of an HTML page, and its text. */
export function paragraphsOfHtml(html: string): { paragraphs: SourceParagraph[]; text: string } {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const reader: Reader = { out: [], count: 0, text: [] };
  const root = { type: 'tag', name: 'body', attribs: {}, children: document.children } as unknown as Element;
  readBlock(root, reader);
  return { paragraphs: reader.out, text: reader.text.join('\n') };
}

/** A page the import found no plan in. */
export class NoPlanInPageError extends Error {}

const HEADER_OR_KIND = /cong hoa xa hoi chu nghia|dang cong san viet nam|^(?:ke hoach|chuong trinh)\b/;

/**
 * Imports a plan from an HTML page (see `paragraphsOfHtml`). A page with
 * neither a Quốc hiệu, a party line nor a `KẾ HOẠCH`/`CHƯƠNG TRÌNH` title
 * holds no plan: `NoPlanInPageError`, and nothing is written.
 */
export function importHtml(html: string): ImportResult {
  const { paragraphs, text } = paragraphsOfHtml(html);
  if (!paragraphs.some((p) => HEADER_OR_KIND.test(fold(p.lines.join(' ').replace(/\*+/g, '').trim())))) {
    throw new NoPlanInPageError('trang không chứa kế hoạch nào (không có Quốc hiệu, dòng Đảng hay tên loại KẾ HOẠCH) / the page holds no plan (no Quốc hiệu, party line or KẾ HOẠCH title)');
  }
  return importParagraphs(paragraphs, text);
}
