import { run } from './kehoach';

// Writes rather than console.log + process.exit, so long output is never cut off.
// `render` answers with a promise (DOCX and PDF are built asynchronously).
void Promise.resolve(
  run(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  ),
).then((code) => {
  if (code >= 0) process.exitCode = code;
});
