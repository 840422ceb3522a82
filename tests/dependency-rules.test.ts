/**
 * The dependency rules of ARCHITECTURE.md, enforced: its table "Dependency
 * rules" says which rooms (top folders of server/src) each room may import and
 * which may use Node's built-in modules. Every import of server/src is read
 * with the TypeScript parser — `import`, `export … from`, `import type`,
 * `import()` calls and `import('…')` types — and each arrow between two rooms
 * must be one the table allows. The table must list every room and no other,
 * be free of cycles itself, and no file may reach itself through its imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const sourceRoot = join(root, 'server', 'src');
const dataRoot = join(root, 'server', 'data');

/** The room `data`: server/data, beside the source rooms. */
const DATA = 'data';
/** Packages of the editor's runtime: `vscode-languageserver` for the `lsp` room alone, `vscode` for none. */
const LSP_RUNTIME = /^vscode-languageserver(?:\/|$)/;
const EDITOR = /^vscode$/;

interface Rules {
  allowed: Map<string, Set<string>>;
  node: Set<string>;
}

/** The table under "## Dependency rules" in ARCHITECTURE.md: `| \`room\` | \`a\`, \`b\` | yes |`. */
function readRules(markdown: string): Rules {
  const start = markdown.indexOf('\n## Dependency rules\n');
  if (start < 0) throw new Error('ARCHITECTURE.md has no "## Dependency rules" section');
  const end = markdown.indexOf('\n## ', start + 1);
  const allowed = new Map<string, Set<string>>();
  const node = new Set<string>();
  for (const line of markdown.slice(start, end < 0 ? undefined : end).split('\n')) {
    const cells = /^\|\s*`([\w-]+)`\s*\|([^|]*)\|\s*(yes|no)\s*\|$/.exec(line.trim());
    if (!cells) continue;
    const [, room, targets, usesNode] = cells;
    allowed.set(room, new Set([...targets.matchAll(/`([\w-]+)`/g)].map((m) => m[1])));
    if (usesNode === 'yes') node.add(room);
  }
  return { allowed, node };
}

interface ImportArrow {
  file: string;
  line: number;
  specifier: string;
  /** The file it names, for a relative specifier (undefined when it names none). */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(?:ts|mts|cts)$/.test(name) ? [path] : [];
  });
}

/** The file a relative specifier names, as esbuild and tsc resolve it (`./x` → `x.ts` or `x/index.ts`; data files by their name). */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Every module a file names: static imports and re-exports, type imports, `import()` calls and `import('…')` types. */
function importsOf(file: string, text: string): ImportArrow[] {
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: ImportArrow[] = [];
  const add = (literal: ts.StringLiteralLike) => {
    const specifier = literal.text;
    const line = tree.getLineAndCharacterOfPosition(literal.getStart(tree)).line + 1;
    found.push({ file, line, specifier, target: specifier.startsWith('.') ? resolveSpecifier(file, specifier) : undefined });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteralLike(node.moduleReference.expression)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(argument);
      else throw new Error(`${relative(root, file)}: import() of a computed name cannot be checked against the dependency rules`);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The room of a file: its top folder under server/src, or `data` for server/data. */
function roomOf(path: string): string | undefined {
  if (path.startsWith(dataRoot + sep)) return DATA;
  if (!path.startsWith(sourceRoot + sep)) return undefined;
  const parts = relative(sourceRoot, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

const where = (arrow: ImportArrow) => `${relative(root, arrow.file)}:${arrow.line}`;

/** The arrows the rules refuse, one line each (empty when all hold). */
function violations(rules: Rules, arrows: ImportArrow[]): string[] {
  const found: string[] = [];
  for (const arrow of arrows) {
    const from = roomOf(arrow.file);
    if (!from) {
      found.push(`${where(arrow)}: a file outside every room`);
      continue;
    }
    const { specifier } = arrow;
    if (specifier.startsWith('.')) {
      const to = arrow.target && roomOf(arrow.target);
      if (!arrow.target) found.push(`${where(arrow)}: '${specifier}' names no file`);
      else if (!to) found.push(`${where(arrow)}: '${specifier}' leads out of server/src and server/data`);
      else if (to !== from && !rules.allowed.get(from)?.has(to)) found.push(`${where(arrow)}: ${from} → ${to} ('${specifier}') is not an arrow ARCHITECTURE.md allows`);
      continue;
    }
    const bare = specifier.replace(/^node:/, '');
    const isNode = specifier.startsWith('node:') || builtinModules.includes(bare.split('/')[0]);
    if (isNode && !rules.node.has(from)) found.push(`${where(arrow)}: ${from} may not import Node's '${specifier}'`);
    if (EDITOR.test(specifier)) found.push(`${where(arrow)}: no room of the server imports '${specifier}'`);
    if (LSP_RUNTIME.test(specifier) && from !== 'lsp') found.push(`${where(arrow)}: only lsp imports the LSP runtime ('${specifier}')`);
  }
  return found;
}

/** The strongly connected groups of more than one node (Tarjan), each sorted: the cycles of a graph. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || graph.get(node)?.has(node)) groups.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return groups;
}

const rules = readRules(readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8'));
const files = sourceFiles(sourceRoot);
const arrows = files.flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));

describe('dependency rules (ARCHITECTURE.md)', () => {
  it('lists every room of server/src, and no room that is not there', () => {
    const rooms = readdirSync(sourceRoot).filter((name) => statSync(join(sourceRoot, name)).isDirectory());
    expect([...rules.allowed.keys()].sort()).toEqual(rooms.sort());
    const named = new Set([...rules.allowed.values()].flatMap((targets) => [...targets]));
    expect([...named].filter((room) => room !== DATA && !rules.allowed.has(room))).toEqual([]);
  });

  it('allows no cycle between rooms', () => {
    expect(cycles(rules.allowed)).toEqual([]);
  });

  it('reads the imports of every kind', () => {
    const kinds = importsOf(
      join(sourceRoot, 'lsp', 'example.ts'),
      [
        "import { a } from '../checks';",
        "import type { B } from '../model';",
        "export { c } from './c';",
        "const d = await import('../host/plan-files');",
        "type E = import('../service/plan-service').PlanService;",
      ].join('\n'),
    );
    expect(kinds.map((k) => k.specifier)).toEqual(['../checks', '../model', './c', '../host/plan-files', '../service/plan-service']);
  });

  it('refuses an arrow up, an import of Node in the core and the LSP runtime outside lsp', () => {
    const at = (room: string, specifier: string): ImportArrow => {
      const file = join(sourceRoot, room, 'example.ts');
      return { file, line: 1, specifier, target: specifier.startsWith('.') ? join(sourceRoot, specifier.replace(/^\.\.\//, ''), 'index.ts') : undefined };
    };
    expect(
      violations(rules, [
        at('checks', '../scaffold'),
        at('scaffold', '../checks'),
        at('syntax', 'node:fs'),
        at('service', 'vscode-languageserver/node'),
        at('lsp', 'vscode-languageserver/node'),
        at('host', 'node:fs'),
      ]),
    ).toEqual([
      "server/src/scaffold/example.ts:1: scaffold → checks ('../checks') is not an arrow ARCHITECTURE.md allows",
      "server/src/syntax/example.ts:1: syntax may not import Node's 'node:fs'",
      "server/src/service/example.ts:1: only lsp imports the LSP runtime ('vscode-languageserver/node')",
    ]);
  });

  it('holds for every import of server/src', () => {
    expect(arrows.length).toBeGreaterThan(500);
    expect(violations(rules, arrows)).toEqual([]);
  });

  it('leaves no cycle between files', () => {
    const graph = new Map<string, Set<string>>();
    for (const { file, target } of arrows) {
      if (!target) continue;
      if (!graph.has(file)) graph.set(file, new Set());
      graph.get(file)!.add(target);
    }
    expect(cycles(graph).map((group) => group.map((file) => relative(root, file)))).toEqual([]);
  });
});
