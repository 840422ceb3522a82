import { deflateSync, inflateSync } from 'fflate';
import { DocxInputError } from './input-error';

/**
 * The ZIP container of a `.docx`, read and written without touching what is
 * not changed: an entry kept is copied with its compressed bytes as they
 * were, so images, fonts and every part the review does not edit stay
 * byte-for-byte. Pure: bytes in, bytes out.
 */

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed data starts in the archive. */
  dataStart: number;
  /** The entry's own date and time fields (DOS format), kept as they were. */
  time: number;
  date: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
}

/** A part's uncompressed size above which it is refused, so a ZIP bomb never fills the memory. */
export const MAX_PART_SIZE = 256 * 1024 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

interface Detail {
  vi: string;
  en: string;
}
const corrupt = (detail: Detail) => new DocxInputError(`Tệp Word bị hỏng (${detail.vi}) / The Word file is corrupt (${detail.en})`);

/** Reads the central directory of a ZIP archive; throws `DocxInputError` when it is not one, or is damaged. */
export function readZip(bytes: Uint8Array): ZipArchive {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment is at most that long).
  let end = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65535); o--) {
    if (u32(bytes, o) === 0x06054b50) {
      end = o;
      break;
    }
  }
  if (end < 0) throw corrupt({ vi: 'không thấy mục lục của gói ZIP, có thể tệp bị cắt cụt', en: 'no ZIP directory found, the file may be truncated' });
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  let offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw corrupt({ vi: 'gói ZIP64 không được hỗ trợ', en: 'ZIP64 archives are not supported' });
  if (offset + directorySize > end) throw corrupt({ vi: 'mục lục ZIP nằm ngoài tệp', en: 'the ZIP directory lies outside the file' });
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > end || u32(bytes, offset) !== 0x02014b50) throw corrupt({ vi: 'mục lục ZIP hỏng', en: 'damaged ZIP directory' });
    const flags = u16(bytes, offset + 8);
    const method = u16(bytes, offset + 10);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const localOffset = u32(bytes, offset + 42);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (flags & 1) throw new DocxInputError(`Tệp Word được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi thử lại / The Word file is password-protected (encrypted); remove the password and try again`);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== 0x04034b50) throw corrupt({ vi: `phần ${name} hỏng`, en: `part ${name} is damaged` });
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    const entry: ZipEntry = {
      name,
      method,
      crc: u32(bytes, offset + 16),
      compressedSize: u32(bytes, offset + 20),
      size: u32(bytes, offset + 24),
      dataStart,
      time: u16(bytes, offset + 12),
      date: u16(bytes, offset + 14),
    };
    if (dataStart + entry.compressedSize > bytes.length) throw corrupt({ vi: `phần ${name} bị cắt cụt`, en: `part ${name} is truncated` });
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes, entries };
}

/** The entry of a part (`word/document.xml`), matched as ZIP names are in OOXML: without regard to case. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const wanted = name.toLowerCase();
  return zip.entries.find((e) => e.name.toLowerCase() === wanted);
}

/** The uncompressed bytes of an entry, its checksum verified. */
export function entryBytes(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  if (entry.size > MAX_PART_SIZE) throw corrupt({ vi: `phần ${entry.name} quá lớn (${entry.size} byte)`, en: `part ${entry.name} is too large (${entry.size} bytes)` });
  const data = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let out: Uint8Array;
  try {
    if (entry.method === 0) out = data;
    else if (entry.method === 8) out = inflateSync(data, { out: new Uint8Array(entry.size) });
    else throw corrupt({ vi: `phần ${entry.name} nén theo cách không biết (${entry.method})`, en: `part ${entry.name} uses an unknown compression (${entry.method})` });
  } catch (error) {
    if (error instanceof DocxInputError) throw error;
    throw corrupt({ vi: `không giải nén được phần ${entry.name}`, en: `part ${entry.name} cannot be decompressed` });
  }
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw corrupt({ vi: `phần ${entry.name} sai mã kiểm tra`, en: `part ${entry.name} fails its checksum` });
  return out;
}

/** The text of a part (UTF-8, a byte-order mark dropped), or undefined when the package lacks it. */
export function readPart(zip: ZipArchive, name: string): string | undefined {
  const entry = findEntry(zip, name);
  if (!entry) return undefined;
  return new TextDecoder().decode(entryBytes(zip, entry)).replace(/^\uFEFF/, '');
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry as written: its name in UTF-8, its (compressed) bytes and what the headers say of them. */
interface Out {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
  time: number;
  date: number;
}

/**
 * The fields an entry's local header (from its 5th byte) and its central
 * directory record (from its 7th) share, in the same order: version needed,
 * flags (names in UTF-8), method, time, date, CRC, sizes, name length.
 * The extra field and the comment are left empty (zeros).
 */
function writeEntryFields(view: DataView, at: number, o: Out): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, 0x0800, true);
  view.setUint16(at + 4, o.method, true);
  view.setUint16(at + 6, o.time, true);
  view.setUint16(at + 8, o.date, true);
  view.setUint32(at + 10, o.crc, true);
  view.setUint32(at + 14, o.data.length, true);
  view.setUint32(at + 18, o.size, true);
  view.setUint16(at + 22, o.name.length, true);
}

/**
 * Writes the archive again with some parts replaced or added (`changes`, by
 * name: text is deflated, bytes, such as an image, stored as they are): the other entries keep their compressed bytes, order,
 * names and dates; new parts go at the end.
 */
export function writeZip(zip: ZipArchive, changes: Map<string, string | Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const pending = new Map([...changes].map(([name, text]) => [name.toLowerCase(), { name, text }]));
  const fresh = (name: string, content: string | Uint8Array, time: number, date: number): Out => {
    if (typeof content !== 'string') return { name: encoder.encode(name), method: 0, crc: crc32(content), size: content.length, data: content, time, date };
    const raw = encoder.encode(content);
    return { name: encoder.encode(name), method: 8, crc: crc32(raw), size: raw.length, data: deflateSync(raw, { level: 6 }), time, date };
  };
  const outs: Out[] = [];
  for (const entry of zip.entries) {
    const change = pending.get(entry.name.toLowerCase());
    if (change) {
      pending.delete(entry.name.toLowerCase());
      outs.push(fresh(entry.name, change.text, entry.time, entry.date));
    } else {
      const data = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      outs.push({ name: encoder.encode(entry.name), method: entry.method, crc: entry.crc, size: entry.size, data, time: entry.time, date: entry.date });
    }
  }
  const stamp = zip.entries[0] ?? { time: 0, date: 0x21 };
  for (const { name, text } of pending.values()) outs.push(fresh(name, text, stamp.time, stamp.date));

  const localSize = outs.reduce((n, o) => n + 30 + o.name.length + o.data.length, 0);
  const directorySize = outs.reduce((n, o) => n + 46 + o.name.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const o of outs) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    writeEntryFields(view, at + 4, o);
    out.set(o.name, at + 30);
    out.set(o.data, at + 30 + o.name.length);
    at += 30 + o.name.length + o.data.length;
  }
  const directory = at;
  outs.forEach((o, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // version made by
    writeEntryFields(view, at + 6, o);
    view.setUint32(at + 42, offsets[i], true);
    out.set(o.name, at + 46);
    at += 46 + o.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, outs.length, true);
  view.setUint16(at + 10, outs.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
