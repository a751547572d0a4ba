import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // objects the control loop shares read-only are frozen, so a reconciler that changes one fails
    env: { POCKETKUBE_FREEZE_SHARED: '1' },
  },
});
