// The reference of the workspace check: markdown-it rendering every .kh file of a folder, as one process.
import MarkdownIt from 'markdown-it';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const md = new MarkdownIt();
let html = 0;
for (const file of readdirSync(process.argv[2]).sort()) {
  if (file.endsWith('.kh')) html += md.render(readFileSync(join(process.argv[2], file), 'utf8')).length;
}
process.stdout.write(`${html}\n`);
