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
import { readmeRecipes } from './readmeRecipes.ts'

const root = join(import.meta.dirname, 'app')
let server: PreviewServer
let browser: Browser
let url = ''
let outDir = ''

before(async () => {
  const executablePath = chromiumPath() // before the build: no Chromium fails at once, saying what to install
  outDir = mkdtempSync(join(tmpdir(), 'flowkit-forms-'))
  const plugins = [react(), readmeRecipes()]
  await build({ ...sourceResolve, root, configFile: false, logLevel: 'warn', plugins, build: { outDir, emptyOutDir: true } })
  server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } })
  url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`
  browser = await launchChromium(executablePath)
})

after(async () => {
  await browser?.close()
  await server?.close()
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

/** A page in a fresh context (empty storage) that records every page error, and every `<h1>` ever shown. */
const open = async (query: string): Promise<{ page: Page; errors: string[] }> => {
  const page = await (await browser.newContext()).newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  // From the mutation records, so a heading inserted and removed within one task is still seen.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { headings: string[] }).headings = seen
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue
          for (const h1 of node.matches('h1') ? [node] : node.querySelectorAll('h1')) seen.push(h1.textContent ?? '')
        }
      }
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto(`${url}?${query}`)
  return { page, errors }
}

const heading = (page: Page) => page.locator('h1')
const email = (page: Page) => page.getByLabel('Email address')
const headingsSeen = (page: Page) => page.evaluate(() => (window as unknown as { headings: string[] }).headings)

for (const library of ['react-hook-form', 'tanstack-form']) {
  describe(`the README's ${library} recipe in Chromium`, () => {
    for (const strict of ['1', '0']) {
      test(`shows the draft typed on the first step again after a reload (${strict === '1' ? 'in' : 'without'} StrictMode)`, async () => {
        const { page, errors } = await open(`form=${library}&strict=${strict}`)
        await email(page).fill('ada@exa')
        await page.reload()
        assert.equal(await email(page).inputValue(), 'ada@exa')
        assert.deepEqual(errors, [])
      })
    }

    test('continues after a reload with the restored value, and selects the default radio next', async () => {
      const { page, errors } = await open(`form=${library}`)
      await email(page).fill('ada@example.com')
      await page.reload()
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByRole('heading', { name: 'Plan' }).waitFor()
      assert.equal(await page.getByLabel('Solo').isChecked(), true, 'the default radio is selected')
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByText('Email: ada@example.com').waitFor()
      assert.deepEqual(errors, [])
    })

    test("shows the schema's own message, once, when an untouched form is submitted", async () => {
      const { page } = await open(`form=${library}`)
      await page.getByRole('button', { name: 'Continue' }).click()
      const message = page.getByText('Enter an email address like ada@example.com')
      await message.waitFor()
      assert.equal(await message.count(), 1)
      assert.equal(await email(page).getAttribute('aria-invalid'), 'true')
      assert.equal(await heading(page).textContent(), 'Your email')
    })

    test('a reload on a later step shows the fallback, never the first step', async () => {
      const { page } = await open(`form=${library}&fallback`)
      await email(page).fill('ada@example.com')
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByRole('heading', { name: 'Plan' }).waitFor()
      await page.reload()
      await page.getByRole('heading', { name: 'Plan' }).waitFor()
      assert.deepEqual(await headingsSeen(page), ['Plan'])
      // Back shows the restored answer, in the form library's own input.
      await page.getByRole('button', { name: 'Back' }).click()
      await page.getByRole('heading', { name: 'Your email' }).waitFor()
      assert.equal(await email(page).inputValue(), 'ada@example.com')
    })
  })
}

describe('focus in Chromium', () => {
  test("moves to the first step's heading when the wizard opens from a landing page", async () => {
    const { page } = await open('landing')
    await page.getByRole('button', { name: 'Start' }).click()
    await page.getByRole('heading', { name: 'Your email' }).waitFor()
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Your email')
  })

  test('stays where the browser put it on a fresh page load', async () => {
    const { page } = await open('form=react-hook-form')
    await page.getByRole('heading', { name: 'Your email' }).waitFor()
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY')
  })

  test('moves to the new heading on a step change', async () => {
    const { page } = await open('form=react-hook-form')
    await email(page).fill('ada@example.com')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'Plan' }).waitFor()
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Plan')
  })
})
