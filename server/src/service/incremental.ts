import { TextMemo } from '../syntax/memo';

/**
 * Incremental analysis: one `TextMemo` per document, so that a new version
 * reuses what the last one found in every paragraph and run of words the edit
 * did not touch (citations, agency names, phrase slips), and computes only
 * the rest. The model and the findings are the same as those of a full parse
 * (`tests/incremental.test.ts`); what is kept lives as long as the document's
 * last two versions.
 */
export function createDocumentMemos() {
  const memos = new Map<string, TextMemo>();
  return {
    /** The memo to parse and check a new version of the document with. */
    nextVersion(uri: string): TextMemo {
      let memo = memos.get(uri);
      if (!memo) memos.set(uri, (memo = new TextMemo()));
      memo.nextVersion();
      return memo;
    },
    forget(uri: string): void {
      memos.delete(uri);
    },
  };
}
