import * as nodeModule from 'node:module';

/**
 * Node 22.1 and later keep the code they compile from our bundles on disk
 * (in the temporary folder, or where NODE_COMPILE_CACHE says), so that the
 * next start skips compiling the few megabytes of the check path. Node 20
 * has no such cache: there the call is skipped. Called by the entry points
 * before they import the rest.
 *
 * On those versions V8 also compiles each regular expression to machine
 * code at once rather than interpreting its first run: the patterns of
 * agencies and citations run over whole paragraphs, and interpreting them
 * cost current Node about 45 ms of a `kehoach check` (Node 20: nothing
 * either way, so it is left alone there). `node:v8` is taken from
 * `process.getBuiltinModule` (Node 22.3 and later), not imported, so that
 * Node 20 does not load it for nothing.
 */
export function speedUpStart(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (!enable) return;
  enable();
  const v8 = (process as { getBuiltinModule?: (id: 'node:v8') => typeof import('node:v8') }).getBuiltinModule?.('node:v8');
  v8?.setFlagsFromString('--no-regexp-tier-up');
}
