import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The corpus of real plans (tests/corpus/README.md): its files are not in the repository, so its check runs on its own.
export default defineConfig({ ...base, test: { ...base.test, include: ['tests/corpus/*.check.ts'] } });
