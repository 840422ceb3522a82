import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlanService } from '../server/src/service/plan-service';
import { SEMANTIC_TOKEN_TYPES } from '../server/src/service/semantic-tokens';

/**
 * The semantic tokens of each example, decoded from LSP's relative encoding
 * into `line:column type "text"` (1-based, as an editor shows them) and
 * compared with tests/golden/semantic-tokens/ (update with `-u`, then read
 * the diff: each token must cover exactly a label, citation, agency,
 * heading or date).
 */
const root = join(__dirname, '..');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.kh'));
const service = createPlanService({ today: () => '2026-03-15' });

function decode(text: string, data: number[]): string {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let i = 0, line = 0, start = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    out.push(`${line + 1}:${start + 1} ${SEMANTIC_TOKEN_TYPES[data[i + 3]]} ${JSON.stringify(lines[line].slice(start, start + data[i + 2]))}`);
  }
  return `${out.join('\n')}\n`;
}

describe('semantic tokens of the examples', () => {
  it.each(examples)('%s', async (file) => {
    const text = readFileSync(join(root, 'examples', file), 'utf8');
    const { data } = service.getSemanticTokens({ uri: `file:///${file}`, version: 1, getText: () => text });
    await expect(decode(text, data)).toMatchFileSnapshot(join(root, 'tests', 'golden', 'semantic-tokens', file.replace(/\.kh$/, '.tokens.txt')));
  });
});
