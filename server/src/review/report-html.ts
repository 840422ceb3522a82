import type { WordBlock, WordDocument, WordParagraph } from '../docx/word-document';
import type { Severity } from '../model';
import { escapeHtml, htmlPage, makeNonce } from '../render/html';
import { RULES_DOC_URL, type ReviewedFinding } from './review';

/**
 * The reviewer's report for people without VS Code: one self-contained page
 * with the document's text as Word shows it (automatic numbers included,
 * tables as tables), each finding highlighted on its words with its number,
 * the list of findings with their rules, and the counts by severity. The
 * rules of the HTML export hold: every text escaped, no `style` attribute,
 * no script, a policy of `default-src 'none'` with a nonce'd stylesheet; it
 * prints on A4.
 */

export interface ReviewReportInput {
  /** The draft's file name. */
  file: string;
  /** The reviewed copy's file name. */
  reviewed: string;
  /** When the review ran, ISO. */
  date: string;
  document: WordDocument;
  findings: ReviewedFinding[];
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const SEVERITY_NAMES: Record<Severity, string> = { error: 'Lỗi / Errors', warning: 'Cảnh báo / Warnings', information: 'Thông tin / Information', hint: 'Gợi ý / Hints' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

const CSS = `@page{size:A4;margin:20mm 15mm 20mm 25mm}
body{font-family:"Times New Roman","Liberation Serif",serif;font-size:13pt;line-height:1.4;max-width:170mm;margin:8mm auto;color:#000}
h1{font-size:15pt;margin:0 0 2mm}h2{font-size:13pt;margin:6mm 0 2mm;border-bottom:.3mm solid #999;break-after:avoid}
.kh-meta{color:#444;font-size:11pt}
.kh-counts{display:flex;gap:4mm;flex-wrap:wrap;margin:3mm 0;padding:0;list-style:none}
.kh-counts li{border:.3mm solid #999;padding:1mm 3mm}
.kh-text p{margin:0 0 1.5mm;text-align:justify;white-space:pre-wrap}
.kh-text table{border-collapse:collapse;width:100%;margin:2mm 0;break-inside:avoid}
.kh-text td{border:.2mm solid #bbb;padding:1mm 2mm;vertical-align:top}
.kh-label{font-weight:bold}
mark{padding:0 .3mm;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.kh-error{background:#f8c4c4;border-bottom:.5mm solid #b00}
mark.kh-warning{background:#fbe7a6;border-bottom:.5mm solid #b77a00}
mark.kh-information{background:#cfe3fb;border-bottom:.5mm solid #2a62b0}
mark.kh-hint{background:#e4e4e4;border-bottom:.5mm dotted #666}
sup a{text-decoration:none;font-size:8pt;color:#000}
.kh-findings{padding-left:8mm}
.kh-findings li{margin:0 0 2mm;break-inside:avoid}
.kh-rule{font-family:monospace;font-size:10pt}
.kh-quote{color:#333}
@media print{a{color:#000}body{margin:0 auto}}`;

/** The findings' stretches in one paragraph: boundaries, each stretch with the findings covering it. */
function highlightParagraph(paragraph: WordParagraph, findings: { finding: ReviewedFinding; number: number }[]): string {
  const stretches: { from: number; to: number; number: number; severity: Severity }[] = [];
  for (const { finding, number } of findings) {
    const { start, end } = finding.range;
    if (paragraph.index < start.paragraph || paragraph.index > end.paragraph) continue;
    const from = paragraph.index === start.paragraph ? start.offset : 0;
    const to = paragraph.index === end.paragraph ? end.offset : paragraph.text.length;
    stretches.push({ from, to, number, severity: finding.diagnostic.severity });
  }
  const cuts = [...new Set([0, paragraph.text.length, ...stretches.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  let html = '';
  cuts.forEach((at, i) => {
    if (i > 0) {
      const from = cuts[i - 1];
      const covering = stretches.filter((s) => s.from <= from && at <= s.to);
      const text = escapeHtml(paragraph.text.slice(from, at));
      const worst = covering.sort((a, b) => RANK[a.severity] - RANK[b.severity])[0];
      html += worst ? `<mark class="kh-${worst.severity}">${text}</mark>` : text;
    }
    // The numbers of the findings that end here, each a link to its entry.
    for (const s of stretches) if (s.to === at) html += `<sup><a href="#kh-f${s.number}" id="kh-m${s.number}">${s.number}</a></sup>`;
  });
  const label = paragraph.listNumber?.label ? `<span class="kh-label">${escapeHtml(paragraph.listNumber.label)}</span> ` : '';
  return `<p>${label}${html}</p>`;
}

function blocksHtml(blocks: WordBlock[], numbered: { finding: ReviewedFinding; number: number }[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return highlightParagraph(block.paragraph, numbered);
      const rows = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${blocksHtml(cell, numbered)}</td>`).join('')}</tr>`).join('\n');
      return `<table>\n${rows}\n</table>`;
    })
    .join('\n');
}

/** The report page, as a string of HTML. */
export function renderReviewHtml(input: ReviewReportInput, nonce = makeNonce()): string {
  const numbered = input.findings
    .map((finding) => ({ finding }))
    .sort((a, b) => a.finding.range.start.paragraph - b.finding.range.start.paragraph || a.finding.range.start.offset - b.finding.range.start.offset)
    .map((f, i) => ({ ...f, number: i + 1 }));
  const counts = SEVERITIES.map((s) => `<li>${escapeHtml(SEVERITY_NAMES[s])}: <b>${input.findings.filter((f) => f.diagnostic.severity === s).length}</b></li>`).join('');
  const list = numbered
    .map(({ finding, number }) => {
      const d = finding.diagnostic;
      const quote = finding.anchoredText.trim() ? ` <span class="kh-quote">“${escapeHtml(finding.anchoredText.replace(/\s+/g, ' ').trim().slice(0, 200))}”</span>` : '';
      const where =
        finding.range.kind === 'exact' ? '' : finding.range.kind === 'label' ? ' (số tự động của đoạn / the paragraph’s automatic number)' : ' (gắn vào đoạn gần nhất / on the nearest paragraph)';
      const suggestion = finding.suggestion !== undefined ? `<br>Đề nghị / Suggested: “${escapeHtml(finding.suggestion)}”${finding.tracked ? ' (sửa theo dõi / tracked change)' : ''}` : '';
      return `<li id="kh-f${number}" value="${number}"><a href="#kh-m${number}">↑</a> <mark class="kh-${d.severity}">${escapeHtml(d.severity)}</mark> <a class="kh-rule" href="${escapeHtml(`${RULES_DOC_URL}#${d.code}`)}">${escapeHtml(d.code)}</a>${escapeHtml(where)}${quote}<br>${escapeHtml(d.message)}${suggestion}</li>`;
    })
    .join('\n');
  const title = `Rà soát / Review: ${input.file}`;
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="kh-meta">${escapeHtml(`kehoach, ${input.date.slice(0, 10)} — bản có nhận xét / reviewed copy: ${input.reviewed}`)}</p>
<ul class="kh-counts">${counts}</ul>
<h2>Các phát hiện / Findings (${input.findings.length})</h2>
<ol class="kh-findings">
${list}
</ol>
<h2>Văn bản / The text</h2>
<div class="kh-text">
${blocksHtml(input.document.blocks, numbered)}
</div>`;
  return htmlPage({ title, nonce, css: CSS, body });
}
