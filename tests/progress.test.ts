/** Progress of long commands: on standard error only, quiet for short runs on a terminal, line by line when asked elsewhere. */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProgress } from '../server/src/cli/progress';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();

/** A stream that records what is written, and a clock the test moves. */
function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  let t = 0;
  return { stream: { isTTY, write: (s: string) => written.push(s) }, written, now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the progress line', () => {
  it('on a terminal, stays quiet for the first second, then rewrites one line and clears it', () => {
    const term = fakeTerminal(true);
    const progress = startProgress(term.stream, false, term.now);
    progress.show('1/3');
    term.advance(1500);
    progress.show('2/3');
    progress.show('3/3');
    progress.end();
    expect(term.written).toEqual(['\r\x1b[K2/3', '\r\x1b[K3/3', '\r\x1b[K']);
  });

  it('on a terminal, a command done within a second writes nothing', () => {
    const term = fakeTerminal(true);
    const progress = startProgress(term.stream, false, term.now);
    progress.show('1/1');
    progress.end();
    expect(term.written).toEqual([]);
  });

  it('elsewhere, writes nothing unless asked, and when asked a line at most each second and the last', () => {
    const quiet = fakeTerminal(false);
    const unasked = startProgress(quiet.stream, false, quiet.now);
    unasked.show('1/2');
    unasked.end();
    expect(quiet.written).toEqual([]);

    const log = fakeTerminal(false);
    const progress = startProgress(log.stream, true, log.now);
    progress.show('1/4');
    log.advance(400);
    progress.show('2/4');
    log.advance(700);
    progress.show('3/4');
    progress.show('4/4');
    progress.end();
    expect(log.written).toEqual(['1/4\n', '3/4\n', '4/4\n']);
  });
});

describe('--progress on the command line', () => {
  it('check: progress on standard error, the JSON on standard output untouched', () => {
    const dir = temporaryFolder('progress');
    const plans = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.kh'));
    for (const plan of plans) cpSync(join(root, 'examples', plan), join(dir, plan));
    const r = kehoach(dir, 'check', '.', '--format', 'json', '--progress');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toContain(`kehoach: kiểm tra ${plans.length}/${plans.length} tệp / checking ${plans.length} of ${plans.length} files\n`);
    const plain = kehoach(dir, 'check', '.', '--format', 'json');
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toBe(r.stdout);
  });

  it('render: each step on standard error, the path written on standard output', () => {
    const dir = temporaryFolder('progress-render');
    cpSync(join(root, 'examples', 'ke-hoach-mau.kh'), join(dir, 'plan.kh'));
    const r = kehoach(dir, 'render', 'plan.kh', '--to', 'docx', '--progress');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'plan.docx'));
    expect(r.stderr).toContain('kehoach: ghi tệp / writing the file\n');
  });
});
