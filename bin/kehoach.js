#!/usr/bin/env node
// Entry point of `npx kehoach`: runs the bundled CLI, building it first on a checkout that has not been built.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'kehoach.mjs');
if (!existsSync(bundle)) await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href);
await import(pathToFileURL(bundle).href);
