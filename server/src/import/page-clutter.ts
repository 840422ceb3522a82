import { fold } from '../syntax/inline';
import { opensClosing } from './closing';
import type { SourceParagraph } from './source-paragraphs';

/**
 * A plan saved or copied from a legal portal comes inside the portal's page:
 * its navigation, a table of the document's attributes (`Số hiệu`, `Loại văn
 * bản`, `Tình trạng`), notices and, after the plan, related documents,
 * downloads and account messages. The plan proper starts at its header (the
 * issuing body beside the Quốc hiệu or the party line) and ends before the
 * first of the page's own sections after its signature; what lies outside is
 * clutter, kept as comments and reported.
 */

/** The Quốc hiệu or the party line: the header is here. */
const HEADER_LINE = /cong hoa xa hoi chu nghia|dang cong san viet nam/;
/** What may stand in the header before the Quốc hiệu when columns are read one after the other: the issuing body, its rule, `Số:`. */
const HEADER_LEAD = /^(?:so\b|so\s*:|[-–—_*=~.\s]+$)|\/(?:kh|ctr|ct|qd|hd|tb)\b/;
/** Sections a portal's page sets after the document. */
const PAGE_SECTION = /^(?:van ban lien quan|tai ve|luoc do|thuoc tinh|van ban goc|van ban tieng anh|noi dung mo ta|lien quan hieu luc|tin lien quan|van ban cung linh vuc|cam on da dung)/;

const textOf = (p: SourceParagraph) => p.lines.join(' ').replace(/\*+/g, '').trim();
const isUpper = (text: string) => /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);

export interface DocumentBounds {
  /** The first paragraph of the plan. */
  start: number;
  /** One past its last paragraph. */
  end: number;
}

export function documentBounds(paragraphs: SourceParagraph[]): DocumentBounds {
  let start = 0;
  const limit = Math.min(paragraphs.length, 400);
  const at = paragraphs.slice(0, limit).findIndex((p) => HEADER_LINE.test(fold(textOf(p))));
  if (at > 0) {
    start = at;
    // The issuing body (and `Số:`) read before the Quốc hiệu belongs to the header.
    while (start > 0 && at - start < 6) {
      const raw = paragraphs[start - 1].lines.join(' ').trim();
      const text = textOf(paragraphs[start - 1]);
      if (!raw || paragraphs[start - 1].table || !(isUpper(text) || HEADER_LEAD.test(fold(raw)))) break;
      start--;
    }
  }
  let end = paragraphs.length;
  const signed = paragraphs.findIndex((p, i) => i >= start && opensClosing(p));
  if (signed >= 0) {
    const section = paragraphs.findIndex((p, i) => i > signed && !p.table && PAGE_SECTION.test(fold(textOf(p))));
    if (section >= 0) end = section;
  }
  return { start, end };
}
