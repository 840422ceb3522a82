import type { PlanDiagnostic } from '../model';
import { fold } from '../syntax/inline';
import { builtinRegistry } from '../registry/builtin';
import type { TokenType } from 'chevrotain';
import { lineLexer, RecipientsLabel, TextLine } from '../syntax/lexer';
import { parsePlan } from '../syntax/parse';
import { scanBody, type Entry } from './body';
import { opensClosing } from './closing';
import { documentBounds } from './page-clutter';
import { scanHeader, type HeaderScan, type ImportedHeader, type WordMend } from './header';
import { issuedPlanHeader, issuedPlanStart, ISSUED_WITH } from './issuing-decision';
import { isUpperText, mendCapitals, paragraphsOfText, splitRunInHeadings, type SourceParagraph } from './source-paragraphs';

/** What an import did not understand, and how much of the source it kept. */
export interface ImportReport {
  /** Source paragraphs kept as text or as a comment because they fit nothing, with their source line (1-based). */
  unclassified: { line: number; text: string; keptAs: 'text' | 'comment' }[];
  /** Lines turned into comments as scan noise; `stray` when the import guessed (a short lone fragment). */
  noise: { line: number; text: string; stray: boolean }[];
  /** Lines of capitals whose OCR slips were mended (`Il.` → `II.`), as the scan had them; their words count as kept like those of `wordsMended`. */
  ocrMended: { line: number; text: string }[];
  /** Header fields the source did not give, left empty for the checks to report. */
  missingHeaderFields: string[];
  /** Labels and the tên loại misread by OCR that the plan writes as they should be (`Sô` → `Số`, `Nơi nhân` → `Nơi nhận`). */
  wordsMended: WordMend[];
  /**
   * Distinct words of the source and how many of them the plan's model holds; a word mended counts as
   * kept when what it was mended to is in the model (the mend is listed), any other word not there is lost.
   */
  words: { source: number; kept: number; missing: string[] };
  /** Diagnostics of the `syntax` code that parsing the result gave (none is the aim). */
  syntaxDiagnostics: PlanDiagnostic[];
  /** A Word document's tracked changes (insertions, deletions, moves), read as accepted. */
  trackedChanges?: number;
  /** A Word document's comments written as reviewers' notes (`//@`). */
  reviewNotes?: number;
}

export interface ImportResult {
  /** The plan as `.kh` text. */
  text: string;
  report: ImportReport;
}

const HEADER_LABELS: [keyof ImportedHeader, string][] = [
  ['parentBody', 'Cơ quan chủ quản'],
  ['issuer', 'Cơ quan'],
  ['number', 'Số'],
  ['place', 'Địa danh'],
  ['date', 'Ngày'],
  ['kind', 'Loại'],
  ['summary', 'Trích yếu'],
  ['system', 'Hệ'],
];

/** True when the `.kh` lexer reads the line as one line of the given type. */
function lexesAs(line: string, type: TokenType): boolean {
  const { tokens } = lineLexer.tokenize(line);
  return tokens.length === 1 && tokens[0].tokenType === type;
}
const readsAsText = (line: string) => lexesAs(line, TextLine);
const isRecipientsLabel = (line: string) => lexesAs(line, RecipientsLabel);

/** Inline marks kept when they pair up (`**bold**`, `*italic*` of a Markdown extraction); any other `*` is literal. */
const PAIRED_MARKS = /(\*{1,3})(?=\S)[^*]+?(?<=\S)\1/g;
function inline(text: string): string {
  // A backslash of the source stays one: before `*` or `\` it would be read as an escape.
  const safe = text.replace(/\\(?=[*\\])/g, '\\\\');
  if (!safe.includes('*')) return safe;
  return safe.replace(PAIRED_MARKS, '').includes('*') ? safe.replace(/\*/g, '\\*') : safe;
}

/** A paragraph line, escaped with `\` when it would otherwise open another construct (`Số: …`, `# …`). */
function paragraphLine(text: string): string {
  const line = inline(text);
  return readsAsText(line) ? line : `\\${line}`;
}

const cell = (text: string) => inline(text).replace(/\|/g, '\\|');

/** A label misread by OCR (`Nơi nhân`) would no longer open the block: it is written as the syntax spells it. */
const recipientsLabel = (label: string) => (isRecipientsLabel(`${label}:`) ? label : 'Nơi nhận');

function writeEntry(entry: Entry): string[] {
  switch (entry.kind) {
    case 'heading':
      return [`${'#'.repeat(entry.level)} ${inline(entry.text)}`];
    case 'item':
      return [inline(entry.text)];
    case 'paragraph':
      return [entry.bold ? `**${entry.text.replace(/\*/g, '')}**` : paragraphLine(entry.text)];
    case 'comment':
      return entry.lines.map((l) => `// ${l}`);
    case 'table': {
      const width = Math.max(...entry.rows.map((r) => r.length));
      const row = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].map(cell).join(' | ')} |`;
      return [row(entry.rows[0]), `|${'---|'.repeat(width)}`, ...entry.rows.slice(1).map(row)];
    }
    case 'appendix':
      return [entry.label];
    case 'recipients':
      return [`${recipientsLabel(entry.label)}:`, ...entry.items.map((i) => `- ${inline(i)}`)];
    case 'signature':
      return ['Ký:', ...entry.lines.map((l) => `  ${l}`)];
  }
}

/**
 * The issuer a plan without one most likely has, from the collective it signs
 * for (`TM. ỦY BAN NHÂN DÂN`) and its place when the registry knows it as a
 * province: `ỦY BAN NHÂN DÂN TỈNH TRÀ VINH`. Only ever offered as a comment.
 */
function suggestIssuer(place: string, entries: Entry[]): string | undefined {
  const signature = entries.find((e) => e.kind === 'signature');
  // The spaces after `TM.` taken whole (a possessive run): signature lines are trimmed, so giving them back never matched.
  const collective = signature?.kind === 'signature' ? signature.lines.map((l) => /^(?:TM\.|T\/M)(?=(\s*))\1(.+)$/u.exec(l)?.[2]).find(Boolean) : undefined;
  const province = place ? builtinRegistry().findProvince(place) : undefined;
  if (!collective || !province) return undefined;
  return `${collective} ${province.kind} ${province.name}`.toLocaleUpperCase('vi');
}

/** The distinct words of a text (NFC), for counting the words a model keeps. */
export const wordsOf = (text: string) =>
  new Set(
    text
      .normalize('NFC')
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(Boolean),
  );

/** Every string of a model, for counting the words it keeps. */
export function modelStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) modelStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) modelStrings(v, out);
  return out;
}

const paragraphText = (p: SourceParagraph) => (p.table ? p.table.map((r) => r.join(' | ')).join(' | ') : p.lines.join(' ')).trim();

/**
 * The `(Kèm theo Quyết định số …)` line under an issued plan's title, as a
 * comment of the header: taken off the trích yếu it was read into, or off
 * the body it would open.
 */
function issuedWithNote(head: HeaderScan, paragraphs: SourceParagraph[]): string[] {
  // Read from the last `(`, anchored: a search over the whole trích yếu would retry at every `(`.
  const summary = head.header.summary.trimEnd();
  const open = summary.lastIndexOf('(');
  const note = open < 0 ? '' : summary.slice(open);
  if (note && /^\(\s*(?:[Bb]an hành\s+)?[Kk]èm theo\s[^)]*\)?$/u.test(note) && ISSUED_WITH.test(fold(note))) {
    head.header.summary = summary.slice(0, open).trim();
    return [note.replace(/\s+/g, ' ').trim()];
  }
  const next = paragraphs[head.consumed];
  if (next && !next.table && ISSUED_WITH.test(fold(paragraphText(next)))) {
    head.consumed++;
    return [paragraphText(next).replace(/\s+/g, ' ')];
  }
  return [];
}

/**
 * The plan a decision before it in the same file issues, when there is one:
 * its paragraphs (closed by the decision's Nơi nhận and signature, which sign
 * it, where it has none of its own), its header (the decision's place and
 * date where its own has none), and the decision's paragraphs, kept as comments.
 */
function readIssuedPlan(paragraphs: SourceParagraph[], head: HeaderScan) {
  const issuedAt = issuedPlanStart(paragraphs, head.consumed, head.header.kind);
  if (issuedAt === undefined) return { paragraphs, head, decisionParagraphs: [] as SourceParagraph[], issuedBy: undefined };
  const issuedBy = { kind: head.header.kind, number: head.header.number, date: head.header.date };
  let decisionParagraphs = paragraphs.slice(0, issuedAt);
  let plan = paragraphs.slice(issuedAt);
  const planHead = scanHeader(plan);
  const planScan = { ...planHead, header: issuedPlanHeader(planHead.header, head.header) };
  const closing = decisionParagraphs.findIndex((p, i) => i >= head.consumed && opensClosing(p));
  if (closing >= 0 && !plan.some((p, i) => i >= planScan.consumed && opensClosing(p))) {
    // Before the appendices, and before the issuer's name in capitals that heads the first of them.
    let at = plan.findIndex((p, i) => i >= planScan.consumed && !p.table && /^phu luc\b/.test(fold(paragraphText(p)).replace(/^\W+/, '')));
    if (at < 0) at = plan.length;
    while (at - 1 > planScan.consumed && !plan[at - 1].table && isUpperText(paragraphText(plan[at - 1]))) at--;
    plan = [...plan.slice(0, at), ...decisionParagraphs.slice(closing), ...plan.slice(at)];
    decisionParagraphs = decisionParagraphs.slice(0, closing);
  }
  return { paragraphs: plan, head: planScan, decisionParagraphs, issuedBy };
}

/** The plan written from source paragraphs: header, body, closing blocks; and what its report is made of. */
function writePlan(allParagraphs: SourceParagraph[]) {
  const bounds = documentBounds(allParagraphs);
  const clutter = [...allParagraphs.slice(0, bounds.start), ...allParagraphs.slice(bounds.end)].map((p) => ({ line: p.sourceLine, text: paragraphText(p), stray: false })).filter((c) => c.text);
  const clutterLine = (c: { text: string }) => `// ${c.text}`;
  const found = splitRunInHeadings(allParagraphs.slice(bounds.start, bounds.end));
  // A decision that issues the plan before it in the same file: the plan is read, the decision kept as comments and reported.
  const { paragraphs, head, issuedBy, decisionParagraphs } = readIssuedPlan(found, scanHeader(found));
  const decision = decisionParagraphs.map((p) => ({ line: p.sourceLine, text: paragraphText(p), stray: false })).filter((d) => d.text);
  const issuedWith = issuedWithNote(head, paragraphs);
  const body = scanBody(paragraphs, head.consumed);
  // Footnotes a portal or a converter sets after the signature (`[1] Nghị quyết số …`) have no place in a plan's
  // body: kept as comments, reported, rather than read as text after the closing.
  const signedAt = body.entries.findIndex((e) => e.kind === 'signature');
  const footnotes: { line: number; text: string }[] = [];
  if (signedAt >= 0) {
    body.entries = body.entries.map((e, i) => {
      if (i <= signedAt || e.kind !== 'paragraph' || !/^\\?\[\d{1,3}\]\s/.test(e.text)) return e;
      footnotes.push({ line: paragraphs.find((p) => p.lines.join(' ').includes(e.text.slice(0, 40)))?.sourceLine ?? 0, text: e.text });
      return { kind: 'comment', lines: [e.text] };
    });
  }
  const lines: string[] = [];
  // The portal's page before the plan: kept as comments, reported as noise.
  for (const c of clutter) if (c.line < (allParagraphs[bounds.start]?.sourceLine ?? Infinity)) lines.push(clutterLine(c));
  if (issuedBy) {
    const by = [issuedBy.kind, issuedBy.number && `số ${issuedBy.number}`, issuedBy.date && `ngày ${issuedBy.date}`].filter(Boolean).join(' ');
    lines.push(`// Kế hoạch ban hành kèm theo ${by}; văn bản ban hành giữ làm chú thích / The plan is issued with ${by}; that document is kept as comments`);
    lines.push(...decision.map(clutterLine), '');
  }
  for (const c of [...head.comments, ...issuedWith]) lines.push(`// ${c}`);
  if (head.comments.length || issuedWith.length) lines.push('');
  const suggestion = head.header.issuer ? undefined : suggestIssuer(head.header.place, body.entries);
  for (const [key, label] of HEADER_LABELS) {
    const value = head.header[key];
    if (value === undefined) continue;
    if (key === 'issuer' && suggestion) lines.push(`// Cơ quan? ${suggestion} (suy ra từ dòng TM. và địa danh, cần xác nhận / inferred from the TM. line and the place: confirm it)`);
    // A plan issued with a decision has no number of its own: said, and the check that would ask for one silenced here.
    if (key === 'number' && issuedBy && !value)
      lines.push('// Kế hoạch ban hành kèm theo quyết định, không có số riêng / issued with the decision, the plan has no number of its own', '// kehoach-ignore header-missing-field');
    lines.push(value ? `${label}: ${value}` : `${label}:`);
  }
  lines.push('---');
  for (const entry of body.entries) {
    const previous = lines[lines.length - 1];
    // Consecutive comments and table rows stay together; everything else is set off by a blank line.
    if (!(entry.kind === 'comment' && previous?.startsWith('//'))) lines.push('');
    lines.push(...writeEntry(entry));
  }
  const after = clutter.filter((c) => c.line >= (allParagraphs[bounds.end]?.sourceLine ?? Infinity));
  if (after.length) lines.push('', ...after.map(clutterLine));
  const text = `${lines.join('\n')}\n`;
  return { text, paragraphs, head, body, clutter, decision, footnotes };
}

/** The plan's text alone, without the report (the review checks the text itself and reports on nothing else). */
export function planTextOfParagraphs(allParagraphs: SourceParagraph[]): string {
  return writePlan(allParagraphs).text;
}

/**
 * Turns source paragraphs into a plan: header, body, closing blocks. Shared
 * by the text and the DOCX import; `sourceText` is what the words kept are
 * counted against.
 */
export function importParagraphs(allParagraphs: SourceParagraph[], sourceText: string): ImportResult {
  const { text, paragraphs, head, body, clutter, decision, footnotes } = writePlan(allParagraphs);
  const parsed = parsePlan(text);
  const sourceWords = wordsOf(sourceText.replace(/\*\*/g, ''));
  const kept = wordsOf(modelStrings(parsed.document).join(' '));
  const wordsMended = [...head.mended];
  for (const e of body.entries) if (e.kind === 'recipients' && recipientsLabel(e.label) !== e.label) wordsMended.push({ line: e.line, from: e.label, to: recipientsLabel(e.label) });
  const ocrMended = paragraphs.flatMap((p) => (p.ocrMended ?? []).map((text) => ({ line: p.sourceLine, text })));
  // Both kinds of mend are listed in the report: their words count as kept when the mended words are all in the model.
  const mends = [...wordsMended, ...ocrMended.map((o) => ({ from: o.text, to: mendCapitals(o.text) }))];
  const mendedTo = (word: string) => mends.some((m) => wordsOf(m.from).has(word) && [...wordsOf(m.to)].every((w) => kept.has(w)));
  const missing = [...sourceWords].filter((w) => !kept.has(w) && !mendedTo(w));
  const missingHeaderFields = HEADER_LABELS.filter(([key]) => key !== 'parentBody' && key !== 'system' && !head.header[key]).map(([, label]) => label);
  return {
    text,
    report: {
      unclassified: [
        ...head.unplaced.map((u) => ({ ...u, keptAs: 'comment' as const })),
        ...body.unclassified.map((u) => ({ ...u, keptAs: 'text' as const })),
        ...footnotes.map((u) => ({ ...u, keptAs: 'comment' as const })),
      ],
      noise: [...clutter, ...decision, ...body.noise].sort((a, b) => a.line - b.line),
      ocrMended,
      missingHeaderFields,
      wordsMended,
      words: { source: sourceWords.size, kept: sourceWords.size - missing.length, missing },
      syntaxDiagnostics: parsed.diagnostics.filter((d) => d.code === 'syntax'),
    },
  };
}

/**
 * Imports a plan from text copied out of Word or extracted from a PDF (the
 * Markdown a converter writes included): recognises header, headings, items,
 * closing blocks and tables, joins hard-wrapped lines, and keeps what it does
 * not understand as text or as `//` comments. It keeps the document's own
 * defects; `kehoach check` reports them afterwards.
 */
export function importText(text: string): ImportResult {
  const source = text.normalize('NFC').replace(/^\uFEFF/, '');
  return importParagraphs(paragraphsOfText(source), source);
}
