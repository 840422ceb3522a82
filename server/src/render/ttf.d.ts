// Font files are bundled as bytes: esbuild's `binary` loader (scripts/build.mjs)
// and the matching plugin in vitest.config.ts turn `import x from 'a.ttf'` into a Uint8Array.
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
