import { defineProject } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

/** `npm run test:faults`: real server processes and a throw-away PostgreSQL, stopped, restarted and killed. */
export default defineProject({
  ...sourceResolve,
  test: {
    name: 'server-faults',
    root: import.meta.dirname,
    environment: 'node',
    include: ['faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
