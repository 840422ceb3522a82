import { RULES } from './index';
import { RULE_DOCS } from './rule-docs.generated';

const SEVERITY_VI = { error: 'lỗi', warning: 'cảnh báo', information: 'thông tin', hint: 'gợi ý' } as const;

/** docs/rules.md, generated from the rules' own metadata (a test keeps the file in step). */
export function renderRulesDoc(): string {
  const lines = [
    '# Quy tắc kiểm tra / Rules',
    '',
    '<!-- Tệp sinh tự động từ docs/rules/*.md và server/src/checks/rules/*.ts bằng `npm run generate`; đừng sửa tay. Generated: do not edit. -->',
    '',
    '| id | tên / title | mức mặc định / default severity |',
    '|---|---|---|',
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.title.vi} / ${r.title.en} | ${SEVERITY_VI[r.defaultSeverity]} / ${r.defaultSeverity} |`),
    '',
  ];
  for (const r of RULES) {
    lines.push(`## ${r.id}`, '', `**${r.title.vi}** / *${r.title.en}* — ${SEVERITY_VI[r.defaultSeverity]} / ${r.defaultSeverity}`, '', RULE_DOCS[r.id].vi, '', RULE_DOCS[r.id].en, '');
    if (r.basis) lines.push(`**Căn cứ của phát hiện / What a finding rests on**: ${r.basis.vi} / ${r.basis.en}`, '');
  }
  return lines.join('\n');
}
