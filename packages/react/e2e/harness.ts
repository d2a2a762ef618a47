import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import type { Browser, Page } from 'playwright-core'
import { build, preview } from 'vite'
import { launchChromium } from '../../../test/chromium'
import { sourceResolve } from '../../../vitest.shared.ts'

export interface Harness {
  readonly url: string
  readonly browser: Browser
  close(): Promise<void>
}

/** Builds the router fixture app (workspace packages from source), serves it on a free port of 127.0.0.1 and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  const root = join(import.meta.dirname, 'routers', 'app')
  const outDir = mkdtempSync(join(tmpdir(), 'flowkit-routers-'))
  await build({ ...sourceResolve, root, configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } })
  const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } })
  const { port } = server.httpServer.address() as AddressInfo
  let browser: Browser
  try {
    browser = await launchChromium()
  } catch (error) {
    await server.close()
    throw error
  }
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close()
      await server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}

/** A fresh context (empty storage) whose page records every error and console error, to assert none happened. */
export async function openPage(harness: Harness): Promise<{ page: Page; errors: string[] }> {
  const context = await harness.browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
  })
  return { page, errors }
}
