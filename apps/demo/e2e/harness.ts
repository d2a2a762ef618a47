import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createServer, type PreviewServer, preview, type ViteDevServer } from 'vite'
import { chromiumPath, launchChromium } from '../../../test/chromium'
import { type FlowkitServer, startFlowkitServer } from '../scripts/flowkitServer'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
export const screenshotDir = join(here, 'screenshots')

export { chromiumPath, launchChromium } from '../../../test/chromium'

/** The Flowkit server behind the demo's `/api/flowkit` proxy, which a test may stop and start again (same port, same database). */
export interface FlowkitControl {
  readonly url: string
  stop(): Promise<void>
  start(): Promise<void>
}

export interface Harness {
  readonly url: string
  readonly browser: Browser
  readonly flowkit: FlowkitControl
  /** The Flowkit server's SQLite file (temporary): where a test can seed journeys (`scripts/simulate.ts`). */
  readonly sqliteFile: string
  close(): Promise<void>
}

/** `build`: the built demo (`dist`) on Vite's preview server. `dev`: Vite's dev server, as `npm run demo` serves it (development React, StrictMode). */
export type DemoMode = 'build' | 'dev'

/** Vite's dev server for the demo on a free port, as `npm run demo` runs it, proxying `/api/flowkit` to `origin`. */
const startDevServer = async (origin: string, cacheDir: string): Promise<ViteDevServer> => {
  const server = await createServer({
    root,
    cacheDir,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, proxy: { '/api/flowkit': { target: origin } } },
  })
  await server.listen()
  return server
}

/**
 * Serves the demo on a free port (`build`: `dist` with Vite's preview server; `dev`: Vite's dev server), proxying
 * `/api/flowkit` to a Flowkit server (`@flowkit/server` with the demo's definitions, SQLite in a temporary file),
 * and launches Chromium.
 */
export async function startHarness({ mode = 'build' }: { mode?: DemoMode } = {}): Promise<Harness> {
  if (mode === 'build' && !existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('apps/demo/dist is missing: build the demo first (`npm run build -w @flowkit/demo`), or run `npm run test:browser`.')
  }
  const executablePath = chromiumPath()
  mkdirSync(screenshotDir, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'flowkit-demo-e2e-'))
  const sqliteFile = join(dataDir, 'flowkit.db')
  let flowkit: FlowkitServer | null = await startFlowkitServer({ port: 0, sqliteFile, quiet: true })
  const origin = flowkit.origin
  const control: FlowkitControl = {
    url: flowkit.url,
    async stop() {
      await flowkit?.stop()
      flowkit = null
    },
    async start() {
      flowkit ??= await startFlowkitServer({ port: Number(new URL(origin).port), sqliteFile, quiet: true })
    },
  }
  const stopFlowkit = async () => {
    await control.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  let server: PreviewServer | ViteDevServer
  try {
    server =
      mode === 'dev'
        ? await startDevServer(origin, join(dataDir, 'vite-cache'))
        : await preview({
            root,
            configFile: false,
            // 'silent': while a test has the Flowkit server down, the proxy would log every refused connection.
            logLevel: 'silent',
            preview: { host: '127.0.0.1', port: 0, strictPort: false, proxy: { '/api/flowkit': { target: origin } } },
          })
  } catch (error) {
    await stopFlowkit()
    throw error
  }
  const address = server.httpServer?.address() as AddressInfo
  const url = `http://127.0.0.1:${address.port}`
  let browser: Browser
  try {
    browser = await launchChromium(executablePath)
  } catch (error) {
    await server.close()
    await stopFlowkit()
    throw error
  }
  return {
    url,
    browser,
    flowkit: control,
    sqliteFile,
    async close() {
      await browser.close()
      await server.close()
      await stopFlowkit()
    },
  }
}

/** A fresh browser context (empty local storage), failing the test on any page error. */
export async function openPage(harness: Harness, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const context: BrowserContext = await harness.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { page, context, errors }
}

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** Runs axe-core on the page as it is now (WCAG 2.1 A/AA and best practices); returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    })
    return result.violations
  })
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}\n  ${v.nodes[0]?.failureSummary ?? ''}`,
  )
}

let shot = 0
/** Saves a full-page screenshot to e2e/screenshots (gitignored), numbered in the order taken. */
export async function screenshot(page: Page, name: string): Promise<void> {
  shot += 1
  // Full-page shots of a scrolled page draw the sticky header mid-page; shoot from the top.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(screenshotDir, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true })
}
