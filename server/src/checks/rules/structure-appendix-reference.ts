import type { Block, Range } from '../../model';
import { fold } from '../../syntax/inline';
import { fromRoman } from '../../syntax/numbering';
import type { Rule } from '../rule';
import { allSections } from '../../domain/plan-parts';
import { RawSpan } from '../structure-text';

interface Reference {
  /** Ordinals named (`Phụ lục 2` → [2], `Phụ lục I, II` → [1, 2]); empty for `Phụ lục kèm theo`. */
  labels: number[];
  text: string;
  range: Range;
}

/** A `Phụ lục …` that names another document's appendix: `Phụ lục I Nghị định 30/2020/NĐ-CP`, `ban hành kèm theo Quyết định …`. */
const EXTERNAL =
  /^[\s,]*(?:(?:ban hanh )?kem theo |cua |thuoc |tai )?(?:nghi dinh|thong tu|quyet dinh|luat|nghi quyet|chi thi|huong dan|quy dinh|cong van|van ban|ke hoach|chuong trinh|thong bao|de an)\b(?! nay)/;
const LABEL = /^(?:\s+so)?\s+(\d{1,2}|[ivx]{1,5})\b/;
const MORE_LABEL = /^\s*(?:,|-|va|den)\s*(\d{1,2}|[ivx]{1,5})\b/;

function labelValue(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  return fromRoman(raw);
}

/** References to an appendix in a block: `chi tiết tại Phụ lục kèm theo`, `Phụ lục 2`, `Phụ lục I`. */
function referencesIn(span: RawSpan): Reference[] {
  const folded = fold(span.text);
  const out: Reference[] = [];
  const mention = /\bphu luc\b/g;
  for (let m = mention.exec(folded); m; m = mention.exec(folded)) {
    let end = m.index + m[0].length;
    const labels: number[] = [];
    // A label is a number or an upper-case Roman numeral as typed (`Phụ lục II`, not `phụ lục v.v.`).
    const take = (pattern: RegExp) => {
      const l = pattern.exec(folded.slice(end));
      if (!l) return false;
      const at = end + l[0].length - l[1].length;
      const raw = span.text.slice(at, at + l[1].length);
      const value = /^\d+$/.test(raw) ? labelValue(raw) : raw === raw.toUpperCase() ? labelValue(raw) : undefined;
      if (value === undefined) return false;
      labels.push(value);
      end += l[0].length;
      return true;
    };
    if (take(LABEL)) while (take(MORE_LABEL));
    if (EXTERNAL.test(folded.slice(end, end + 80))) continue;
    out.push({ labels, text: span.text.slice(m.index, end), range: span.rangeOf(m.index, end) });
  }
  return out;
}

/** The body's references to appendices must match the appendices the plan contains, and each appendix must be referred to. */
export const structureAppendixReference: Rule = {
  id: 'structure-appendix-reference',
  title: { vi: 'Chỉ dẫn phụ lục', en: 'Appendix references' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const blocks: Block[] = [...document.preamble, ...allSections(document.sections).flatMap((s) => s.blocks), ...(document.closing ? [document.closing] : [])];
    // Only blocks that mention an appendix are read from the source.
    const plain = (b: Block) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)).join(' ') : b.text);
    const references = blocks.filter((b) => /ph[uụ]\s+l[uụ]c/iu.test(plain(b))).flatMap((b) => referencesIn(new RawSpan(source, b.range)));
    const appendices = document.appendices.map((a, i) => ({ appendix: a, value: a.label ? labelValue(a.label.toUpperCase()) : undefined, index: i }));
    const single = appendices.length === 1 ? appendices[0] : undefined;
    const matches = (label: number) => appendices.filter((a) => a.value === label || (single && a.value === undefined && label === 1));

    const referred = new Set<number>();
    for (const ref of references) {
      if (appendices.length === 0) {
        report(ref.range, {
          vi: `Nội dung chỉ dẫn đến "${ref.text}" nhưng kế hoạch không có phụ lục nào (thêm khối "Phụ lục: …" sau phần ký)`,
          en: `The body refers to "${ref.text}" but the plan has no appendix (add a "Phụ lục: …" block after the signature)`,
        });
        continue;
      }
      if (ref.labels.length === 0) {
        appendices.forEach((a) => referred.add(a.index));
        continue;
      }
      for (const label of ref.labels) {
        const found = matches(label);
        if (found.length) found.forEach((a) => referred.add(a.index));
        else {
          const have = appendices.map((a) => (a.appendix.label ? `Phụ lục ${a.appendix.label}` : 'Phụ lục (không số)')).join(', ');
          report(ref.range, {
            vi: `Nội dung chỉ dẫn đến phụ lục số ${label} nhưng kế hoạch không có phụ lục đó (có: ${have})`,
            en: `The body refers to appendix ${label} but the plan has no such appendix (it has: ${have})`,
          });
        }
      }
    }
    for (const a of appendices) {
      if (referred.has(a.index)) continue;
      const name = a.appendix.label ? `Phụ lục ${a.appendix.label}` : 'Phụ lục';
      // The `Phụ lục …:` label on the appendix's first line.
      const start = a.appendix.range.start;
      const line = new RawSpan(source, { start, end: { line: start.line, character: Number.MAX_SAFE_INTEGER } });
      const colon = line.text.indexOf(':');
      const lead = line.text.length - line.text.trimStart().length;
      report(line.rangeOf(lead, colon >= 0 ? colon + 1 : line.trimmedEnd), {
        vi: `${name} kèm theo nhưng nội dung kế hoạch không chỉ dẫn đến (ví dụ: "chi tiết tại ${name} kèm theo")`,
        en: `${name} is attached but the body never refers to it (e.g. "chi tiết tại ${name} kèm theo")`,
      });
    }
  },
};
