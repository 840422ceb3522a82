/**
 * Where the values of a JSON text lie, so that a finding on a configuration
 * or registry file lands on the entry or field it is about. One pass over a
 * text that `JSON.parse` accepted, without recursion (any depth of nesting),
 * recording the values down to `maxDepth` levels.
 */

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

export interface JsonLocation {
  /** The value's offsets in the text, its end exclusive. */
  start: number;
  end: number;
  /** In an object, the offsets of the key's string, quotes included. */
  keyStart?: number;
  keyEnd?: number;
}

const pathKey = (path: JsonPath) => path.map(String).join('\u0000');

interface Frame {
  kind: 'object' | 'array';
  start: number;
  /** The key or index of the value being read inside this container. */
  at: string | number;
  keyStart?: number;
  keyEnd?: number;
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/** The end of the string that opens at `i` (its closing quote included). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** The end of the number, `true`, `false` or `null` at `from`. */
function literalEnd(text: string, from: number): number {
  let j = from;
  while (j < text.length && !isSpace(text[j]) && text[j] !== ',' && text[j] !== '}' && text[j] !== ']') j++;
  return j;
}

export function jsonLocations(text: string, maxDepth = 3): (path: JsonPath) => JsonLocation | undefined {
  const found = new Map<string, JsonLocation>();
  const stack: Frame[] = [];
  const record = (start: number, end: number) => {
    if (stack.length > maxDepth) return;
    const top = stack[stack.length - 1];
    found.set(pathKey(stack.map((f) => f.at)), { start, end, keyStart: top?.keyStart, keyEnd: top?.keyEnd });
  };
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && isSpace(text[i])) i++;
  };
  // Reads a value at `i`, then closes every container that ends after it.
  for (;;) {
    skipSpace();
    if (i >= text.length) break;
    const top = stack[stack.length - 1];
    if (top?.kind === 'object') {
      // Inside an object: a key, then its value.
      if (text[i] === '}') {
        i++;
        close();
        afterValue();
        continue;
      }
      const keyStart = i;
      i = stringEnd(text, i);
      top.at = JSON.parse(text.slice(keyStart, i)) as string;
      top.keyStart = keyStart;
      top.keyEnd = i;
      skipSpace();
      i++; // ':'
      skipSpace();
    }
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      stack.push({ kind: c === '{' ? 'object' : 'array', start, at: 0 });
      skipSpace();
      if (c === '[' && text[i] === ']') {
        i++;
        close();
        afterValue();
      }
      continue;
    }
    i = c === '"' ? stringEnd(text, i) : literalEnd(text, i);
    record(start, i);
    afterValue();
  }
  return (path) => found.get(pathKey(path));

  /** After a value: a comma moves to the next member; closing brackets close their containers (a loop: nesting may be deep). */
  function afterValue(): void {
    for (;;) {
      skipSpace();
      if (text[i] === ',') {
        i++;
        const top = stack[stack.length - 1];
        if (top?.kind === 'array') top.at = (top.at as number) + 1;
        return;
      }
      if (text[i] !== '}' && text[i] !== ']') return;
      i++;
      close();
    }
  }

  /** Records the container whose closing bracket was just read. */
  function close(): void {
    const frame = stack.pop()!;
    record(frame.start, i);
  }
}
