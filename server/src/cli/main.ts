import { speedUpStart } from '../host/node-start';
import { VERSION } from './version';

const argv = process.argv.slice(2);
const out = (s: string) => process.stdout.write(s + '\n');
const err = (s: string) => process.stderr.write(s + '\n');

// `--version` answers before the commands load: a hook or a script asking for it pays only for Node.
if (argv.length === 1 && argv[0] === '--version') out(VERSION);
else {
  speedUpStart();
  // Writes rather than console.log + process.exit, so long output is never cut off.
  // `render` answers with a promise (DOCX and PDF are built asynchronously).
  // An export or an import loads neither the checks nor the registry (export-commands.ts).
  const { run } = argv[0] === 'render' || argv[0] === 'import' ? await import('./export-commands') : await import('./kehoach');
  const code = await run(argv, out, err);
  if (code >= 0) process.exitCode = code;
}
