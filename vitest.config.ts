/**
 * Tests by tier, selected by file name:
 * - unit: `*.test.ts` — pure, no I/O (core, contracts, small server helpers)
 * - integration: `*.integration.test.ts` — the app through `app.inject` on a real database:
 *   PGlite by default, the PostgreSQL server when DATABASE_URL is set (scripts/test.sh runs both)
 * - e2e: `e2e/**\/*.e2e.test.ts` — Chromium drives the built web app on a running server
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/**/*.test.ts', 'apps/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.integration.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['apps/**/*.integration.test.ts', 'packages/**/*.integration.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
