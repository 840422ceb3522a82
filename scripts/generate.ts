// `npm run generate`: writes what is made from the rules and the settings, so
// that each fact has one source. The rules' documentation (docs/rules/*.md)
// becomes server/src/checks/rule-docs.generated.ts and, with the rule
// catalogue, docs/rules.md; the settings (server/src/checks/settings.ts) become
// the JSON schema of kehoach.json, the editor's settings in package.json and
// their strings, and the tables of docs/configuration.md. The tests fail
// while a generated file differs from what this writes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, writeRuleDocsModule } from './rule-docs.mjs';

/** Writes a file when its text changes, and says so. */
function write(path: string, text: string): void {
  const file = join(ROOT, path);
  let old: string | undefined;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = undefined;
  }
  if (old === text) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`${path} written`);
}
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

// The module first: the rules' documents are read through it.
writeRuleDocsModule();
const { RULES } = await import('../server/src/checks');
const { renderRulesDoc } = await import('../server/src/checks/rules-doc');
const outputs = await import('./settings-outputs');

write('docs/rules.md', renderRulesDoc());
write(outputs.SCHEMA_PATH, json(outputs.configSchema(RULES)));
write('package.json', json(outputs.withEditorSettings(readJson('package.json'), RULES)));
write('package.nls.json', json(outputs.withSettingStrings(readJson('package.nls.json'), 'en')));
write('package.nls.vi.json', json(outputs.withSettingStrings(readJson('package.nls.vi.json'), 'vi')));
write('docs/configuration.md', outputs.withSettingsTables(readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8')));
