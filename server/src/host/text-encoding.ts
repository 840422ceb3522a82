/**
 * The encodings a plan or a text to import arrives in: UTF-8 with or without
 * its byte-order mark, and UTF-16 with its mark (what Notepad saves as
 * "Unicode", Word as "Unicode text"). A file is written back in the encoding
 * it was read in, mark included.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text without its byte-order mark; invalid bytes replaced by U+FFFD. */
  text: string;
  encoding: TextEncodingName;
  /** True when some bytes were not valid in the encoding. */
  invalid: boolean;
}

const BOM_LENGTH: Record<TextEncodingName, number> = { 'utf-8': 0, 'utf-8-bom': 3, 'utf-16le': 2, 'utf-16be': 2 };

function encodingOf(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const encoding = encodingOf(bytes);
  const body = bytes.subarray(BOM_LENGTH[encoding]);
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // ignoreBOM: the mark was cut off above; one more after it is text, which the checks report.
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body), encoding, invalid: false };
  } catch {
    return { text: new TextDecoder(label, { ignoreBOM: true }).decode(body), encoding, invalid: true };
  }
}

export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode('\uFEFF' + text);
  const bytes = Buffer.from('\uFEFF' + text, 'utf16le');
  if (encoding === 'utf-16be') bytes.swap16();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** The name of an encoding, for a message. */
export function describeEncoding(encoding: TextEncodingName): string {
  return { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' }[encoding];
}
