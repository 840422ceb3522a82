import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlanService } from '../server/src/service/plan-service';
import { SEMANTIC_TOKEN_TYPES } from '../server/src/service/semantic-tokens';

/**
 * The extension's manifest agrees with the server and with its own string
 * tables: what VS Code reads from package.json, package.nls*.json and l10n/
 * must name what the code uses, in both languages.
 */
const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifest = JSON.parse(read('package.json'));
/** The client's sources: every runtime string and command lives in one of them. */
const client = readdirSync(join(root, 'client', 'src'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(join('client', 'src', f)));

describe('the extension manifest', () => {
  it('activates on opening a plan (VS Code gives no implicit onLanguage event here)', () => {
    expect(manifest.activationEvents).toContain('onLanguage:kehoach');
  });

  it('has every %key% of package.json in package.nls.json and package.nls.vi.json', () => {
    const keys = [...read('package.json').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    for (const table of ['package.nls.json', 'package.nls.vi.json']) {
      const strings = JSON.parse(read(table));
      expect(
        keys.filter((k) => !(k in strings)),
        table,
      ).toEqual([]);
    }
  });

  it('translates every runtime string of the client in the Vietnamese bundle', () => {
    const used = client.flatMap((text) => [...text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(5);
    const vi = JSON.parse(read('l10n/bundle.l10n.vi.json'));
    expect(used.filter((s) => !(s in vi))).toEqual([]);
  });

  it('declares the semantic token types the server’s legend uses', () => {
    expect(manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id)).toEqual([...SEMANTIC_TOKEN_TYPES]);
  });

  it('contributes every command the client registers', () => {
    const registered = client.flatMap((text) => [...text.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]));
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
    expect(registered.filter((c) => !contributed.includes(c))).toEqual([]);
  });

  it('offers in the explorer’s context menu the file commands for exactly the files they take', () => {
    const menu = manifest.contributes.menus['explorer/context'];
    const when = (command: string) => menu.find((m: { command: string }) => m.command === command).when as string;
    expect(when('kehoach.reviewDocx')).toBe('resourceExtname == .docx');
    const importable = new RegExp(when('kehoach.importPlan').match(/=~ \/(.*)\/i$/)![1], 'i');
    const extensions = JSON.parse(
      client
        .join('\n')
        .match(/IMPORTABLE_EXTENSIONS = (\[[^\]]*\])/)![1]
        .replace(/'/g, '"'),
    ) as string[];
    expect(extensions.filter((ext) => !importable.test(`.${ext}`))).toEqual([]);
    expect(['.kh', '.doc', '.docx.bak', '.pdfx'].filter((ext) => importable.test(ext))).toEqual([]);
  });
});

describe('the protocol between the client and the server', () => {
  it('spells each kehoach/* method name once, in protocol.ts, which both sides import', () => {
    const lsp = readdirSync(join(root, 'server', 'src', 'lsp'))
      .filter((f) => f.endsWith('.ts') && f !== 'protocol.ts')
      .map((f) => read(join('server', 'src', 'lsp', f)));
    const spelled = [...client, ...lsp].flatMap((text) => [...text.matchAll(/'kehoach(?:\/\w+|-review)'/g)].map((m) => m[0]));
    expect(spelled).toEqual([]);
    expect(read('server/src/lsp/protocol.ts').match(/^export const \w+ = 'kehoach[/-]\w+';$/gm)).toHaveLength(9);
  });

  it('bundles into the client nothing of the server but protocol.ts (its constants)', () => {
    const { sources } = JSON.parse(read('dist/client/extension.cjs.map')) as { sources: string[] };
    expect(sources.filter((s) => s.includes('server/src/'))).toEqual([expect.stringMatching(/server\/src\/lsp\/protocol\.ts$/)]);
  });
});

describe('the whole-plan skeleton snippets', () => {
  const snippets = JSON.parse(read('snippets/kehoach.code-snippets')) as Record<string, { body: string[] }>;
  const service = createPlanService({ today: () => '2026-03-15' });
  const skeletons = Object.keys(snippets).filter((name) => name.startsWith('Kế hoạch đầy đủ'));

  it.each(skeletons)('%s, with its placeholders filled in, has no error', (name) => {
    // `${1:TỈNH ỦY LAI CHÂU}` → its default; `$CURRENT_DATE` and friends → a date.
    const text = snippets[name].body
      .join('\n')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace('$CURRENT_DATE/$CURRENT_MONTH/$CURRENT_YEAR', '15/3/2026')
      .replace(/\$0/g, '')
      .replace(/Số: {3}/, 'Số: 12');
    const errors = service.getDiagnostics({ uri: `file:///${name}.kh`, version: 1, getText: () => text }).filter((d) => d.severity === 1);
    expect(errors.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});
