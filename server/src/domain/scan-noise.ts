/**
 * The noise a scan or an extraction leaves in a plan's text: the
 * `text-scan-noise` rule reports it, and the import turns it into comments,
 * so that an imported plan never trips the rule.
 */

/** Lines that are wholly noise of a scan or an extraction, with what they are. */
export const WHOLE_LINE: { pattern: RegExp; vi: string; en: string }[] = [
  // The incoming-mail stamp: always in capitals, unlike the phrase "văn bản đến" of running text.
  { pattern: /(?:VĂN BẢN|CÔNG VĂN) ĐẾN(?: QUA MẠNG)?(?:\s*[:.,;–—-].*)?$/u, vi: 'dấu "văn bản đến"', en: 'an incoming-mail stamp' },
  { pattern: /^ĐẾN(?:[\s.:,]+(?:Số|SỐ)(?![\p{L}\p{N}]).*)?$/u, vi: 'dấu "ĐẾN"', en: 'an incoming-mail stamp' },
  { pattern: /^(?:Chuyển|CHUYỂN)\s*:/u, vi: 'dòng "Chuyển:" của dấu văn bản đến', en: 'the "Chuyển:" line of an incoming-mail stamp' },
  { pattern: /^(?:Lưu hồ sơ|LƯU HỒ SƠ)(?:\s+số)?\s*:/u, vi: 'dòng "Lưu hồ sơ:" của dấu văn bản đến', en: 'the "Lưu hồ sơ:" line of an incoming-mail stamp' },
  { pattern: /^sg\s*:/iu, vi: 'mẩu "sg:" của bản quét', en: 'an "sg:" scan fragment' },
  { pattern: /^Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu, vi: 'số trang', en: 'a page marker' },
  { pattern: /^[-–—]\s*\d{1,3}\s*[-–—]$/u, vi: 'số trang', en: 'a page marker' },
];

/** Word bookmarks and fields that leak into extracted text. */
export const BOOKMARK = /(?<![\p{L}\p{N}])_(?:Toc|Hlk|Ref|GoBack)\d*(?![\p{L}\p{N}_])/gu;
