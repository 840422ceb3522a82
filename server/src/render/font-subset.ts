/**
 * Subsets of the embedded faces for the standalone HTML export, which
 * otherwise carries about 2 MB of whole faces whatever the plan says.
 *
 * fontkit (already bundled for pdfkit, which subsets the PDF's fonts with
 * it) picks the glyphs, composite glyphs' components included, and writes
 * their outlines, metrics and hinting. Its subset is made for a PDF, which
 * addresses glyphs by id: it has no `cmap`, `name`, `OS/2` or `post`, and a
 * browser's font sanitizer rejects a TrueType file without them. So the file
 * is put together again here with those tables: a `cmap` for the characters
 * kept, `OS/2`, `name` (copyright and licence included) and `gasp` copied,
 * `post` without glyph names, and the legacy `kern` pairs between kept glyphs
 * (the `GPOS`, `GSUB` and `GDEF` tables, which would need a layout-aware
 * subsetter, are dropped; `kern` keeps the kerning the browser applies).
 */
import { create } from 'fontkit';

/** The tables of an sfnt file by tag. */
function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0, count = view.getUint16(4); i < count; i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    tables.set(tag, bytes.subarray(offset, offset + view.getUint32(entry + 12)));
  }
  return tables;
}

/** The sfnt checksum: the sum of big-endian 32-bit words, the last one padded with zeros. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    const word = ((bytes[i] << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0;
    sum = (sum + word) >>> 0;
  }
  return sum;
}

/** A TrueType file of the tables, in tag order (readers search the directory), each on a 4-byte boundary. */
function writeTables(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const pad = (length: number) => (length + 3) & ~3;
  const directoryEnd = 12 + 16 * tags.length;
  const out = new Uint8Array(tags.reduce((size, tag) => size + pad(tables.get(tag)!.length), directoryEnd));
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let offset = directoryEnd;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    out.set(table, offset);
    // The whole file's checksum goes in `head` once every table is written; it counts as zero until then.
    if (tag === 'head') {
      headOffset = offset;
      view.setUint32(offset + 8, 0);
    }
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    view.setUint32(entry + 4, checksum(out.subarray(offset, offset + table.length)));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    offset += pad(table.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/**
 * A `cmap` with one format 4 subtable (Unicode BMP), listed for Unicode and
 * for Windows: Liberation Serif maps nothing above U+FFFF, so it is enough.
 * A segment is a run of consecutive characters whose glyph ids are
 * consecutive too, so that `idDelta` alone maps it.
 */
function cmapTable(mapping: [codePoint: number, glyph: number][]): Uint8Array {
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [codePoint, glyph] of mapping) {
    const last = segments.at(-1);
    if (last && codePoint === last.end + 1 && glyph - codePoint === last.delta) last.end = codePoint;
    else segments.push({ start: codePoint, end: codePoint, delta: glyph - codePoint });
  }
  // The closing segment the format requires (U+FFFF to glyph 0).
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const count = segments.length;
  const length = 16 + 8 * count;
  const out = new Uint8Array(20 + length);
  const view = new DataView(out.buffer);
  view.setUint16(2, 2);
  view.setUint16(4, 0); // Unicode, BMP
  view.setUint16(6, 3);
  view.setUint32(8, 20);
  view.setUint16(12, 3); // Windows, Unicode BMP
  view.setUint16(14, 1);
  view.setUint32(16, 20);
  const power = 2 ** Math.floor(Math.log2(count));
  const table = new DataView(out.buffer, 20);
  table.setUint16(0, 4);
  table.setUint16(2, length);
  table.setUint16(6, count * 2);
  table.setUint16(8, power * 2);
  table.setUint16(10, Math.log2(power));
  table.setUint16(12, count * 2 - power * 2);
  segments.forEach((segment, i) => {
    table.setUint16(14 + 2 * i, segment.end);
    table.setUint16(16 + 2 * count + 2 * i, segment.start);
    table.setUint16(16 + 4 * count + 2 * i, segment.delta & 0xffff);
    // idRangeOffset (16 + 6 × count) stays 0: every segment maps by delta.
  });
  return out;
}

/** `post` version 3: the original's italic angle and underline, no glyph names (which only printers to PostScript read). */
function postTable(original: Uint8Array): Uint8Array {
  const out = original.slice(0, 32);
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}

/**
 * The legacy `kern` table's format 0 pairs between kept glyphs, renumbered;
 * undefined when none is left. One subtable per horizontal format 0
 * subtable of the original (a subtable's length is 16 bits: 10,920 pairs at
 * most, far more than a text face has).
 */
function kernTable(original: Uint8Array | undefined, newId: Map<number, number>): Uint8Array | undefined {
  if (!original) return undefined;
  const view = new DataView(original.buffer, original.byteOffset, original.byteLength);
  if (view.getUint16(0) !== 0) return undefined;
  const subtables: Uint8Array[] = [];
  for (let i = 0, at = 4, count = view.getUint16(2); i < count; i++, at += view.getUint16(at + 2)) {
    const coverage = view.getUint16(at + 4);
    if (coverage >> 8 !== 0 || !(coverage & 1)) continue;
    const pairs: [left: number, right: number, value: number][] = [];
    for (let p = 0, pairAt = at + 14; p < view.getUint16(at + 6); p++, pairAt += 6) {
      const left = newId.get(view.getUint16(pairAt));
      const right = newId.get(view.getUint16(pairAt + 2));
      if (left !== undefined && right !== undefined) pairs.push([left, right, view.getInt16(pairAt + 4)]);
    }
    if (!pairs.length) continue;
    // Readers search the pairs by (left, right).
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out = new Uint8Array(14 + 6 * pairs.length);
    const sub = new DataView(out.buffer);
    const power = 2 ** Math.floor(Math.log2(pairs.length));
    sub.setUint16(2, out.length);
    sub.setUint16(4, coverage);
    sub.setUint16(6, pairs.length);
    sub.setUint16(8, power * 6);
    sub.setUint16(10, Math.log2(power));
    sub.setUint16(12, (pairs.length - power) * 6);
    pairs.forEach(([left, right, value], p) => {
      sub.setUint16(14 + 6 * p, left);
      sub.setUint16(16 + 6 * p, right);
      sub.setInt16(18 + 6 * p, value);
    });
    subtables.push(out);
  }
  if (!subtables.length) return undefined;
  const out = new Uint8Array(subtables.reduce((size, s) => size + s.length, 4));
  new DataView(out.buffer).setUint16(2, subtables.length);
  subtables.reduce((offset, s) => (out.set(s, offset), offset + s.length), 4);
  return out;
}

/**
 * A TrueType face with only the glyphs for `text`'s characters (those the
 * face has; the browser takes the others from the next font in the list).
 * The font is parsed anew on each call: a fontkit font object keeps state
 * from one subset to the next, and shared between two PDF documents it gave
 * the second broken text.
 */
export function subsetFont(bytes: Uint8Array, text: string): Uint8Array {
  const font = create(bytes);
  const subset = font.createSubset();
  const codePoints = [...new Set(Array.from(text, (c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const mapping = codePoints.filter((c) => c <= 0xffff && font.hasGlyphForCodePoint(c)).map((c): [number, number] => [c, subset.includeGlyph(font.glyphForCodePoint(c))]);
  const tables = readTables(subset.encode());
  const original = readTables(bytes);
  const newId = new Map(subset.glyphs.map((glyph, id) => [glyph, id]));
  tables.set('cmap', cmapTable(mapping));
  tables.set('post', postTable(original.get('post')!));
  for (const tag of ['OS/2', 'name', 'gasp']) {
    const table = original.get(tag);
    if (table) tables.set(tag, table);
  }
  const kern = kernTable(original.get('kern'), newId);
  if (kern) tables.set('kern', kern);
  return writeTables(tables);
}
