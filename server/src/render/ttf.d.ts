// Font files and the colour profile are bundled as bytes: esbuild's `binary` loader (scripts/build.mjs)
// and the matching plugin in vitest.config.ts turn `import x from 'a.ttf'` into a Uint8Array.
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}

declare module '*.icc' {
  const bytes: Uint8Array;
  export default bytes;
}
