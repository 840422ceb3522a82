/**
 * Text from a plan, a file name or a registry, made safe to print on a
 * terminal: control characters become visible (C0 as the Unicode control
 * pictures, `␛` for ESC; DEL and C1 as `<U+009B>`), and so do the
 * bidirectional controls that would reorder the line, so that nothing a
 * plan holds can move the cursor, recolour, retitle or hide text.
 */
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const codeOf = (c: string) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;

/** For a line of text output: each unsafe character shown as what it is (a tab stays a tab). */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : codeOf(c)));
}

/** For JSON output: the same characters as `\u` escapes, which JSON.stringify leaves raw (the data read back is unchanged). */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
