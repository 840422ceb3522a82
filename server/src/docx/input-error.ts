/**
 * A file the review or the import cannot read as a Word document: not a
 * `.docx`, a Word 97 `.doc`, password-protected, damaged or too large. The
 * message is for the user, Vietnamese first; nothing is written.
 */
export class DocxInputError extends Error {}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** True when the UTF-16LE form of `name` stands in the bytes (the directory of an OLE compound file names its streams so). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Refuses, by their first bytes, what is not a `.docx`: an empty file, a
 * Word 97–2003 `.doc` or a password-protected `.docx` (both OLE compound
 * files), an RTF or PDF file, text. A ZIP package goes on to be read.
 */
export function checkWordInput(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new DocxInputError('Tệp rỗng / The file is empty');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16Name(bytes, 'EncryptedPackage')) {
      throw new DocxInputError(
        'Tệp Word được đặt mật khẩu (mã hóa); hãy mở bằng Word, gỡ mật khẩu rồi thử lại / The Word file is password-protected (encrypted); open it in Word, remove the password and try again',
      );
    }
    if (hasUtf16Name(bytes, 'WordDocument')) {
      throw new DocxInputError(
        'Đây là tệp Word 97–2003 (.doc); hãy lưu lại thành .docx (Tệp > Lưu thành > Word Document) rồi thử lại / This is a Word 97–2003 file (.doc); save it as .docx (File > Save As > Word Document) and try again',
      );
    }
    throw new DocxInputError('Đây là tệp Office cũ, không phải Word .docx / This is an old Office file, not a Word .docx');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new DocxInputError('Đây là tệp RTF; hãy lưu lại thành .docx / This is an RTF file; save it as .docx');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    throw new DocxInputError('Đây là tệp PDF, không phải Word .docx; chép văn bản ra rồi dùng kehoach import / This is a PDF, not a Word .docx; copy its text out and use kehoach import');
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new DocxInputError('Tệp này không phải tệp Word .docx / This file is not a Word .docx');
  }
}
