import type { Range } from '../model';
import { SINGLE_LINE_EM, type LayoutBlock, type LayoutDocument, type LayoutPage, type LayoutParagraph, type LayoutRule, type LayoutTable, type PageSetup, type TextRun } from '../layout';
import { subsetFont } from './font-subset';
import { EMBEDDED_FONT_FACES, EMBEDDED_FONT_FAMILY, fontFace, type FontFace } from './fonts';
import { HTML_GENERATOR_META } from './export-marks';

/** A finding to mark on the preview's blocks. */
export interface HtmlDiagnosticMark {
  range: Range;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
}

export interface HtmlPagesOptions {
  /** Source lines on every block (`data-line`, `data-end-line`) for click-to-source and scroll sync. */
  sourceMap?: boolean;
  /** Findings to mark on the blocks whose source they touch (preview only). */
  diagnostics?: HtmlDiagnosticMark[];
}

/** The pages as markup and the stylesheet their classes refer to. */
export interface HtmlPages {
  /** `<div class="kh-doc">` with one `<section class="kh-page">` per page; no script, no style attribute. */
  body: string;
  /** The classes used by `body`, the page sheets and the typeface (no `@font-face`). */
  css: string;
  pageCount: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A browser may break a line after a hyphen even before a no-break space
 * (UAX #14, LB12a): the hyphen of a spaced compound (`trị - xã`, its spaces
 * made no-break by the layout) goes with the space after it into a span that
 * does not wrap.
 */
const bindHyphens = (html: string) => html.replace(/\u00A0([-\u2013])\u00A0/g, '\u00A0<span class="kh-nobr">$1\u00A0</span>');

/** Numbers in CSS without float noise (`12.7`, not `12.700000001`). */
const n = (value: number) => String(Math.round(value * 100) / 100);

/**
 * Collects the declarations of the blocks into classes, so that the markup
 * has no `style` attribute (a strict Content-Security-Policy forbids them)
 * and the same style is written once.
 */
class StyleSheet {
  private readonly classes = new Map<string, string>();

  classFor(declarations: string): string {
    let name = this.classes.get(declarations);
    if (!name) {
      name = `k${this.classes.size}`;
      this.classes.set(declarations, name);
    }
    return name;
  }

  css(): string {
    return [...this.classes].map(([declarations, name]) => `.${name}{${declarations}}`).join('\n');
  }
}

const SEVERITY_ORDER: HtmlDiagnosticMark['severity'][] = ['error', 'warning', 'information', 'hint'];

/** Ranges that share a position, ends included: a mark at the very end of a block still marks it. */
function overlaps(a: Range, b: Range): boolean {
  const compare = (p: Range['start'], q: Range['start']) => p.line - q.line || p.character - q.character;
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

/** The runs holding the text between two offsets of their text joined, cut at the ends. */
function sliceRuns(runs: TextRun[], from: number, until: number): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const run of runs) {
    const start = at;
    at += run.text.length;
    if (at <= from || start >= until) continue;
    const text = run.text.slice(Math.max(0, from - start), Math.min(run.text.length, until - start));
    // A line break before the part, or right where it opens, is not the part's.
    out.push({ ...run, text, breakBefore: run.breakBefore && start > from });
  }
  return out;
}

/**
 * The findings by the source lines they touch, so that each block looks at
 * those of its own lines rather than at every finding (a plan of thousands
 * of headings has thousands of both). A finding over more than `WIDE` lines
 * is looked at by every block instead of being filed under each line.
 */
class MarksByLine {
  private static readonly WIDE = 64;
  private readonly byLine = new Map<number, number[]>();
  private readonly wide: number[] = [];

  constructor(private readonly marks: readonly HtmlDiagnosticMark[]) {
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
  touching(range: Range): HtmlDiagnosticMark[] {
    const found = new Set<number>(this.wide);
    if (range.end.line - range.start.line <= this.byLine.size)
      for (let line = range.start.line; line <= range.end.line; line++) for (const index of this.byLine.get(line) ?? []) found.add(index);
    else for (const list of this.byLine.values()) for (const index of list) found.add(index);
    return [...found].sort((a, b) => a - b).map((index) => this.marks[index]).filter((mark) => overlaps(mark.range, range));
  }
}

class HtmlWriter {
  readonly sheet = new StyleSheet();
  private marks?: MarksByLine;

  constructor(private readonly options: HtmlPagesOptions) {}

  /** Source attributes of a block, and for text (`markable`) the findings that touch it. */
  private attributes(source: Range | undefined, classes: string[], markable = false): string {
    let out = '';
    if (source && this.options.sourceMap) out += ` data-line="${source.start.line}" data-end-line="${source.end.line}"`;
    const marks = source && markable && this.options.diagnostics?.length ? (this.marks ??= new MarksByLine(this.options.diagnostics)).touching(source) : [];
    if (marks.length) {
      const worst = SEVERITY_ORDER.find((s) => marks.some((m) => m.severity === s))!;
      classes.push('kh-diag', `kh-diag-${worst}`);
      out += ` title="${escapeHtml(marks.map((m) => m.message).join('\n'))}"`;
    }
    return ` class="${classes.join(' ')}"${out}`;
  }

  private runs(runs: TextRun[], paragraph: LayoutParagraph): string {
    if (!runs.some((r) => r.text)) return '<br>';
    return runs
      .map((run) => {
        const text = (run.breakBefore ? '<br>' : '') + bindHyphens(escapeHtml(run.text));
        const declarations: string[] = [];
        if (run.bold !== undefined && run.bold !== paragraph.bold) declarations.push(`font-weight:${run.bold ? 'bold' : 'normal'}`);
        if (run.italic !== undefined && run.italic !== paragraph.italic) declarations.push(`font-style:${run.italic ? 'italic' : 'normal'}`);
        if (run.underline !== undefined && run.underline !== paragraph.underline) declarations.push(`text-decoration:${run.underline ? 'underline' : 'none'}`);
        if (run.sizePt !== undefined && run.sizePt !== paragraph.sizePt) declarations.push(`font-size:${n(run.sizePt)}pt`);
        if (run.framed) return `<span class="kh-framed${declarations.length ? ` ${this.sheet.classFor(declarations.join(';'))}` : ''}">${text}</span>`;
        return declarations.length ? `<span class="${this.sheet.classFor(declarations.join(';'))}">${text}</span>` : text;
      })
      .join('');
  }

  /**
   * The part of a paragraph that runs across pages shown on one page: only
   * its own text, from `from` to `until` (offsets into the runs' text), so
   * that a long paragraph costs each page its share and no more. A part that
   * goes on keeps no space below and justifies its last line as a middle
   * one; a part that carries on from the page before has no indent and no
   * space above.
   */
  paragraphPart(p: LayoutParagraph, from: number | undefined, until: number | undefined): string {
    const part: LayoutParagraph = {
      ...p,
      runs: sliceRuns(p.runs, from ?? 0, until ?? Infinity),
      ...(from !== undefined ? { spaceBeforePt: 0, firstLineIndentMm: 0 } : {}),
      ...(until !== undefined ? { spaceAfterPt: 0 } : {}),
    };
    return this.paragraph(part, until !== undefined && p.align === 'justify' ? ` ${this.sheet.classFor('text-align-last:justify')}` : '');
  }

  paragraph(p: LayoutParagraph, extraClass = ''): string {
    const declarations = [
      `font-size:${n(p.sizePt)}pt`,
      `font-weight:${p.bold ? 'bold' : 'normal'}`,
      `font-style:${p.italic ? 'italic' : 'normal'}`,
      `text-decoration:${p.underline ? 'underline' : 'none'}`,
      `text-align:${p.align}`,
      `text-indent:${n(p.firstLineIndentMm)}mm`,
      `margin:${n(p.spaceBeforePt)}pt 0 ${n(p.spaceAfterPt)}pt ${n(p.leftIndentMm)}mm`,
      `line-height:${n(p.lineSpacing * SINGLE_LINE_EM)}`,
    ].join(';');
    const classes = ['kh-p', `kh-${p.role}`, this.sheet.classFor(declarations) + extraClass];
    return `<p${this.attributes(p.source, classes, true)}>${this.runs(p.runs, p)}</p>`;
  }

  private rule(r: LayoutRule): string {
    const margin = r.align === 'center' ? 'auto' : '0';
    const declarations = `width:${n(r.widthMm)}mm;border-top:${n(r.thicknessPt)}pt solid #000;margin:${n(r.spaceBeforePt)}pt ${margin} ${n(r.spaceAfterPt)}pt ${margin};height:0`;
    // A rule is drawn, never clicked: no source attributes.
    return `<div class="kh-rule kh-${r.role} ${this.sheet.classFor(declarations)}"></div>`;
  }

  private table(t: LayoutTable): string {
    const width = t.columnWidthsMm.reduce((a, b) => a + b, 0);
    const tableClass = this.sheet.classFor(`width:${n(width)}mm;margin:${n(t.spaceBeforePt)}pt auto ${n(t.spaceAfterPt)}pt auto`);
    const cols = t.columnWidthsMm.map((w) => `<col class="${this.sheet.classFor(`width:${n(w)}mm`)}">`).join('');
    const padding = this.sheet.classFor(`padding:0 ${n(t.cellPaddingMm)}mm`);
    const rows = t.rows
      .map((row) => {
        const cells = row.cells
          .map((cell) => {
            const tag = row.isHeader ? 'th' : 'td';
            const span = cell.columnSpan && cell.columnSpan > 1 ? ` colspan="${cell.columnSpan}"` : '';
            const classes = [padding, cell.verticalAlign === 'middle' ? 'kh-middle' : 'kh-top'];
            return `<${tag}${span} class="${classes.join(' ')}">${cell.blocks.map((b) => this.block(b)).join('')}</${tag}>`;
          })
          .join('');
        return `<tr${this.attributes(row.source, ['kh-row'])}>${cells}</tr>`;
      })
      .join('');
    const classes = ['kh-table', `kh-${t.role}`, t.borders ? 'kh-bordered' : 'kh-borderless', tableClass];
    return `<table${this.attributes(t.source, classes)}><colgroup>${cols}</colgroup>${rows}</table>`;
  }

  block(b: LayoutBlock): string {
    switch (b.kind) {
      case 'paragraph':
        return this.paragraph(b);
      case 'rule':
        return this.rule(b);
      case 'table':
        return this.table(b);
    }
  }

  /** The sheet of paper: size and margins as padding. */
  pageClass(page: PageSetup): string {
    const m = page.margins;
    return this.sheet.classFor(`width:${n(page.widthMm)}mm;min-height:${n(page.heightMm)}mm;padding:${n(m.topMm)}mm ${n(m.rightMm)}mm ${n(m.bottomMm)}mm ${n(m.leftMm)}mm`);
  }
}

/** What every rendering shares: the sheets black on white, tables, rules, and printing one sheet per page. */
function baseCss(layout: LayoutDocument): string {
  const families = [layout.font.family, ...layout.font.fallbacks].map((f) => (f === 'serif' ? f : `"${f}"`)).join(',');
  const number = layout.pageNumbering;
  return `.kh-doc{font-family:${families};color:#000}
.kh-page{box-sizing:border-box;position:relative;background:#fff;color:#000;margin:0 auto 8mm auto;overflow:hidden}
.kh-page-number{position:absolute;left:0;right:0;top:${n(number.fromTopMm)}mm;text-align:center;font-size:${n(number.sizePt)}pt;line-height:1}
.kh-p{orphans:2;widows:2;overflow-wrap:break-word}
.kh-nobr{white-space:nowrap}
.kh-framed{border:0.75pt solid #000;padding:0 0.2em}
.kh-table{border-collapse:collapse;table-layout:fixed}
.kh-table td,.kh-table th{font-weight:inherit}
.kh-bordered td,.kh-bordered th{border:0.75pt solid #000}
.kh-top{vertical-align:top}.kh-middle{vertical-align:middle}
.kh-landscape{page:landscape}
@page{size:A4 portrait;margin:0}
@page landscape{size:A4 landscape;margin:0}
@media print{.kh-page{margin:0;box-shadow:none;break-after:page}.kh-diag{background:none!important;box-shadow:none!important}}`;
}

/**
 * The pages of a layout as HTML markup with its stylesheet. The markup holds
 * no script and no `style` attribute, and every piece of the document's text
 * is escaped, so it stays inert under a strict Content-Security-Policy.
 */
export function renderHtmlPages(layout: LayoutDocument, options: HtmlPagesOptions = {}): HtmlPages {
  const writer = new HtmlWriter(options);
  const page = (p: LayoutPage) => {
    const section = layout.sections[p.section];
    const classes = ['kh-page', writer.pageClass(section.page), section.page.orientation === 'landscape' ? 'kh-landscape' : 'kh-portrait'];
    const number = p.showNumber ? `<div class="kh-page-number">${p.number}</div>` : '';
    const blocks = section.blocks
      .slice(p.firstBlock, p.endBlock)
      .map((b, i, shown) => {
        const from = i === 0 ? p.firstBlockFromOffset : undefined;
        const until = i === shown.length - 1 ? p.lastBlockUntilOffset : undefined;
        return b.kind === 'paragraph' && (from !== undefined || until !== undefined) ? writer.paragraphPart(b, from, until) : writer.block(b);
      })
      .join('\n');
    return `<section class="${classes.join(' ')}" data-page="${p.number}">${number}\n${blocks}\n</section>`;
  };
  const body = `<div class="kh-doc" lang="vi">\n${layout.pages.map(page).join('\n')}\n</div>`;
  return { body, css: `${baseCss(layout)}\n${writer.sheet.css()}`, pageCount: layout.pages.length };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep the argument list of fromCharCode short.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const FACE_CSS: Record<FontFace, string> = {
  regular: 'font-weight:normal;font-style:normal',
  bold: 'font-weight:bold;font-style:normal',
  italic: 'font-weight:normal;font-style:italic',
  boldItalic: 'font-weight:bold;font-style:italic',
};

/** `@font-face` rules for the faces given, under the family the layout lists after Times New Roman (and Tinos). */
function fontFaceCss(faces: Partial<Record<FontFace, Uint8Array>>): string {
  return (Object.keys(FACE_CSS) as FontFace[])
    .filter((face) => faces[face])
    .map((face) => `@font-face{font-family:"${EMBEDDED_FONT_FAMILY}";${FACE_CSS[face]};src:url(data:font/ttf;base64,${base64(faces[face]!)}) format("truetype")}`)
    .join('\n');
}

/**
 * `@font-face` rules that use Times New Roman where installed and the bundled
 * metric-compatible Liberation Serif otherwise, so the lines break the same on
 * every machine: the four whole faces, about 2 MB of base64.
 */
export function embeddedFontCss(): string {
  return fontFaceCss(EMBEDDED_FONT_FACES);
}

/**
 * The text each face draws in the layout's HTML: every run in the face its
 * paragraph and its own style give it, and the page numbers, the only text
 * the HTML adds itself, in the regular face (all ten digits, whatever pages
 * there are).
 */
export function textByFace(layout: LayoutDocument): Partial<Record<FontFace, string>> {
  const texts: Partial<Record<FontFace, string>> = { regular: '0123456789' };
  const visit = (block: LayoutBlock) => {
    if (block.kind === 'paragraph') {
      for (const run of block.runs) {
        const face = fontFace(run.bold ?? block.bold, run.italic ?? block.italic);
        texts[face] = (texts[face] ?? '') + run.text;
      }
    } else if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row.cells) cell.blocks.forEach(visit);
    }
  };
  for (const section of layout.sections) section.blocks.forEach(visit);
  return texts;
}

/** `@font-face` rules for the faces the layout uses, each cut down to the characters it draws (a few dozen KB instead of 2 MB). */
function subsetFontCss(layout: LayoutDocument): string {
  const faces: Partial<Record<FontFace, Uint8Array>> = {};
  for (const [face, text] of Object.entries(textByFace(layout)) as [FontFace, string][]) faces[face] = subsetFont(EMBEDDED_FONT_FACES[face], text);
  return fontFaceCss(faces);
}

/** A random nonce for a Content-Security-Policy (Web Crypto: in Node 20 and in browsers alike). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return base64(bytes).replace(/[+/=]/g, '');
}

export interface StandaloneHtmlOptions {
  /** Embed the faces the plan uses, cut down to its characters (default true); false relies on the reader's fonts. */
  embedFonts?: boolean;
  /** The stylesheet's nonce; random when absent. */
  nonce?: string;
}

/**
 * A self-contained HTML file of the layout, for export: the pages as the
 * preview shows them, the stylesheet embedded, no script at all and a policy
 * that forbids any (`default-src 'none'`), no remote load.
 */
export function renderStandaloneHtml(layout: LayoutDocument, options: StandaloneHtmlOptions = {}): string {
  const pages = renderHtmlPages(layout);
  const nonce = options.nonce ?? makeNonce();
  const fonts = options.embedFonts === false ? '' : `${subsetFontCss(layout)}\n`;
  const css = `${fonts}body{margin:0;padding:8mm 0;background:#e8e8e8}
.kh-page{box-shadow:0 0 2mm rgba(0,0,0,.3)}
@media print{body{padding:0;background:#fff}}
${pages.css}`;
  const head = `<meta name="author" content="${escapeHtml(layout.meta.author)}">\n${HTML_GENERATOR_META}`;
  return htmlPage({ title: layout.meta.title, nonce, sources: 'font-src data:; img-src data:', head, css, body: pages.body });
}

/**
 * A self-contained HTML page in Vietnamese (the export, the review report):
 * a policy that allows only its own stylesheet by nonce and the `sources`
 * given, no script, no remote load; `head` and `body` are markup already
 * escaped.
 */
export function htmlPage(page: { title: string; nonce: string; sources?: string; head?: string; css: string; body: string }): string {
  const csp = `default-src 'none'; style-src 'nonce-${page.nonce}'; ${page.sources ? `${page.sources}; ` : ''}base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
${page.head ? `${page.head}\n` : ''}<style nonce="${page.nonce}">
${page.css}
</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
