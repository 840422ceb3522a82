/**
 * Sizes a reader can hold in their head: no file of server/src over 400
 * lines, no function over 80 (its whole span, nested functions included,
 * read with the TypeScript parser). The few that stay larger are listed in
 * ALLOWED with the reason; an entry that no longer exceeds the limit must go,
 * so the list stays true.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const sourceRoot = join(__dirname, '..', 'server', 'src');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

/** `path` (from server/src, with `/`) for a file, `path#name` for a function: why it stays larger. */
const ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(?:ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A function's name as a reader finds it: its own, else the variable, property or method it is assigned to, else `<anonymous>`. */
function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name))) return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    if (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name)) return parent.name.text;
  }
  return '<anonymous>';
}

/** Every file and function over its limit, as `key` → lines. */
function offenders(): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of sourceFiles(sourceRoot)) {
    const path = relative(sourceRoot, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const lines = source.getLineStarts().length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE_LINES) found.set(path, lines);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const span = last - first + 1;
        if (span > MAX_FUNCTION_LINES) {
          const key = `${path}#${functionName(node)}`;
          found.set(key, Math.max(span, found.get(key) ?? 0));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('code size', () => {
  const found = offenders();

  it(`has no file over ${MAX_FILE_LINES} lines and no function over ${MAX_FUNCTION_LINES} but those allowed`, () => {
    const unexpected = [...found].filter(([key]) => !(key in ALLOWED)).map(([key, lines]) => `${key}: ${lines} lines`);
    expect(unexpected).toEqual([]);
  });

  it('allows only what still exceeds the limits', () => {
    expect(Object.keys(ALLOWED).filter((key) => !found.has(key))).toEqual([]);
  });
});
