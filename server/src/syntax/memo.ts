import type { LexedText } from './lexer';
import type { LineBlock } from './parser';

/**
 * Results of pure functions of a piece of text (a paragraph's citations, a
 * run's phrase slips), kept from one version of a document to the next so
 * that after an edit only what the edit touched is computed again.
 *
 * Two generations are held: what the version being analysed used, and what
 * the version before used. Starting a version drops everything the last one
 * did not use, so memory follows the size of the document, not its history.
 * A result must depend on its key alone, and callers must not change it;
 * a result may keep state of its own per version, by `version` (the model
 * builder's blocks keep what they handed out at each line).
 */
export class TextMemo {
  /** kind → text → result; one map per kind, so that keys are the texts themselves, never concatenated (long keys cost their length to build and hash). */
  private current = new Map<string, Map<string, unknown>>();
  private previous = new Map<string, Map<string, unknown>>();
  private started = 0;
  /**
   * The line tokens of the last version parsed, which the next version's lexing reuses where the edit left the lines
   * alone (`lexLines`), and their blocks when the parser found no error, which it regroups alike when the lines the edit
   * replaced read alike (`parsePlan`).
   */
  lexed?: LexedText & { blocks?: LineBlock[] };

  /** How many versions have been started: a result that keeps state of its own per version compares it. */
  get version(): number {
    return this.started;
  }

  /** Starts the analysis of a new version of the document. */
  nextVersion(): void {
    this.started++;
    this.previous = this.current;
    this.current = new Map();
  }

  /** The result of the function `kind` on `text`, computed once per two versions. */
  get<T extends object>(kind: string, text: string, compute: () => T): T {
    let current = this.current.get(kind);
    if (!current) this.current.set(kind, (current = new Map()));
    // Results are objects, never undefined: one look-up per generation, as this runs for every paragraph and run.
    let value = current.get(text) as T | undefined;
    if (value === undefined) {
      value = (this.previous.get(kind)?.get(text) as T | undefined) ?? compute();
      current.set(text, value);
    }
    return value;
  }
}

/**
 * `compute()` through the memo when there is one, keyed by `kind` and the
 * text it reads; callers without a memo (the CLI, one-shot checks) compute
 * directly and never build the key.
 */
export function memoized<T extends object>(memo: TextMemo | undefined, kind: string, text: () => string, compute: () => T): T {
  return memo ? memo.get(kind, text(), compute) : compute();
}
