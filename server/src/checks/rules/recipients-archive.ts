import type { Rule } from '../rule';
import { fold } from '../../syntax/inline';
import { effectiveSystem } from '../../domain/issuers';
import { RawSpan } from '../structure-text';

/** The archive line closes the recipients: `- Lưu: VT, KGVX.` (state), `- Lưu Văn phòng Tỉnh ủy.` (party). */
export const recipientsArchive: Rule = {
  id: 'recipients-archive',
  title: { vi: 'Dòng lưu văn bản', en: 'Archive line' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const list = document.recipients;
    if (!list || list.items.length === 0) return;
    const party = effectiveSystem(document) === 'party';
    const options = party ? { severity: 'information' as const } : undefined;
    const archives = list.items.filter((i) => i.isArchive);
    const last = list.items[list.items.length - 1];
    if (archives.length === 0) {
      report(
        last.range,
        party
          ? { vi: 'Danh sách nơi nhận thiếu dòng lưu ở cuối ("- Lưu Văn phòng …")', en: 'The recipients lack the archive line at the end ("- Lưu Văn phòng …")' }
          : { vi: 'Danh sách nơi nhận thiếu dòng lưu ở cuối ("- Lưu: VT, <đơn vị soạn thảo>.")', en: 'The recipients lack the archive line at the end ("- Lưu: VT, <drafting unit>.")' },
        undefined,
        options,
      );
      return;
    }
    for (const archive of archives) {
      if (archive !== last) {
        report(archive.range, { vi: 'Dòng lưu phải là dòng cuối của danh sách nơi nhận', en: 'The archive line must be the last recipient line' }, undefined, options);
      }
      const span = new RawSpan(source, archive.range);
      const folded = fold(span.text);
      const at = folded.indexOf('luu');
      if (at < 0) continue;
      const afterWord = at + 3;
      const colon = /^[ \t]*:/.exec(folded.slice(afterWord));
      if (party) {
        if (colon) {
          const c = afterWord + colon[0].length - 1;
          report(
            span.rangeOf(at, c + 1),
            { vi: 'Văn bản của Đảng viết dòng lưu không có dấu hai chấm: "- Lưu Văn phòng …"', en: 'Party documents write the archive line without a colon: "- Lưu Văn phòng …"' },
            [{ title: 'Bỏ dấu hai chấm / Remove the colon', edits: [{ range: span.rangeOf(c, c + 1), newText: '' }], safe: false }],
            options,
          );
        }
        continue;
      }
      let next = afterWord;
      if (!colon) {
        report(span.rangeOf(at, afterWord), { vi: 'Sau chữ "Lưu" phải có dấu hai chấm: "Lưu: VT, …"', en: 'A colon follows "Lưu": "Lưu: VT, …"' }, [
          { title: 'Thêm dấu hai chấm / Add the colon', edits: [{ range: span.rangeOf(afterWord, afterWord), newText: ':' }], safe: true },
        ]);
      } else next += colon[0].length;
      const space = /^[ \t]*/.exec(folded.slice(next))![0].length;
      next += space;
      const rest = folded.slice(next);
      if (!/^vt\b/.test(rest)) {
        report(
          span.rangeOf(at, span.trimmedEnd),
          { vi: 'Dòng lưu phải có "VT" (văn thư) ngay sau "Lưu:": "Lưu: VT, <đơn vị soạn thảo>."', en: 'The archive line names "VT" (the registry) right after "Lưu:": "Lưu: VT, <drafting unit>."' },
          [{ title: 'Thêm "VT, " / Add "VT, "', edits: [{ range: span.rangeOf(next, next), newText: colon ? 'VT, ' : ' VT, ' }], safe: false }],
        );
        continue;
      }
      const vtEnd = next + 2;
      const tail = folded.slice(vtEnd, span.trimmedEnd);
      if (/^[ \t]*,[ \t]*[^\s.;,]/.test(tail)) continue;
      if (/^[ \t]+[^\s.;,]/.test(tail)) {
        report(span.rangeOf(next, vtEnd), { vi: 'Sau "VT" phải có dấu phẩy: "Lưu: VT, <đơn vị soạn thảo>."', en: 'A comma follows "VT": "Lưu: VT, <drafting unit>."' }, [
          { title: 'Thêm dấu phẩy / Add the comma', edits: [{ range: span.rangeOf(vtEnd, vtEnd), newText: ',' }], safe: true },
        ]);
        continue;
      }
      report(span.rangeOf(at, span.trimmedEnd), {
        vi: 'Dòng lưu thiếu chữ viết tắt tên đơn vị soạn thảo sau "VT,": "Lưu: VT, <đơn vị soạn thảo>."',
        en: 'The archive line lacks the drafting unit after "VT,": "Lưu: VT, <drafting unit>."',
      });
    }
  },
};
