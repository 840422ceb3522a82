// Preloaded with `node --import` by tests/command-loads.test.ts: appends the URL of every module the
// process loads to the file KEHOACH_RECORD_LOADS names, one a line.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(${JSON.stringify(process.env.KEHOACH_RECORD_LOADS)}, url + '\\n');
      return next(url, context);
    }`)}`,
);
