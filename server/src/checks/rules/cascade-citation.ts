import { citedParents } from '../../scaffold/parents';
import { numericDate } from '../../syntax/dates';
import { fold } from '../../syntax/inline';
import { RawSpan } from '../structure-text';
import { WORKSPACE_PLAN_BASIS } from '../../domain/registry-facts';
import type { Rule } from '../rule';

const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
/**
 * How a citation goes on to the cited document's title, right after its
 * issuer (`… của Ủy ban nhân dân tỉnh Lai Châu về …`) or after the term of a
 * party body, which the issuer's name leaves out (`… của Ban Chấp hành Đảng
 * bộ tỉnh khóa XV về …`).
 */
const TITLE_OPENING = /^(?:\s+kh(?:óa|oá)\s+[IVXLC]+)?,?\s+(về|thực hiện|triển khai)(?![\p{L}])/iu;
/** Words of a title compared: enough to tell two plans apart, few enough to survive a rewording of the end. */
const COMPARED = 6;

export const cascadeCitation: Rule = {
  id: 'cascade-citation',
  title: { vi: 'Trích dẫn kế hoạch cấp trên khác với phần đầu của nó', en: 'Citation of the parent plan differs from its header' },
  defaultSeverity: 'warning',
  basis: WORKSPACE_PLAN_BASIS,
  check({ document, source, registry, report }) {
    for (const c of document.citations) {
      const known = registry.findDocument(c);
      if (!known && c.date && c.issuer) {
        const issuer = fold(c.issuer);
        // A plan of the workspace (the one checked left out) of that date, type and issuer. Its model is asked for last:
        // the CLI reads the model of a plan it no longer holds again.
        const meant = registry.plans().find((d) => d.date === c.date!.iso && d.type === c.docType && fold(d.issuer).startsWith(issuer) && d.plan !== document);
        if (meant) {
          report(
            c.numberRange,
            {
              vi: `${meant.type} của ${meant.issuer} ngày ${numericDate(c.date)} có số ${meant.number}, không phải ${c.numberText}`,
              en: `The ${meant.type} of ${meant.issuer} dated ${numericDate(c.date)} is numbered ${meant.number}, not ${c.numberText}`,
            },
            [{ title: `Viết ${meant.number} / Write ${meant.number}`, edits: [{ range: c.numberRange, newText: meant.number }], safe: false }],
          );
        }
      }
    }
    const lines = source.text.split(/\r\n|\r|\n/);
    for (const { parent } of citedParents(document, registry)) {
      for (const c of document.citations.filter((x) => registry.findDocument(x) === parent)) {
        const line = lines[c.range.end.line] ?? '';
        const after = new RawSpan(source, { start: c.range.end, end: { line: c.range.end.line, character: line.length } }).text;
        const opening = TITLE_OPENING.exec(after);
        const summary = parent.plan.header.summary?.value;
        if (!opening || !summary) continue;
        const title = after.slice(opening.index + opening[0].length - opening[1].length);
        // Both sides without their opening `về`: `về thực hiện Chỉ thị …` ~ `Thực hiện Chỉ thị …`.
        const strip = (w: string[]) => (w[0] === 've' ? w.slice(1) : w);
        const cited = strip(words(title)).slice(0, COMPARED);
        const own = strip(words(summary)).slice(0, COMPARED);
        if (cited.length < 3 || cited.every((w, i) => own[i] === w)) continue;
        report(
          c.range,
          {
            vi: `Trích yếu của ${parent.type} số ${parent.number} là “${summary}”; trích dẫn viết “${title.trim().slice(0, 120)}”`,
            en: `The title of ${parent.type} ${parent.number} is “${summary}”; the citation writes “${title.trim().slice(0, 120)}”`,
          },
          undefined,
          { related: [{ uri: parent.sources[0], range: parent.plan.header.summary!.valueRange, message: summary }] },
        );
      }
    }
  },
};
