// Types of rule-docs.mjs, for the generator and the tests written in TypeScript.
export interface RuleDoc {
  vi: string;
  en: string;
}
export const ROOT: string;
export const RULE_DOCS_FOLDER: string;
export const RULE_DOCS_MODULE: string;
export function readRuleDoc(id: string, text: string, folder?: string): RuleDoc;
export function readRuleDocs(folder?: string): Record<string, RuleDoc>;
export function ruleDocsModule(docs: Record<string, RuleDoc>): string;
export function writeRuleDocsModule(): string;
