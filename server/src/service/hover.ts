import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { findRule } from '../checks';
import { RULE_DOCS } from '../checks/rule-docs.generated';
import { confidenceLabel, confidenceNote } from '../domain/registry-facts';
import { numericDate } from '../syntax/dates';
import type { PlanDiagnostic, PlanDocument, Position, Section } from '../model';
import type { Registry } from '../registry/registry';
import { contains } from './positions';

const STATUS_VI = {
  'in-force': 'còn hiệu lực',
  unknown: 'đã có hiệu lực; sau đó có bị thay thế, bãi bỏ hay không thì chưa rõ',
  'not-yet-issued': 'chưa ban hành',
  'not-yet-in-force': 'chưa có hiệu lực',
  replaced: 'đã bị thay thế',
  expired: 'hết hiệu lực',
} as const;

function findSection(sections: Section[], p: Position): Section | undefined {
  for (const s of sections) {
    if (contains(s.headingRange, p)) return s;
    const inner = findSection(s.children, p);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * What the cursor is on: a citation (type, issuer, date, title, status on
 * the plan's date, successor), an agency (official name, level, status), a
 * heading (its computed number), and the docs of the diagnostics there.
 */
export function hover(document: PlanDocument, p: Position, registry: Registry, date: string, diagnostics: PlanDiagnostic[]): Hover | null {
  const parts: string[] = [];
  let range;
  const citation = document.citations.find((c) => contains(c.range, p));
  if (citation) {
    range = citation.range;
    const known = registry.findDocument(citation, date);
    if (known) {
      const status = registry.documentStatus(known, date);
      const successor = status.state === 'replaced' ? `; thay bằng ${status.byNumber} từ ${numericDate(status.on)}` : '';
      parts.push(
        `**${known.type} số ${known.number}** ngày ${numericDate(known.date)} của ${known.issuer}`,
        known.title,
        `Tại ngày ${numericDate(date)}: ${STATUS_VI[status.state]}${successor}${confidenceNote(known.statusConfidence ?? known.confidence).vi}`,
        `Nguồn: ${known.sources.join('; ')} — độ tin cậy: ${confidenceLabel(known.confidence).vi}`,
      );
    } else {
      parts.push(`**${citation.docType} số ${citation.numberText}**`, 'Chưa có trong danh mục / not in the registry');
    }
  }
  const agency = !citation && document.agencies.find((a) => contains(a.range, p));
  if (agency) {
    range = agency.range;
    const known = registry.findAgency(agency.name);
    if (known) {
      const status = registry.agencyStatus(known, date);
      const where =
        status.state === 'gone'
          ? `không còn tồn tại từ ${numericDate(status.on)}; chức năng chuyển sang: ${status.successors.map((s) => `${s.agency?.name ?? s.id}${s.function ? ` (${s.function})` : ''}`).join('; ')}`
          : 'đang tồn tại';
      parts.push(
        `**${known.name}**`,
        `Cấp: ${known.level}; hệ: ${known.system}`,
        `Tại ngày ${numericDate(date)}: ${where}${confidenceNote(known.confidence).vi}`,
        `Nguồn: ${known.sources.join('; ')} — độ tin cậy: ${confidenceLabel(known.confidence).vi}`,
      );
    }
  }
  const section = !citation && !agency && findSection(document.sections, p);
  if (section) {
    range = section.headingRange;
    parts.push(`**${section.computedNumber} ${section.title}** — đề mục cấp ${section.level}, số do kehoach tính theo vị trí`);
  }
  for (const d of diagnostics.filter((x) => contains(x.range, p))) {
    const rule = findRule(d.code);
    if (!rule) continue;
    // The registry entry the finding rests on: where its facts come from and how sure they are; without one, what the rule's findings rest on.
    const basis = d.basis
      ? `\n\nCăn cứ / Basis: ${d.basis.entry} — nguồn / sources: ${d.basis.sources.join('; ')} — độ tin cậy / confidence: ${confidenceLabel(d.basis.confidence).vi} / ${confidenceLabel(d.basis.confidence).en} (\`${d.basis.confidence}\`)`
      : rule.basis
        ? `\n\nCăn cứ / Basis: ${rule.basis.vi}`
        : '';
    parts.push(`---\n**${rule.id}**: ${rule.title.vi} / ${rule.title.en}${basis}\n\n${RULE_DOCS[rule.id].vi}`);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, ...(range ? { range } : {}) };
}
