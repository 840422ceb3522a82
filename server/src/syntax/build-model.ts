import type { Header, PlanDiagnostic, PlanDocument, PlanSystem, SystemInfo } from '../model';
import { reused } from './block-reuse';
import { buildItem, buildParagraph, buildTable } from './build-blocks';
import { buildRecipients, buildSignature, extractClosing } from './build-closing';
import { BuildContext, msg } from './build-context';
import { absorbUnknownLabels, buildHeader, checkMarks } from './build-header';
import { buildHeading, closeRanges, SectionTree } from './build-sections';
import { inferSystem, officialLines, readDocumentNumber, readSystem } from './header-values';
import type { LineBlock } from './parser';
import type { SourceText } from './source-text';

/**
 * Gives the line blocks their meaning: header fields, the section tree,
 * paragraphs and items with inline runs, citations and agencies, the closing
 * blocks. Guarantees: every line of the input ends up in the model (as
 * content or as a comment); every range lies inside the text.
 *
 * The work is split by concern: `build-header.ts`, `build-sections.ts`,
 * `build-blocks.ts` (paragraphs, items, tables), `build-closing.ts`, over
 * what they share in `build-context.ts`; `block-reuse.ts` hands out the
 * blocks an earlier version built.
 */
export function buildModel(src: SourceText, blocks: LineBlock[], defaultSystem?: PlanSystem): { document: PlanDocument; diagnostics: PlanDiagnostic[] } {
  const ctx = new BuildContext(src);
  let rest = blocks;
  const headerIndex = blocks.findIndex((b) => b.kind === 'header');
  let header: Header = { fields: [], closed: false };
  if (headerIndex >= 0) {
    const { block, consumed } = absorbUnknownLabels(ctx, blocks, headerIndex);
    header = buildHeader(ctx, block);
    rest = [...blocks.slice(0, headerIndex), ...blocks.slice(headerIndex + 1 + consumed)];
  }
  const system = systemOf(ctx, header, defaultSystem);
  checkMarks(ctx, header, system.value);

  const document: PlanDocument = {
    header,
    system,
    official: officialLines(header, system.value),
    preamble: [],
    sections: [],
    appendices: [],
    comments: ctx.comments,
    reviewNotes: ctx.reviewNotes,
    citations: ctx.citations,
    agencies: ctx.agencies,
    lineCount: src.lineCount,
  };
  const summary = header.summary && ctx.fieldTexts.get(header.summary);
  if (summary) ctx.scanText(summary, 'mention');
  buildBody(ctx, document, rest);
  ctx.citations.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { document, diagnostics: ctx.diagnostics };
}

/** The system: `Hệ:` when it names one, else the workspace's, else what the number and the issuer show. */
function systemOf(ctx: BuildContext, header: Header, defaultSystem: PlanSystem | undefined): SystemInfo {
  const explicit = header.system?.value ? readSystem(header.system.value) : undefined;
  if (header.system && header.system.value && !explicit) {
    ctx.report(header.system.valueRange, 'error', msg(`Hệ không rõ: "${header.system.value}"; dùng nhà nước, đảng hoặc đoàn thể`, 'Unknown system; use nhà nước, đảng or đoàn thể'));
  }
  if (explicit) return { value: explicit, source: 'explicit' };
  if (defaultSystem) return { value: defaultSystem, source: 'explicit' };
  return inferSystem(header.number?.value ? readDocumentNumber(header.number.value) : undefined, header.issuer?.value);
}

/** The blocks after the header, each into the section, appendix or closing block it belongs to. */
function buildBody(ctx: BuildContext, document: PlanDocument, blocks: LineBlock[]): void {
  const tree = new SectionTree(ctx, document);
  for (const block of blocks) {
    switch (block.kind) {
      case 'comment':
        ctx.addComment(block.lines[0]);
        break;
      case 'header':
        break;
      case 'separator':
        ctx.report(ctx.lineRange(block.lines[0]), 'information', msg('Dòng --- chỉ dùng để đóng phần đầu văn bản; dòng này bị bỏ qua', 'A --- line only closes the header; this one is ignored'));
        break;
      case 'heading':
        // The heading's own reading is reused; what its place in the tree decides is set on a section of its own.
        tree.addHeading(reused(ctx, 'block-heading', block.lines, () => buildHeading(ctx, block.lines[0])));
        break;
      case 'paragraph':
        tree.container().push(reused(ctx, 'block-paragraph', block.lines, () => buildParagraph(ctx, block.lines)));
        break;
      case 'item':
        tree.container().push(reused(ctx, 'block-item', block.lines, () => buildItem(ctx, block.lines)));
        break;
      case 'table':
        tree.container().push(reused(ctx, 'block-table', block.lines, () => buildTable(ctx, block.lines)));
        break;
      case 'recipients':
        if (document.recipients) ctx.report(ctx.lineRange(block.lines[0]), 'error', msg('Khối "Nơi nhận:" thứ hai', 'A second "Nơi nhận:" block'));
        else document.recipients = buildRecipients(ctx, block.lines);
        break;
      case 'signature':
        if (document.signature) ctx.report(ctx.lineRange(block.lines[0]), 'error', msg('Khối "Ký:" thứ hai', 'A second "Ký:" block'));
        else document.signature = buildSignature(ctx, block.lines);
        break;
      case 'appendix':
        tree.addAppendix(block.lines[0]);
        break;
    }
  }
  extractClosing(document);
  closeRanges(document);
}
