import { defineProject } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

// The docs' own checks in `npm test`: every code block compiles, runnable blocks run, live examples
// behave as their pages say, and the generated reference covers every export and error code.
export default defineProject({
  ...sourceResolve,
  test: {
    name: 'docs-site',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 30_000,
  },
})
