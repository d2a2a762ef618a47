import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'
import { sourceResolve } from '../vitest.shared.ts'

// Every story as a portable story in jsdom (no browser): loaders, render, play function, then axe.
// The same stories run in Chromium under `npm run test:browser` (vitest.browser.config.ts).
export default defineProject({
  ...sourceResolve,
  test: {
    name: 'stories-jsdom',
    // The repository root, so that the globs below reach the packages. (`test.root`: a project loaded by the root config ignores `root`.)
    root: fileURLToPath(new URL('..', import.meta.url)),
    environment: 'jsdom',
    include: ['.storybook/*.test.ts'],
    setupFiles: ['.storybook/vitest.jsdom.setup.ts'],
    testTimeout: 20_000,
  },
})
