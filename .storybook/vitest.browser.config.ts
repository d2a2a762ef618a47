import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumArgs, chromiumPath } from '../test/chromium'

const configDir = fileURLToPath(new URL('.', import.meta.url))

// Every story in real Chromium (Debian's, never a downloaded one) through @storybook/addon-vitest:
// play functions, then the a11y addon's axe check, which fails the run on a violation (`a11y.test: 'error'`).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [storybookTest({ configDir })],
  test: {
    name: 'stories-browser',
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: chromiumPath(),
          args: [...chromiumArgs],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
})
