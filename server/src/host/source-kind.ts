import { decodeText, type TextEncodingName } from './text-encoding';

/**
 * What a file given to `kehoach import` is, read from its first bytes, not
 * its name (a PDF renamed `.txt` is still a PDF). Each kind has one reader in
 * `importFile`; a kind no reader takes yet is refused with the reason.
 */
export type SourceKind = { kind: 'docx' } | { kind: 'pdf' } | { kind: 'html'; text: string } | { kind: 'text'; text: string; encoding: TextEncodingName } | { kind: 'unreadable'; reason: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** ZIP local file header (a .docx is a ZIP package); the end-of-directory record alone is an empty ZIP. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file: Word 97–2003 `.doc`, Excel `.xls`. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = [...'{\\rtf'].map((c) => c.charCodeAt(0));
const PDF = [...'%PDF-'].map((c) => c.charCodeAt(0));

/** PDF readers accept the header anywhere in the first 1024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(PDF[0]); i >= 0 && i + PDF.length <= head.length; i = head.indexOf(PDF[0], i + 1)) {
    if (startsWith(head.subarray(i), PDF)) return true;
  }
  return false;
}

const SAVE_AS = 'lưu lại thành .docx hoặc .txt (UTF-8) rồi nhập / save it as .docx or .txt (UTF-8) and import that';

/** The kind of a source from its bytes; text longer than `textLimit` bytes is refused before it is decoded. */
export function sourceKind(bytes: Uint8Array, textLimit: number): SourceKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { kind: 'docx' };
  if (isPdf(bytes)) return { kind: 'pdf' };
  if (startsWith(bytes, OLE2)) return { kind: 'unreadable', reason: `tệp Word 97–2003 (.doc) hoặc Excel (.xls) chưa đọc được; ${SAVE_AS} / a Word 97–2003 (.doc) or Excel (.xls) file cannot be read` };
  if (startsWith(bytes, RTF)) return { kind: 'unreadable', reason: `tệp RTF chưa đọc được; ${SAVE_AS} / an RTF file cannot be read` };
  if (bytes.length > textLimit) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return { kind: 'unreadable', reason: `văn bản lớn quá ${mb(textLimit)}, không nhập / the text is larger than ${mb(textLimit)}; not imported` };
  }
  const html = htmlText(bytes);
  if (html !== undefined) return { kind: 'html', text: html };
  const decoded = decodeText(bytes);
  // Text has no NUL; a binary file (an image, an archive) has them almost always.
  if (decoded.text.includes('\0')) return { kind: 'unreadable', reason: 'tệp nhị phân, không phải văn bản / a binary file, not text' };
  if (decoded.invalid) {
    return {
      kind: 'unreadable',
      reason: `không phải văn bản UTF-8 hay UTF-16 (có thể là bảng mã cũ TCVN3, VNI hay Windows-1258); ${SAVE_AS} / not UTF-8 or UTF-16 text (perhaps a legacy encoding such as TCVN3, VNI or Windows-1258)`,
    };
  }
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding };
}

/** The first tag of a page (or of Word's "Web page"), once white space and comments before it are skipped. */
const HTML_TAG = /^<(?:!doctype\s+html|html|head|meta|body)[\s>]/i;

/** True when the text opens as HTML; comments are skipped by hand, as a pattern over them would backtrack. */
function opensAsHtml(head: string): boolean {
  let at = 0;
  for (;;) {
    while (at < head.length && /\s/.test(head[at])) at++;
    if (!head.startsWith('<!--', at)) break;
    const end = head.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
  }
  return HTML_TAG.test(head.slice(at));
}

/** The charset a `<meta>` tag of the head declares, each tag read on its own. */
function declaredCharset(head: string): string | undefined {
  const lower = head.toLowerCase();
  for (let at = lower.indexOf('<meta'); at >= 0; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    const charset = /charset\s*=\s*["']?([\w-]+)/i.exec(head.slice(at, end < 0 ? undefined : end));
    if (charset) return charset[1];
  }
  return undefined;
}

/**
 * Bytes 0x80–0x9F in windows-1252 (the Encoding Standard's table; the five it
 * leaves undefined stay as they are). Node 20's decoder reads them as Latin-1,
 * control characters: Word's `…`, `“ ”`, `–` would become U+0085, U+0093 …
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The text of an HTML file in the encoding it declares (`charset=` in its
 * first 4 KB; Word writes windows-1252 or windows-1258 with the Vietnamese
 * letters as entities), else UTF-8; undefined when the file is no HTML.
 */
function htmlText(bytes: Uint8Array): string | undefined {
  const { text: head } = decodeText(bytes.subarray(0, 4096));
  if (!opensAsHtml(head)) return undefined;
  const declared = declaredCharset(head);
  const bom = decodeText(bytes.subarray(0, 4)).encoding !== 'utf-8';
  if (declared && !bom) {
    try {
      const decoder = new TextDecoder(declared);
      const text = decoder.decode(bytes);
      return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]) : text;
    } catch {
      // A label the runtime does not know: read it as UTF-8 below.
    }
  }
  return decodeText(bytes).text;
}
