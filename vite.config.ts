import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { stageboardDevServer } from './server/vite-plugin.ts';

export default defineConfig({
  plugins: [sveltekit(), stageboardDevServer()],
  test: {
    // Playwright specs live in tests/e2e and must never be collected by vitest.
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
});
