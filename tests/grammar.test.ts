import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

/**
 * The TextMate grammar as VS Code runs it: vscode-textmate with the
 * Oniguruma regex engine (WASM). Each example is tokenised line by line and
 * compared with its golden file under tests/golden/grammar/ (update with
 * `npx vitest run tests/grammar.test.ts -u`, then read the diff). A golden
 * line is `line: "text" scope scope …`, one token per line, whitespace-only
 * tokens without a scope of their own left out; `.kehoach` and the root
 * scope are dropped for reading.
 */
const root = join(__dirname, '..');
let grammar: IGrammar;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.kehoach') return null;
      const path = join(root, 'syntaxes', 'kehoach.tmLanguage.json');
      return parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const loaded = await registry.loadGrammar('text.kehoach');
  if (!loaded) throw new Error('grammar text.kehoach did not load');
  return loaded;
}

function tokenise(text: string): string {
  const out: string[] = [];
  let stack = INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    for (const token of result.tokens) {
      const value = line.slice(token.startIndex, token.endIndex);
      const scopes = token.scopes.slice(1).map((s) => s.replace(/\.kehoach$/, ''));
      if (scopes.length === 0 && !value.trim()) continue;
      out.push(`${index + 1}: ${JSON.stringify(value)} ${scopes.join(' ')}`.trimEnd());
    }
  });
  return `${out.join('\n')}\n`;
}

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.kh'));

describe('the TextMate grammar', async () => {
  grammar = await loadGrammar();

  it.each(examples)('tokenises %s as its golden file says', async (file) => {
    const tokens = tokenise(readFileSync(join(root, 'examples', file), 'utf8'));
    await expect(tokens).toMatchFileSnapshot(join(root, 'tests', 'golden', 'grammar', file.replace(/\.kh$/, '.tokens.txt')));
  });

  it('scopes each construct of the syntax', () => {
    const scopesOf = (line: string) => tokenise(line).trim().split('\n');
    expect(scopesOf('Số: 64/KH-UBND')).toEqual(['1: "Số" keyword.other.header-label', '1: ":" punctuation.separator.key-value', '1: " 64/KH-UBND" string.unquoted.header-value']);
    expect(scopesOf('# II. NHIỆM VỤ')).toEqual(['1: "#" punctuation.definition.heading', '1: "II. " constant.numeric.heading-number', '1: "NHIỆM VỤ" markup.heading']);
    expect(scopesOf('// góp ý')).toEqual(['1: "// góp ý" comment.line.double-slash']);
  });
});
