import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PlanDiagnostic } from '../model';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/**
 * An LSP diagnostic; the rule's doc is linked through `codeDescription`, the
 * places it refers to (the parent plan's wording) through
 * `relatedInformation`. Their URIs are the workspace documents' own: the
 * service registers each plan under its URI (workspace.ts).
 */
export function toLspDiagnostic(d: PlanDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: `https://github.com/kehoach/kehoach/blob/main/docs/rules.md#${d.code}` },
    source: 'kehoach',
    message: d.message,
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
  };
}
