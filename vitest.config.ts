import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Forks, not threads: the CLI tests start subprocesses and the file
    // tests create symbolic links and temporary folders.
    pool: 'forks',
    // One worker per core: vitest's default leaves one core idle, and the
    // main process does little while the files run.
    maxWorkers: '100%',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
