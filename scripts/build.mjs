// Bundles the CLI, the language server and the VS Code client with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What every bundle shares: CommonJS for Node 20, beside its source map. */
const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // The PDF renderer's fonts and colour profile travel inside the bundle as bytes (server/src/render/fonts.ts, pdf.ts).
  loader: { '.ttf': 'binary', '.icc': 'binary' },
  // pdfkit's ES build locates its data files through `import.meta.url`, which a CommonJS bundle lacks: take its CommonJS build.
  // fontkit's CommonJS build too, the one pdfkit requires: the HTML export's subsetter (render/font-subset.ts) then shares it rather than bundling its ES build beside it.
  alias: { pdfkit: './node_modules/pdfkit/js/pdfkit.js', fontkit: './node_modules/fontkit/dist/main.cjs' },
};

await build({
  ...common,
  entryPoints: { 'cli/kehoach': 'server/src/cli/main.ts', 'lsp/server': 'server/src/lsp/main.ts' },
  define: { __KEHOACH_VERSION__: JSON.stringify(version) },
});

// The VS Code client: `vscode` is provided by the editor at run time.
await build({ ...common, entryPoints: { 'client/extension': 'client/src/extension.ts' }, external: ['vscode'] });
