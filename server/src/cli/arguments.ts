import { parseArgs } from 'node:util';

/**
 * The command line of every subcommand, read in one place by `node:util`'s
 * `parseArgs` from a description of the command (its options with their
 * help in Vietnamese and English), which also writes its `--help`.
 */

/** Text a person reads, in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the usage (`FILE`, `YYYY-MM-DD`); the choices joined by `|` when there are choices. */
  value?: string;
  /** The values the option accepts, when there is a fixed list. */
  choices?: readonly string[];
  /** An option the command cannot do without (shown outside brackets in the usage). */
  required?: boolean;
  help: Bilingual;
}

export interface CommandSpec {
  name: string;
  /** What the command does, one line. */
  summary: Bilingual;
  /** The operands after the command's name, for the usage line (`FILE…`), and how many it takes. */
  operands: { name: string; min: number; max: number };
  options: Readonly<Record<string, OptionSpec>>;
  /** More to say under the options (paragraphs), when there is. */
  notes?: Bilingual;
}

/** A command line that does not fit its command: exit 2, the message then the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandSpec,
  ) {
    super(message);
  }
}

type Values<S extends CommandSpec> = { [K in keyof S['options']]?: S['options'][K]['type'] extends 'boolean' ? boolean : string };

export type ParsedCommand<S extends CommandSpec> = { help: true } | { help: false; values: Values<S>; operands: string[] };

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: { vi: 'in cách dùng lệnh này', en: 'print how to use this command' } };

/**
 * Reads `args` (what follows the command's name) as `spec` describes them.
 * `--help` or `-h` anywhere before `--` asks for the usage. Throws
 * `UsageError` for an unknown option, a missing or unexpected value, a value
 * outside the choices, or too few or too many operands.
 */
export function parseCommand<S extends CommandSpec>(spec: S, args: string[]): ParsedCommand<S> {
  const options: Record<string, OptionSpec> = { ...spec.options, help: HELP };
  // Not strict: the tokens are checked below, so that every message is in both languages.
  const { tokens } = parseArgs({ args, options: toParseArgsOptions(options), strict: false, allowPositionals: true, tokens: true });
  const fail = (message: string): never => {
    throw new UsageError(message, spec);
  };
  const values: Record<string, string | boolean> = {};
  const operands: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') operands.push(token.value);
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) fail(`Tùy chọn không biết / Unknown option: ${token.rawName}`);
    else if (option === HELP) help = true;
    else if (option.type === 'boolean') {
      if (token.value !== undefined) fail(`${token.rawName} không nhận giá trị / ${token.rawName} takes no value`);
      values[token.name] = true;
    } else {
      // `-o -` is standard output; any other value that looks like an option means the value was forgotten.
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-')) fail(`${token.rawName} cần một giá trị / ${token.rawName} needs a value`);
      else if (value === '') fail(`${token.rawName} cần một giá trị / ${token.rawName} needs a value`);
      else if (option.choices && !option.choices.includes(value)) {
        fail(`${token.rawName} phải là một trong ${option.choices.join(', ')} / ${token.rawName} must be one of ${option.choices.join(', ')}: ${value}`);
      } else if (Object.hasOwn(values, token.name) && values[token.name] !== value) fail(`${token.rawName} được cho hai lần / ${token.rawName} is given twice`);
      else values[token.name] = value;
    }
  }
  if (help) return { help: true };
  for (const [name, o] of Object.entries(spec.options)) if (o.required && values[name] === undefined) fail(`Thiếu --${name} / --${name} is required`);
  const { min, max } = spec.operands;
  if (operands.length < min) fail(min === 1 && max === 1 ? `${spec.name} cần một tệp / ${spec.name} needs a file` : `Chưa có tệp nào / No file given`);
  if (operands.length > max)
    fail(max === 0 ? `${spec.name} không nhận tệp / ${spec.name} takes no file: ${operands[0]}` : `${spec.name} nhận đúng ${max} tệp / ${spec.name} takes exactly ${max} file${max > 1 ? 's' : ''}`);
  return { help: false, values: values as Values<S>, operands };
}

function toParseArgsOptions(options: Record<string, OptionSpec>) {
  return Object.fromEntries(Object.entries(options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]));
}

/** The synopsis of a command: `kehoach render FILE --to html|docx|pdf [--output OUT]`, the options it cannot do without outside brackets. */
export function synopsis(spec: CommandSpec): string {
  const options = Object.entries(spec.options).map(([name, o]) => {
    const text = `--${name}${o.type === 'string' ? ` ${valueName(o)}` : ''}`;
    return o.required ? text : `[${text}]`;
  });
  return ['kehoach', spec.name, spec.operands.name, ...options].filter(Boolean).join(' ');
}

const optionName = (name: string, o: OptionSpec) => (o.short ? `-${o.short}, --${name}` : `--${name}`);
const valueName = (o: OptionSpec) => o.choices?.join('|') ?? o.value ?? 'VALUE';

/** The `--help` of a command: synopsis, what it does, each option in Vietnamese then English, the notes. */
export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => ({
    left: `${optionName(name, o)}${o.type === 'string' ? ` ${valueName(o)}` : ''}`,
    help: o.help,
  }));
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  const lines = [
    `Cách dùng / Usage: ${synopsis(spec)}`,
    '',
    spec.summary.vi,
    spec.summary.en,
    '',
    'Tùy chọn / Options:',
    ...rows.flatMap((r) => [`  ${r.left.padEnd(width)}${r.help.vi}`, `  ${' '.repeat(width)}${r.help.en}`]),
  ];
  if (spec.notes) lines.push('', spec.notes.vi, '', spec.notes.en);
  return lines.join('\n');
}

/** How the commands write: standard output and standard error, one string a call. */
export interface CommandOutput {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A subcommand of `kehoach`: its description, and what runs it (the exit code, or a promise of it; -1 keeps the process alive). */
export interface Subcommand {
  spec: CommandSpec;
  run(args: string[], io: CommandOutput): number | Promise<number>;
}

/** A subcommand from its description and what it does with the options read: `--help` is answered here, usage errors thrown. */
export function subcommand<S extends CommandSpec>(spec: S, run: (values: Values<S>, operands: string[], io: CommandOutput) => number | Promise<number>): Subcommand {
  return {
    spec,
    run(args, io) {
      const parsed = parseCommand(spec, args);
      if (parsed.help) {
        io.out(commandHelp(spec));
        return 0;
      }
      return run(parsed.values, parsed.operands, io);
    },
  };
}

/**
 * A subcommand whose code loads when it is run (`--help` too): the usage reads
 * its spec alone, so that `kehoach check` loads none of the code of an export,
 * an import or a review.
 */
export function lazySubcommand(spec: CommandSpec, load: () => Promise<Subcommand>): Subcommand {
  return { spec, run: async (args, io) => (await load()).run(args, io) };
}
