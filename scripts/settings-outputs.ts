// What the settings (server/src/checks/settings.ts) and the rule catalogue
// give the files around them: the JSON schema of kehoach.json, the editor's
// settings in package.json with their strings, and the tables of
// docs/configuration.md. Pure functions: scripts/generate.ts writes them,
// tests/settings-outputs.test.ts holds the committed files to them.
import type { Bilingual } from '../server/src/model';
import type { Rule } from '../server/src/checks/rule';
import { SETTINGS, SEVERITY_SETTINGS, type SettingDefinition } from '../server/src/checks/settings';

type Json = Record<string, unknown>;
type Language = 'vi' | 'en';

/** Where the schema is published, for the `$schema` of a kehoach.json outside VS Code. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/kehoach/kehoach/main/schemas/kehoach.schema.json';
/** The schema's path in the repository and in the extension. */
export const SCHEMA_PATH = 'schemas/kehoach.schema.json';

/** The forms `readDate` reads (syntax/dates.ts): 15/3/2026, 15-3-2026, 15.3.2026, 2026-03-15, ngày 15 tháng 3 năm 2026. */
const DATE_PATTERN = '^\\s*(\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}|\\d{4}-\\d{2}-\\d{2}|([Nn]gày\\s+)?\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4})\\s*$';

const SEVERITY_VI: Record<Rule['defaultSeverity'], string> = { error: 'lỗi', warning: 'cảnh báo', information: 'thông tin', hint: 'gợi ý' };

/** A table's phrase as a label (capital first letter) or a sentence (and a full stop). */
const capital = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const sentence = (text: string): string => `${capital(text)}.`;

const EDITOR_NOTE: Bilingual = {
  vi: 'Tệp `kehoach.json` gần nhất (ở thư mục của kế hoạch hoặc thư mục cha) được ưu tiên hơn thiết lập này.',
  en: "The nearest `kehoach.json` (in the plan's folder or above) wins over this setting.",
};
const UNSET: Bilingual = { vi: 'Không đặt', en: 'Unset' };

/** A description in both languages, as the schema gives it (one string: editors show no other language). */
const bilingual = (vi: string, en: string): string => `${vi}\n\n${en}`;

/** What a setting says in one language: its phrase as a sentence, and what unset means. */
function describe(setting: SettingDefinition, language: Language, unsetWord: string): string {
  const unset = setting.unset ? ` ${unsetWord}: ${setting.unset[language]}.` : '';
  return `${sentence(setting.description[language])}${unset}`;
}

const SEVERITY_SCHEMA = { type: 'string', enum: [...SEVERITY_SETTINGS] };

/**
 * The JSON Schema of a setting's value. In kehoach.json each rule is a
 * property, described, its severity a reference to `definitions`; the
 * editor's settings, which have no `definitions`, name the rules once.
 */
function valueSchema(setting: SettingDefinition, rules: readonly Rule[], form: 'file' | 'editor'): Json {
  const { value } = setting;
  switch (value.kind) {
    case 'severities':
      if (form === 'editor') return { type: 'object', additionalProperties: SEVERITY_SCHEMA, propertyNames: { enum: rules.map((r) => r.id) } };
      return {
        type: 'object',
        properties: Object.fromEntries(
          rules.map((r) => [r.id, { $ref: '#/definitions/severity', description: `${r.title.vi} / ${r.title.en} — mặc định / default: ${SEVERITY_VI[r.defaultSeverity]} / ${r.defaultSeverity}` }]),
        ),
        additionalProperties: false,
      };
    case 'paths':
      return { type: 'array', items: { type: 'string', minLength: 1 } };
    case 'date':
      return { type: 'string', pattern: DATE_PATTERN };
    case 'choice':
      return { type: 'string', enum: value.choices.map((c) => c.value) };
  }
}

/** The JSON schema of kehoach.json (draft-07, with VS Code's `markdownDescription` and `markdownEnumDescriptions`). */
export function configSchema(rules: readonly Rule[]): Json {
  const properties: Json = {
    $schema: { type: 'string', description: bilingual('Địa chỉ của lược đồ này, cho trình soạn thảo đọc nó.', 'The address of this schema, for editors that read it.') },
  };
  for (const setting of SETTINGS.filter((s) => s.where !== 'editor')) {
    const text = bilingual(describe(setting, 'vi', UNSET.vi), describe(setting, 'en', UNSET.en));
    const schema: Json = { ...valueSchema(setting, rules, 'file'), description: text, markdownDescription: text };
    if (setting.value.kind === 'choice') schema.markdownEnumDescriptions = setting.value.choices.map((c) => `${c.description.vi} / ${c.description.en}`);
    properties[setting.key] = schema;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_URL,
    title: 'kehoach.json',
    description: bilingual(
      'Cấu hình kehoach cho các kế hoạch của thư mục này và các thư mục con (docs/configuration.md). Mọi khóa đều không bắt buộc.',
      'kehoach settings for the plans of this folder and its subfolders (docs/configuration.md). Every key is optional.',
    ),
    type: 'object',
    properties,
    additionalProperties: false,
    definitions: { severity: SEVERITY_SCHEMA },
  };
}

const nlsKey = (setting: SettingDefinition, choice?: string): string => `config.${setting.key}${choice === undefined ? '' : `.${choice || 'auto'}`}`;

/** The editor's settings (`contributes.configuration.properties`), their texts as `%key%` of the string tables. */
export function editorSettings(rules: readonly Rule[]): Json {
  const properties: Json = {};
  for (const setting of SETTINGS.filter((s) => s.where !== 'file')) {
    const { value } = setting;
    const { type, ...rest } = valueSchema(setting, rules, 'editor');
    // Empty is unset: kehoach.json or the plan decides.
    const schema: Json = { type, default: value.kind === 'severities' ? {} : setting.where === 'editor' ? (setting.editorDefault ?? '') : '', ...rest };
    if (value.kind === 'date') schema.pattern = `^$|${DATE_PATTERN}`;
    if (value.kind === 'choice') {
      const choices = setting.where === 'editor' ? value.choices.map((c) => c.value) : ['', ...value.choices.map((c) => c.value)];
      schema.enum = choices;
      schema.markdownEnumDescriptions = choices.map((c) => `%${nlsKey(setting, c)}%`);
    }
    if (setting.editorScope) schema.scope = setting.editorScope;
    schema.markdownDescription = `%${nlsKey(setting)}%`;
    properties[`kehoach.${setting.key}`] = schema;
  }
  return properties;
}

/** The strings of the editor's settings in one language (package.nls.json: en, package.nls.vi.json: vi). */
export function settingStrings(language: Language): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const setting of SETTINGS.filter((s) => s.where !== 'file')) {
    const note = setting.where === 'both' ? ` ${EDITOR_NOTE[language]}` : '';
    strings[nlsKey(setting)] = `${describe(setting, language, language === 'vi' ? 'Để trống' : 'Empty')}${note}`;
    if (setting.value.kind !== 'choice') continue;
    if (setting.unset) strings[nlsKey(setting, '')] = capital(setting.unset[language]);
    for (const choice of setting.value.choices) strings[nlsKey(setting, choice.value)] = capital(choice.description[language]);
  }
  return strings;
}

/** package.json with the settings and the schema's `jsonValidation` in place; every other field kept. */
export function withEditorSettings(manifest: Json, rules: readonly Rule[]): Json {
  const contributes = manifest.contributes as Json;
  const configuration = contributes.configuration as Json;
  return {
    ...manifest,
    contributes: {
      ...contributes,
      configuration: { ...configuration, properties: editorSettings(rules) },
      jsonValidation: [{ fileMatch: 'kehoach.json', url: `./${SCHEMA_PATH}` }],
    },
  };
}

/** A string table with the settings' strings in place of the old ones (at the place of the first), the rest kept in order. */
export function withSettingStrings(table: Record<string, string>, language: Language): Record<string, string> {
  const strings = settingStrings(language);
  const result: Record<string, string> = {};
  let placed = false;
  for (const [key, value] of Object.entries(table)) {
    if (!key.startsWith('config.')) result[key] = value;
    else if (!placed) {
      Object.assign(result, strings);
      placed = true;
    }
  }
  return placed ? result : { ...result, ...strings };
}

const TABLE_START = '<!-- Bảng sinh từ server/src/checks/settings.ts bằng `npm run generate`; đừng sửa tay. Generated: do not edit. -->';
const TABLE_END = '<!-- /generated -->';

/** A Markdown text of the settings for docs/: a path under docs/ as a link beside it. */
const forDocs = (text: string): string => text.replace(/`docs\/([\w.-]+\.md)`/g, '[$1]($1)');

/** The table of docs/configuration.md in one language. */
export function settingsTable(language: Language): string {
  const head = language === 'vi' ? '| khóa | ý nghĩa | thiết lập của VS Code |' : '| key | meaning | VS Code setting |';
  const rows = SETTINGS.filter((s) => s.where !== 'editor').map((s) => {
    const choices = s.value.kind === 'choice' ? `: ${s.value.choices.map((c) => `\`${c.value}\`: ${c.description[language]}`).join('; ')}` : '';
    const unset = s.unset ? `; ${language === 'vi' ? 'không đặt' : 'unset'}: ${s.unset[language]}` : '';
    return `| \`${s.key}\` | ${forDocs(s.description[language])}${choices}${unset} | ${s.where === 'both' ? `\`kehoach.${s.key}\`` : '—'} |`;
  });
  const editorOnly = SETTINGS.filter((s) => s.where === 'editor').map((s) => `\`kehoach.${s.key}\`: ${forDocs(s.description[language])}`);
  const after =
    language === 'vi'
      ? `Thiết lập của VS Code là mặc định; \`kehoach.json\` gần nhất được ưu tiên hơn. Chỉ có trong VS Code: ${editorOnly.join('; ')}.`
      : `The VS Code settings are defaults; the nearest \`kehoach.json\` wins over them. VS Code only: ${editorOnly.join('; ')}.`;
  return [TABLE_START, '', head, '|---|---|---|', ...rows, '', after, '', TABLE_END].join('\n');
}

/** docs/configuration.md with each language's table in place (the first generated block is Vietnamese, the second English). */
export function withSettingsTables(doc: string): string {
  const blocks = doc.split(TABLE_START);
  if (blocks.length !== 3) throw new Error(`docs/configuration.md: expected two generated tables, each starting with ${TABLE_START}`);
  const rest = (block: string) => {
    const end = block.indexOf(TABLE_END);
    if (end < 0) throw new Error(`docs/configuration.md: a generated table without its end ${TABLE_END}`);
    return block.slice(end + TABLE_END.length);
  };
  return `${blocks[0]}${settingsTable('vi')}${rest(blocks[1])}${settingsTable('en')}${rest(blocks[2])}`;
}
