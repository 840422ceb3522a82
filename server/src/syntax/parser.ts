import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import {
  allTokens,
  AppendixLabel,
  BlankLine,
  CommentLine,
  DashItemLine,
  EscapedLine,
  HeaderLabel,
  HeadingLine,
  NumberedItemLine,
  RecipientsLabel,
  SeparatorLine,
  SignatureLabel,
  TableLine,
  TextLine,
} from './lexer';

/**
 * The concrete syntax: the lines of the file grouped into blocks. The parser
 * decides only which lines belong together; `build-model.ts` gives them
 * meaning. Each block keeps its line tokens, so nothing is lost.
 */
export type BlockKind = 'header' | 'heading' | 'paragraph' | 'item' | 'table' | 'recipients' | 'signature' | 'appendix' | 'comment' | 'separator';

export interface LineBlock {
  kind: BlockKind;
  lines: IToken[];
}

const isIndented = (token: IToken): boolean => /^[ \t]/.test(token.image);

/** Whether the parser groups a line read as `b` as it grouped one read as `a`: it decides by a line's type, and a text line's indentation. */
export function groupedAlike(a: IToken, b: IToken): boolean {
  return a.tokenType === b.tokenType && (a.tokenType !== TextLine || isIndented(a) === isIndented(b));
}

export class PlanParser extends EmbeddedActionsParser {
  /** chevrotain's grammar validations take a third of its self-analysis, which every process pays before its first parse: they are skipped, and `tests/parser.test.ts` runs them once. */
  constructor({ validate = false } = {}) {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 2, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** A text line continues a block only when indented; other lines are decided by their type. */
  private continuesIndented = (): boolean => {
    const next = this.LA(1);
    return next.tokenType !== TextLine || isIndented(next);
  };

  document = this.RULE('document', (): LineBlock[] => {
    const blocks: LineBlock[] = [];
    // Leading blank and comment lines stay outside the header.
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(BlankLine) }, { ALT: () => blocks.push({ kind: 'comment', lines: [this.CONSUME(CommentLine)] }) }]);
    });
    this.OPTION(() => blocks.push(this.SUBRULE(this.header)));
    this.MANY2(() => {
      const block = this.SUBRULE(this.block);
      if (block) blocks.push(block);
    });
    return blocks;
  });

  /** Labelled lines, their indented continuations, comments and blanks, up to `---`. */
  header = this.RULE('header', (): LineBlock => {
    const lines: IToken[] = [];
    lines.push(this.CONSUME(HeaderLabel));
    this.MANY({
      GATE: this.continuesIndented,
      DEF: () => {
        this.OR([
          { ALT: () => lines.push(this.CONSUME2(HeaderLabel)) },
          { ALT: () => lines.push(this.CONSUME(CommentLine)) },
          { ALT: () => lines.push(this.CONSUME(BlankLine)) },
          { ALT: () => lines.push(this.CONSUME(TextLine)) },
        ]);
      },
    });
    this.OPTION(() => lines.push(this.CONSUME(SeparatorLine)));
    return { kind: 'header', lines };
  });

  /*
   * The alternatives of the rules run once per block or line are built once:
   * chevrotain takes them as an array of closures, which written inline is
   * allocated again on every call (≈1.4 MB per parse of a 200 kB plan, most of
   * the parser's garbage). Each returns what its rule keeps: the block, or
   * the line's token.
   */
  private readonly blockAlternatives = [
    { ALT: () => (this.CONSUME(BlankLine), undefined) },
    { ALT: (): LineBlock => ({ kind: 'comment', lines: [this.CONSUME(CommentLine)] }) },
    { ALT: (): LineBlock => ({ kind: 'heading', lines: [this.CONSUME(HeadingLine)] }) },
    { ALT: (): LineBlock => ({ kind: 'separator', lines: [this.CONSUME(SeparatorLine)] }) },
    { ALT: (): LineBlock => ({ kind: 'appendix', lines: [this.CONSUME(AppendixLabel)] }) },
    { ALT: () => this.SUBRULE(this.table) },
    { ALT: () => this.SUBRULE(this.item) },
    { ALT: () => this.SUBRULE(this.recipients) },
    { ALT: () => this.SUBRULE(this.signature) },
    { ALT: () => this.SUBRULE(this.paragraph) },
  ];
  private readonly paragraphFirstLine = [
    { ALT: () => this.CONSUME(TextLine) },
    { ALT: () => this.CONSUME(EscapedLine) },
    // A header label after the header is text; the model builder reports it.
    { ALT: () => this.CONSUME(HeaderLabel) },
  ];
  private readonly paragraphNextLine = [{ ALT: () => this.CONSUME2(TextLine) }, { ALT: () => this.CONSUME2(EscapedLine) }];
  private readonly itemFirstLine = [{ ALT: () => this.CONSUME(DashItemLine) }, { ALT: () => this.CONSUME(NumberedItemLine) }];
  private readonly itemNextLine = [{ ALT: () => this.CONSUME(TextLine) }, { ALT: () => this.CONSUME(EscapedLine) }];

  block = this.RULE('block', (): LineBlock | undefined => this.OR<LineBlock | undefined>(this.blockAlternatives));

  paragraph = this.RULE('paragraph', (): LineBlock => {
    const lines = [this.OR(this.paragraphFirstLine)];
    this.MANY(() => lines.push(this.OR2(this.paragraphNextLine)));
    return { kind: 'paragraph', lines };
  });

  item = this.RULE('item', (): LineBlock => {
    const lines = [this.OR(this.itemFirstLine)];
    this.MANY(() => lines.push(this.OR2(this.itemNextLine)));
    return { kind: 'item', lines };
  });

  table = this.RULE('table', (): LineBlock => {
    const lines: IToken[] = [];
    this.AT_LEAST_ONE(() => lines.push(this.CONSUME(TableLine)));
    return { kind: 'table', lines };
  });

  /** `Nơi nhận:` then its dashed lines and their indented continuations. */
  recipients = this.RULE('recipients', (): LineBlock => {
    const lines: IToken[] = [this.CONSUME(RecipientsLabel)];
    // Drafts pasted from Word often leave one blank line under the label.
    this.OPTION(() => {
      this.CONSUME(BlankLine);
    });
    this.MANY({
      GATE: this.continuesIndented,
      DEF: () => {
        this.OR([{ ALT: () => lines.push(this.CONSUME(DashItemLine)) }, { ALT: () => lines.push(this.CONSUME(CommentLine)) }, { ALT: () => lines.push(this.CONSUME(TextLine)) }]);
      },
    });
    return { kind: 'recipients', lines };
  });

  /** `Ký:` then every non-blank line up to a blank line. */
  signature = this.RULE('signature', (): LineBlock => {
    const lines: IToken[] = [this.CONSUME(SignatureLabel)];
    this.MANY(() => {
      this.OR([
        { ALT: () => lines.push(this.CONSUME(TextLine)) },
        { ALT: () => lines.push(this.CONSUME(NumberedItemLine)) },
        { ALT: () => lines.push(this.CONSUME(EscapedLine)) },
        { ALT: () => lines.push(this.CONSUME(CommentLine)) },
      ]);
    });
    return { kind: 'signature', lines };
  });
}

let shared: PlanParser | undefined;

/** One parser instance, reused: chevrotain's self-analysis is the costly part. */
export function parseLines(tokens: IToken[]): { blocks: LineBlock[]; errors: { token: IToken; message: string }[] } {
  shared ??= new PlanParser();
  shared.input = tokens;
  const blocks = shared.document() ?? [];
  const errors = shared.errors.map((e) => ({ token: e.token, message: e.message }));
  return { blocks, errors };
}
