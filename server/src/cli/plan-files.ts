import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a file as UTF-8; invalid bytes become U+FFFD and a diagnostic, never an exception. */
export function readPlanFile(path: string): { text: string; encodingProblem: boolean } {
  const bytes = readFileSync(path);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encodingProblem: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), encodingProblem: true };
  }
}

/** Expands folders into the .kh files below them, sorted; files are kept as given. */
export function expandFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.kh')) out.push(full);
    }
  };
  for (const path of paths) {
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else out.push(path);
  }
  return out;
}
