/** The command line of every subcommand: `--help` (exit 0, options in Vietnamese and English) and usage errors (exit 2, a message in both). */
import { describe, expect, it } from 'vitest';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

const temporaryFolder = temporaryFolders();

/** Each subcommand with one of its options, its help in both languages. */
const COMMANDS = [
  { name: 'check', option: '--fix', vi: 'áp dụng các sửa an toàn', en: 'apply the safe fixes' },
  { name: 'parse', option: '--format json', vi: 'dạng kết quả', en: 'the output format' },
  { name: 'render', option: '--to html|docx|pdf', vi: 'định dạng xuất', en: 'the format to export to' },
  { name: 'import', option: '--output OUT.kh|-', vi: 'tệp đích', en: 'the output file' },
  { name: 'new', option: '--implements', vi: 'văn bản cấp trên, như khi trích dẫn', en: 'the parent as it is cited' },
  { name: 'lsp', option: '--stdio', vi: 'nói chuyện qua stdin/stdout', en: 'speak over stdin/stdout' },
];

describe('kehoach COMMAND --help', { timeout: 120_000 }, () => {
  for (const command of COMMANDS) {
    it(`prints the usage of ${command.name} with its options in Vietnamese and English, exit 0`, () => {
      const dir = temporaryFolder('args');
      for (const flag of ['--help', '-h']) {
        // After an operand too: `kehoach render plan.kh --help` still only prints the usage.
        const r = kehoach(dir, command.name, 'plan.kh', flag);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain(`Cách dùng / Usage: kehoach ${command.name}`);
        expect(r.stdout).toContain('Tùy chọn / Options:');
        expect(r.stdout).toContain(command.option);
        expect(r.stdout).toContain(command.vi);
        expect(r.stdout).toContain(command.en);
        expect(r.stdout).toContain('-h, --help');
      }
      expect(kehoach(dir, 'help', command.name).stdout).toContain(command.en);
    });
  }
});

describe('usage errors', { timeout: 120_000 }, () => {
  it('refuses an unknown option of every subcommand with exit 2, a message in both languages and the command’s usage, and runs nothing', () => {
    const dir = temporaryFolder('args');
    for (const { name } of COMMANDS) {
      const r = kehoach(dir, name, '--frobnicate');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Tùy chọn không biết / Unknown option: --frobnicate');
      expect(r.stderr).toContain(`Cách dùng / Usage: kehoach ${name}`);
    }
  });

  it('says which value is missing, unexpected or not among the choices', () => {
    const dir = temporaryFolder('args');
    expect(kehoach(dir, 'render', 'plan.kh', '--to').stderr).toContain('--to cần một giá trị / --to needs a value');
    expect(kehoach(dir, 'render', 'plan.kh', '--to', 'odt').stderr).toContain('--to phải là một trong html, docx, pdf / --to must be one of html, docx, pdf: odt');
    expect(kehoach(dir, 'import', 'plan.txt', '-o', '--force').stderr).toContain('-o cần một giá trị / -o needs a value');
    expect(kehoach(dir, 'check', 'plan.kh', '--fix=yes').stderr).toContain('--fix không nhận giá trị / --fix takes no value');
    expect(kehoach(dir, 'new', '--issuer', 'Sở Y tế').stderr).toContain('Thiếu --implements / --implements is required');
    expect(kehoach(dir, 'lsp').stderr).toContain('Thiếu --stdio / --stdio is required');
    expect(kehoach(dir, 'parse', 'a.kh', 'b.kh').stderr).toContain('parse nhận đúng 1 tệp / parse takes exactly 1 file');
    for (const args of [
      ['render', 'plan.kh', '--to'],
      ['check', 'plan.kh', '--fix=yes'],
      ['parse', 'a.kh', 'b.kh'],
    ])
      expect(kehoach(dir, ...args).code).toBe(2);
  });
});
