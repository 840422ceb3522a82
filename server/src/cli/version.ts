declare const __KEHOACH_VERSION__: string;

/** kehoach's version, written into the bundle by scripts/build.mjs ('dev' when run from the sources). */
export const VERSION = typeof __KEHOACH_VERSION__ === 'string' ? __KEHOACH_VERSION__ : 'dev';
