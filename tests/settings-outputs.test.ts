import Ajv from 'ajv';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../server/src/checks';
import { parseWorkspaceConfig } from '../server/src/checks/config';
import { FILE_KEYS, SETTINGS } from '../server/src/checks/settings';
import { configSchema, editorSettings, SCHEMA_PATH, settingStrings, withSettingsTables } from '../scripts/settings-outputs';

/**
 * The settings (server/src/checks/settings.ts) are the one source of the
 * kehoach.json schema, the editor's settings and the configuration doc:
 * the committed files must be what `npm run generate` writes, and the schema
 * must accept and refuse what kehoach itself accepts and refuses.
 */
const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const manifest = JSON.parse(read('package.json'));
const schema = JSON.parse(read(SCHEMA_PATH));

// VS Code's own keywords for descriptions, which the schema carries beside the standard `description`.
const ajv = new Ajv({ allErrors: true, keywords: ['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions'] });
const validate = ajv.compile(schema);
const ids = RULES.map((r) => r.id);
/** What kehoach reports on a kehoach.json text. */
const findings = (text: string) => parseWorkspaceConfig(text, ids).diagnostics.map((d) => d.message);

/** Every kehoach.json under a folder. */
function configFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return configFiles(path);
    return name === 'kehoach.json' ? [path] : [];
  });
}

describe('generated from the settings (npm run generate)', () => {
  it('is the schema of kehoach.json that ships', () => {
    expect(schema).toEqual(configSchema(RULES));
  });

  it('is the editor’s kehoach.* settings of package.json, with their strings in both languages', () => {
    expect(manifest.contributes.configuration.properties).toEqual(editorSettings(RULES));
    const en = JSON.parse(read('package.nls.json'));
    const vi = JSON.parse(read('package.nls.vi.json'));
    const ofSettings = (table: Record<string, string>) => Object.fromEntries(Object.entries(table).filter(([key]) => key.startsWith('config.')));
    expect(ofSettings(en)).toEqual(settingStrings('en'));
    expect(ofSettings(vi)).toEqual(settingStrings('vi'));
    // Every editor setting that kehoach.json can also give is one of its keys.
    for (const setting of SETTINGS.filter((s) => s.where === 'both')) expect(FILE_KEYS).toContain(setting.key);
  });

  it('is the tables of docs/configuration.md', () => {
    const doc = read('docs/configuration.md');
    expect(doc).toBe(withSettingsTables(doc));
    for (const key of FILE_KEYS.filter((k) => k !== '$schema')) expect(doc.match(new RegExp(`^\\| \`${key}\` \\|`, 'gm'))).toHaveLength(2);
  });

  it('is contributed to VS Code for kehoach.json, and packaged', () => {
    expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: 'kehoach.json', url: `./${SCHEMA_PATH}` }]);
    expect(read('.vscodeignore').split('\n')).toContain('!schemas/**');
  });
});

describe('the kehoach.json schema', () => {
  it('accepts the example of docs/configuration.md and every kehoach.json of the examples and fixtures, as kehoach does', () => {
    const example = /```json\n([\s\S]*?)```/.exec(read('docs/configuration.md'))![1];
    const files = [...configFiles(join(ROOT, 'examples')), ...configFiles(join(ROOT, 'tests', 'fixtures'))];
    expect(files.map((f) => relative(ROOT, f))).toContain('tests/fixtures/config/kehoach.json');
    for (const [name, text] of [['docs/configuration.md', example], ...files.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')])]) {
      expect(findings(text), name).toEqual([]);
      expect(validate(JSON.parse(text)), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('names every key kehoach reads: the fixture sets each, and each is read', () => {
    const { config, diagnostics } = parseWorkspaceConfig(read('tests/fixtures/config/kehoach.json'), ids);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(config).sort()).toEqual(FILE_KEYS.filter((k) => k !== '$schema').sort());
    expect(Object.keys(schema.properties).sort()).toEqual([...FILE_KEYS].sort());
  });

  it('accepts each date form kehoach reads and every rule id, and completes both', () => {
    for (const planDate of ['2026-03-15', '15/3/2026', '5-3-2026', '05.03.2026', 'ngày 15 tháng 3 năm 2026']) {
      const text = JSON.stringify({ planDate });
      expect(findings(text), planDate).toEqual([]);
      expect(validate(JSON.parse(text)), planDate).toBe(true);
    }
    const all = JSON.stringify({ rules: Object.fromEntries(ids.map((id) => [id, 'off'])) });
    expect(findings(all)).toEqual([]);
    expect(validate(JSON.parse(all))).toBe(true);
    expect(Object.keys(schema.properties.rules.properties)).toEqual(ids);
    expect(schema.properties.rules.properties['citation-unknown'].description).toBe(
      'Văn bản được trích dẫn chưa có trong danh mục / Cited document not in the registry — mặc định / default: gợi ý / hint',
    );
  });

  it('refuses what kehoach reports as wrong', () => {
    const wrong: [string, unknown][] = [
      ['an unknown key', { rule: { 'text-nfd': 'off' } }],
      ['an unknown rule id', { rules: { 'no-such-rule': 'off' } }],
      ['a severity that does not exist', { rules: { 'text-nfd': 'fatal' } }],
      ['registry not a list', { registry: 'danh-muc.json' }],
      ['an empty path', { dictionary: [''] }],
      ['a date in no form kehoach reads', { planDate: 'tomorrow' }],
      ['an unknown system', { system: 'province' }],
      ['an unknown tone style', { toneStyle: 'new' }],
      ['not an object', ['rules']],
    ];
    for (const [what, config] of wrong) {
      const text = JSON.stringify(config);
      expect(findings(text).length, what).toBeGreaterThan(0);
      expect(validate(config), what).toBe(false);
    }
  });
});
