import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PlanDiagnostic } from '../model';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/** An LSP diagnostic; the rule's doc is linked through `codeDescription`. */
export function toLspDiagnostic(d: PlanDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: `https://github.com/kehoach/kehoach/blob/main/docs/rules.md#${d.code}` },
    source: 'kehoach',
    message: d.message,
  };
}
