import { RULES } from '../checks';
import { RULE_DOCS } from '../checks/rule-docs.generated';
import type { PlanDiagnostic } from '../model';

const LEVEL: Record<PlanDiagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const RULES_URI = 'https://github.com/kehoach/kehoach/blob/main/docs/rules.md';

/** SARIF 2.1.0 log of a check run: the rule catalogue and one result per diagnostic (columns in UTF-16 units, 1-based). */
export function toSarif(reports: { file: string; diagnostics: PlanDiagnostic[] }[]) {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kehoach',
            informationUri: 'https://github.com/kehoach/kehoach',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: `${r.title.vi} / ${r.title.en}` },
              fullDescription: { text: `${RULE_DOCS[r.id].vi}\n\n${RULE_DOCS[r.id].en}` },
              help: { text: `${RULE_DOCS[r.id].vi}\n\n${RULE_DOCS[r.id].en}` },
              helpUri: `${RULES_URI}#${r.id}`,
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.code,
            ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
