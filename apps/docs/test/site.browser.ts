/**
 * Opens every page of the built site (apps/docs/doc_build) in Chromium: no console errors, axe-core finds
 * no violations, every internal link names a built page, the search finds "skip", and a live example
 * works after hydration. Run by `npm run test:browser -w @flowkit/docs`, which builds the site first.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './browser/chromium.ts'
import { fileFor, serveStatic } from './browser/serveStatic.ts'

const built = join(import.meta.dirname, '../doc_build')
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Every page of the built site as a clean URL path, from the HTML files the build wrote. */
const sitePages = (): string[] =>
  readdirSync(built, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && f !== '404.html')
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`)
    .sort()

let browser: Browser
let site: Awaited<ReturnType<typeof serveStatic>>

before(async () => {
  assert.ok(existsSync(join(built, 'index.html')), 'apps/docs/doc_build is missing: run `npm run build -w @flowkit/docs` first')
  site = await serveStatic(built)
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  await site?.close()
})

/** Opens a page, collecting console errors and uncaught exceptions from the first byte on. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' })
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`)
  return { page, errors }
}

type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] }

describe('every page of the built site', () => {
  const pages = sitePages()

  test('the build has every section', () => {
    for (const section of ['/getting-started/', '/concepts/', '/guides/', '/migrating/', '/reference/api/']) {
      assert.ok(pages.filter((p) => p.startsWith(section)).length >= 3, `fewer than 3 pages under ${section}: ${pages.join(', ')}`)
    }
    assert.ok(pages.includes('/reference/errors') && pages.includes('/reference/flow-file'))
  })

  for (const path of pages) {
    test(`${path}: no console errors, no axe violations, no broken internal links`, async () => {
      const { page, errors } = await open(path)
      try {
        // The theme names the sidebar and outline landmarks once the page has hydrated (src/theme): a large
        // page can reach network idle before that, so wait for it as a reader's screen reader would see it.
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('aside.rp-doc-layout__sidebar, aside.rp-doc-layout__outline')].every((a) =>
              a.hasAttribute('aria-label'),
            ),
          undefined,
          { timeout: 20_000 },
        )
        await page.addScriptTag({ content: axeSource })
        const { violations } = (await page.evaluate(() =>
          (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
        )) as AxeResult
        const links = await page.$$eval('a[href^="/"]', (anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
        const broken = [...new Set(links)].filter((href) => !fileFor(built, new URL(href, 'http://x').pathname))
        assert.deepEqual(errors, [], `${path}: console errors`)
        assert.deepEqual(
          violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
          [],
          `${path}: axe violations`,
        )
        assert.deepEqual(broken, [], `${path}: links to pages that were not built`)
      } finally {
        await page.close()
      }
    })
  }
})

describe('the site works, not only renders', () => {
  test('search finds "skip" and leads to the skipping page', async () => {
    const { page, errors } = await open('/')
    try {
      await page.locator('.rp-search-button').first().click()
      const input = page.locator('.rp-search-panel__input')
      await input.fill('skip')
      const result = page.locator('.rp-suggest-item', { hasText: 'Skipping' }).first()
      await result.waitFor({ timeout: 10_000 })
      await result.click()
      await page.waitForURL(/\/concepts\/skipping/)
      assert.deepEqual(errors, [])
    } finally {
      await page.close()
    }
  })

  test('a live example runs the real engine after hydration: digital goods skip shipping', async () => {
    const { page, errors } = await open('/concepts/skipping')
    try {
      const example = page.getByRole('region', { name: 'Live example: shipping skipped for digital goods' })
      await example.getByLabel('Digital goods only (e-books)').check()
      await example.getByRole('button', { name: 'Continue' }).click()
      await example.getByRole('heading', { name: 'Payment' }).waitFor()
      assert.match((await example.locator('pre').textContent()) ?? '', /"shipping"/)
      assert.deepEqual(errors, [])
    } finally {
      await page.close()
    }
  })
})
