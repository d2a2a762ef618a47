import { defineConfig } from 'vitest/config'
import { sourceResolve } from './vitest.shared.ts'

// Each package owns its Vitest project (`packages/*/vitest.config.ts`); `npm test` runs every one
// that needs no browser. Browser suites run under `npm run test:browser`.
export default defineConfig({
  ...sourceResolve,
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      '.storybook/vitest.jsdom.config.{ts,mts}',
      {
        ...sourceResolve,
        test: { name: 'docs', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
})
