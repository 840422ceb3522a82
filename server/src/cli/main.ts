import { run } from './kehoach';

// Writes rather than console.log + process.exit, so long output is never cut off.
const code = run(
  process.argv.slice(2),
  (s) => process.stdout.write(s + '\n'),
  (s) => process.stderr.write(s + '\n'),
);
if (code >= 0) process.exitCode = code;
