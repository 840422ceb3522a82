/**
 * A command loads only what it runs (ARCHITECTURE.md, "Performance"): the
 * built CLI is run with a hook that records every module it loads, and the
 * sources bundled into those modules (their source maps) are held to what the
 * command needs. `kehoach check` loads no renderer, import reader, DOCX or PDF
 * library, font or language server; `render` loads neither the checks nor the
 * registry's data, `import` not the checks (its readers know the registry's
 * agencies).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
let dir: string;

beforeAll(() => {
  dir = temporaryFolder('command-loads');
});

/** The source files bundled into the modules of `dist/` that `kehoach …args` loaded. */
function sourcesLoaded(...args: string[]): string[] {
  const record = join(dir, `${args[0]}-${Math.random().toString(36).slice(2)}.txt`);
  const run = spawnSync(process.execPath, ['--import', join(root, 'tests', 'helpers', 'record-loads.mjs'), join(root, 'bin', 'kehoach.js'), ...args], {
    cwd: dir,
    env: { ...process.env, KEHOACH_RECORD_LOADS: record },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBeLessThan(2);
  const modules = readFileSync(record, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && url.includes('/dist/'))
    .map((url) => fileURLToPath(url));
  expect(modules.length).toBeGreaterThan(0);
  return modules.flatMap((module) => {
    const map = `${module}.map`;
    return existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources.map((s) => s.replace(/^(\.\.\/)+/, '')) : [];
  });
}

const example = (name: string) => join(root, 'examples', name);
const matching = (sources: string[], pattern: RegExp) => [...new Set(sources.filter((s) => pattern.test(s)))];

/**
 * What no check needs: the renderers and their libraries and fonts, the import readers, the review, the language server,
 * the other commands' code (their specs alone make the usage), the ZIP reader, the rules' documentation (SARIF's).
 */
const NOT_FOR_CHECK =
  /^(server\/src\/(render\/|layout\/|import\/|review\/|lsp\/|docx\/|host\/(export-plan|import-file|review-file)\.ts$|cli\/(render|import|review)-command\.ts$|checks\/rule-docs\.generated\.ts$)|server\/data\/fonts\/|node_modules\/(docx|pdfkit|fontkit|pdf-lib|pdfjs-dist|mammoth|fflate|vscode-languageserver)\/)/;
/** The checks and their word lists. */
const CHECKS = /^(server\/src\/checks\/|server\/data\/(syllable-bigrams|dictionary-vi|phrases|phrase-compounds)\.json$)/;
/** The registry's data. */
const REGISTRY_DATA = /^server\/data\/(central-documents|documents|agencies|provinces)\.json$/;

describe('what a command loads', () => {
  it('kehoach check: no renderer, import reader, DOCX, ZIP or PDF library, font, other command or language server', () => {
    const sources = sourcesLoaded('check', example('ke-hoach-64-KH-UBND-tra-vinh.kh'));
    expect(sources).toContain('server/src/checks/index.ts');
    expect(matching(sources, NOT_FOR_CHECK)).toEqual([]);
  });

  it('kehoach render --to docx: neither the checks nor the registry', () => {
    const sources = sourcesLoaded('render', example('ke-hoach-mau.kh'), '--to', 'docx', '--output', join(dir, 'plan.docx'));
    expect(sources).toContain('server/src/render/docx.ts');
    expect(matching(sources, CHECKS)).toEqual([]);
    expect(matching(sources, REGISTRY_DATA)).toEqual([]);
  });

  it('kehoach import: not the checks', () => {
    const sources = sourcesLoaded('import', example('ke-hoach-mau.kh'), '--output', join(dir, 'imported.kh'));
    expect(sources).toContain('server/src/host/import-file.ts');
    expect(matching(sources, CHECKS)).toEqual([]);
  });
});
