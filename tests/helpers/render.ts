/** Shared by the export tests: the examples' layouts and the external tools that read our files. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { layoutPlan, type LayoutDocument, type LayoutParagraph } from '../../server/src/layout';
import { parsePlan } from '../../server/src/syntax/parse';

export const root = join(__dirname, '..', '..');

export const STATE_PLAN = 'ke-hoach-64-KH-UBND-tra-vinh';
export const PARTY_PLAN = 'ke-hoach-184-KH-TU-tinh-uy-lai-chau';

export function exampleLayout(name: string): LayoutDocument {
  return layoutPlan(parsePlan(readFileSync(join(root, 'examples', `${name}.kh`), 'utf8')).document);
}

/** Runs a tool and returns its stdout; a missing tool fails the test (scripts/install-system-deps.sh installs them). */
export function tool(command: string, args: string[], timeoutMs = 60_000): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs });
  expect(r.error, `${command} is not installed or did not finish: run scripts/install-system-deps.sh`).toBeUndefined();
  expect(r.status, `${command} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The paragraphs of a layout, table cells included, in document order. */
export function paragraphs(layout: LayoutDocument): LayoutParagraph[] {
  const out: LayoutParagraph[] = [];
  for (const section of layout.sections)
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') out.push(block);
      else if (block.kind === 'table') for (const row of block.rows) for (const cell of row.cells) for (const b of cell.blocks) if (b.kind === 'paragraph') out.push(b);
    }
  return out;
}

export const textOf = (p: LayoutParagraph): string => p.runs.map((r) => r.text).join('');

/** Text with every run of white space as one space, for text that may wrap. */
export const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
