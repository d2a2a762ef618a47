import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import react from '@vitejs/plugin-react'
import type { Browser, Page } from 'playwright-core'
import { build, type PreviewServer, preview } from 'vite'
import { chromiumPath, launchChromium } from '../../../../test/chromium'
import { sourceResolve } from '../../../../vitest.shared.ts'

const root = join(import.meta.dirname, 'app')
let server: PreviewServer
let browser: Browser
let url = ''
let outDir = ''

before(async () => {
  const executablePath = chromiumPath() // before the build: no Chromium fails at once, saying what to install
  outDir = mkdtempSync(join(tmpdir(), 'flowkit-arrival-'))
  await build({ ...sourceResolve, root, configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } })
  server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } })
  url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`
  browser = await launchChromium(executablePath)
})

after(async () => {
  await browser?.close()
  await server?.close()
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

/** A page in a fresh context that records page errors and every form submitted (by its step heading). */
const open = async (query: string, reducedMotion: 'reduce' | 'no-preference'): Promise<{ page: Page; errors: string[] }> => {
  const page = await (await browser.newContext({ reducedMotion })).newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.addInitScript(() => {
    const submitted: string[] = []
    ;(window as unknown as { submitted: string[] }).submitted = submitted
    document.addEventListener('submit', (event) => submitted.push((event.target as Element).querySelector('h1')?.textContent ?? ''), true)
  })
  await page.goto(`${url}?${query}`)
  return { page, errors }
}

const focused = (page: Page) =>
  page.evaluate(() => (document.activeElement === document.body ? '<body>' : document.activeElement?.textContent))
const submitted = (page: Page) => page.evaluate(() => (window as unknown as { submitted: string[] }).submitted)

for (const motion of ['no-preference', 'reduce'] as const) {
  const how = motion === 'reduce' ? 'without animation (reduced motion)' : 'with a view transition'
  describe(`a double click on Continue in Chromium, ${how}`, () => {
    for (const strict of ['1', '0']) {
      const mode = strict === '1' ? 'in StrictMode' : 'without StrictMode'
      test(`submits one step and leaves focus on the next step's heading, not on <body> (${mode})`, async () => {
        const { page, errors } = await open(`strict=${strict}`, motion)
        await page.getByLabel('Full name').fill('Ada Lovelace')
        await page.getByRole('button', { name: 'Continue' }).dblclick()
        await page.getByRole('heading', { level: 1, name: 'Where should we send it?' }).waitFor()
        await page.waitForTimeout(600) // past the double-click time and any transition
        assert.equal(await focused(page), 'Where should we send it?')
        assert.deepEqual(await submitted(page), ['Who should we send it to?'])
        assert.equal(await page.getByRole('alert').count(), 0)
        assert.deepEqual(errors, [])
      })
    }

    test('a separate click after the double click works as usual (the street is required: the summary takes focus)', async () => {
      const { page, errors } = await open('strict=1', motion)
      await page.getByLabel('Full name').fill('Ada Lovelace')
      await page.getByRole('button', { name: 'Continue' }).dblclick()
      await page.waitForTimeout(600)
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByRole('alert').waitFor()
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert')
      assert.deepEqual(errors, [])
    })
  })
}
