// ESLint (npm run lint, the first step of npm test): the recommended rules of
// ESLint and typescript-eslint on every source, script, test and bench file.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.e2e/', 'node_modules/', 'coverage/', '.vitest-cache/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  // Scripts, benches and tests run on Node.
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      // kehoach finds control characters on purpose (invisible characters in a plan, what a terminal or XML 1.0 must not get): such patterns mean them.
      'no-control-regex': 'off',
      // A field is left out of an object by destructuring it beside the rest (`const { plan, ...document } = found`).
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // The probe is a VS Code extension, which VS Code loads as CommonJS.
    files: ['tests/e2e/probe/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The e2e script passes functions to the page of code-server, which run in the browser.
    files: ['tests/e2e/code-server.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
