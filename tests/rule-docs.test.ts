import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../server/src/checks';
import { RULE_DOCS } from '../server/src/checks/rule-docs.generated';
import { renderRulesDoc } from '../server/src/checks/rules-doc';
import { toSarif } from '../server/src/cli/sarif';
import { createPlanService } from '../server/src/service/plan-service';
import { readRuleDoc, readRuleDocs, ruleDocsModule, RULE_DOCS_FOLDER, RULE_DOCS_MODULE } from '../scripts/rule-docs.mjs';
import { temporaryFolders } from './helpers/temp-folders';

const temporaryFolder = temporaryFolders();

/** What a rule's Markdown file says, read here on its own (not through the generated module). */
const fileDoc = (id: string): { vi: string; en: string } => readRuleDoc(id, readFileSync(join(RULE_DOCS_FOLDER, `${id}.md`), 'utf8'));

describe('rule documentation (docs/rules/<id>.md)', () => {
  it('has one file per rule and none for a rule that does not exist', () => {
    const files = readdirSync(RULE_DOCS_FOLDER).filter((name) => name.endsWith('.md'));
    expect(files.sort()).toEqual(RULES.map((r) => `${r.id}.md`).sort());
  });

  it('gives every rule a Vietnamese and an English text', () => {
    for (const rule of RULES) {
      const doc = fileDoc(rule.id);
      expect(doc.vi.length, rule.id).toBeGreaterThan(80);
      expect(doc.en.length, rule.id).toBeGreaterThan(80);
    }
  });

  it('is compiled into server/src/checks/rule-docs.generated.ts as the files say (npm run generate)', () => {
    expect(readFileSync(RULE_DOCS_MODULE, 'utf8')).toBe(ruleDocsModule(readRuleDocs()));
    for (const rule of RULES) expect(RULE_DOCS[rule.id], rule.id).toEqual(fileDoc(rule.id));
  });

  it('joins a paragraph’s lines, keeps paragraphs apart and puts a shared note where a line links to it', () => {
    const folder = temporaryFolder('rule-docs');
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'notes', 'x.md'), '# X\n\n## Tiếng Việt\n\nGhi chú\nchung.\n\n## English\n\nShared\nnote.\n');
    const text = '# demo\n\n## Tiếng Việt\n\nMột\nhai.\n\nBa.\n[ghi chú](notes/x.md)\n\n## English\n\nOne\r\ntwo.\n[note](notes/x.md)\n';
    expect(readRuleDoc('demo', text, folder)).toEqual({ vi: 'Một hai.\n\nBa. Ghi chú chung.', en: 'One two. Shared note.' });
  });

  it('refuses a file without its heading or one of its languages, naming the file', () => {
    expect(() => readRuleDoc('demo', '# other\n\n## Tiếng Việt\n\nA\n\n## English\n\nB\n')).toThrow('docs/rules/demo.md: the first line must be "# demo"');
    expect(() => readRuleDoc('demo', '# demo\n\n## Tiếng Việt\n\nA\n')).toThrow('docs/rules/demo.md: no text under "## English"');
    expect(() => readRuleDoc('demo', '# demo\n\n## Tiếng Việt\n\nA\n\n## Tiếng Anh\n\nB\n')).toThrow('unknown heading "## Tiếng Anh"');
  });
});

describe('docs/rules.md', () => {
  it('is the one generated from the rules and their files (run npm run generate after changing one)', () => {
    const rendered = renderRulesDoc();
    expect(readFileSync(join(__dirname, '..', 'docs', 'rules.md'), 'utf8')).toBe(rendered);
    for (const rule of RULES) expect(rendered).toContain(`${fileDoc(rule.id).vi}\n\n${fileDoc(rule.id).en}`);
  });
});

describe('where a rule’s text is shown', () => {
  it('is the SARIF help of each rule', () => {
    const { rules } = toSarif([]).runs[0].tool.driver;
    for (const rule of RULES) {
      const doc = fileDoc(rule.id);
      expect(rules.find((r) => r.id === rule.id)?.help.text).toBe(`${doc.vi}\n\n${doc.en}`);
    }
  });

  it('is in the hover over a finding', () => {
    const service = createPlanService({ today: () => '2026-03-15' });
    const text = 'Số: 1/KH-UBND\n---\n# I. A\n# III. B\n';
    const document = { uri: 'file:///rule-docs.kh', version: 1, getText: () => text };
    const hover = service.getHover(document, { line: 3, character: 3 });
    const value = (hover?.contents as { value: string }).value;
    expect(value).toContain('**heading-numbering**');
    expect(value).toContain(fileDoc('heading-numbering').vi);
  });
});
