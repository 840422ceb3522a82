import type { TextEdit } from 'vscode-languageserver-types';
import { checkPlan } from '../checks';
import { applySafeFixes } from '../checks/apply-fixes';
import { parsePlan } from '../syntax/parse';
import { SourceText } from '../syntax/source-text';

/** The rules whose safe fixes are formatting: numbers that only follow from positions. */
const FORMATTING_RULES = new Set(['heading-numbering', 'item-numbering']);

/**
 * Formats a plan: NFC, no trailing spaces, typed heading and item numbers
 * renumbered to their sequence. Idempotent, and never removes a word: only
 * numbers, spaces at line ends and the Unicode form change. Returns one edit
 * over the whole text, or none when it is already formatted.
 */
export function formatPlan(text: string): TextEdit[] {
  // Line by line: `/[ \t]+(?=\r\n|\r|\n|$)/g` is quadratic on a long run of spaces inside a line.
  let out = text.normalize('NFC').replace(/[^\r\n]+/g, (line) => {
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    return line.slice(0, end);
  });
  for (let pass = 0; pass < 5; pass++) {
    const diagnostics = checkPlan(parsePlan(out)).filter((d) => FORMATTING_RULES.has(d.code));
    const result = applySafeFixes(out, diagnostics);
    if (result.applied === 0) break;
    out = result.text;
  }
  if (out === text) return [];
  const src = new SourceText(text);
  return [{ range: { start: { line: 0, character: 0 }, end: src.positionOfOriginal(text.length) }, newText: out }];
}
