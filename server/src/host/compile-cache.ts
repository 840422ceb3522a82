import * as nodeModule from 'node:module';

/**
 * Node 22.1 and later keep the code they compile from our bundles on disk
 * (in the temporary folder, or where NODE_COMPILE_CACHE says), so that the
 * next start skips compiling the few megabytes of the check path. Node 20
 * has no such cache: there the call is skipped. Called by the entry points
 * before they import the rest.
 */
export function enableCompileCache(): void {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
}
