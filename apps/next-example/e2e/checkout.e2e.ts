import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../../test/chromium'
import { type NextServer, startNext } from './nextServer'
import { openPage as open } from './openPage'

let next: NextServer
let browser: Browser
const openPage = () => open(browser)
before(async () => {
  next = await startNext()
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  await next?.stop()
})

async function expectStep(page: Page, title: string, step: string): Promise<void> {
  await page.locator('main h2').filter({ hasText: title }).waitFor({ timeout: 5000 })
  await page.waitForURL((url) => url.searchParams.get('step') === step, { timeout: 5000 })
}

const submit = (page: Page) => page.getByRole('button', { name: 'Continue' }).click()
const historyLength = (page: Page) => page.evaluate(() => window.history.length)

async function walkToReview(page: Page): Promise<void> {
  await expectStep(page, 'Your email', 'email')
  await page.getByLabel('Email address').fill('ada@example.com')
  await submit(page)
  await expectStep(page, 'Delivery', 'delivery')
  await page.getByLabel('By post').check()
  await submit(page)
  await expectStep(page, 'Address', 'address')
  await page.getByLabel('Address').fill('1 Analytical Row')
  await submit(page)
  await expectStep(page, 'Check your answers', 'review')
}

describe('the Next.js example (next build, next start) in Chromium', () => {
  test('renders the Server Component page and the wait for stored answers on the server, with no hydration warning', async () => {
    // React separates adjacent text nodes with empty comments in server HTML.
    const html = (await (await fetch(next.url)).text()).replaceAll('<!-- -->', '')
    for (const part of [
      '<h1>Checkout</h1>',
      'You will be asked for: Your email, Delivery, Address, Check your answers.',
      'Loading your answers…',
    ]) {
      assert.ok(html.includes(part), `the server HTML lacks ${part}`)
    }
    assert.ok(!html.includes('Email address'), 'the server rendered step 1 instead of waiting for stored answers')
    const { page, problems } = await openPage()
    await page.goto(next.url)
    await expectStep(page, 'Your email', 'email')
    assert.deepEqual(problems, [])
  })

  test('gives each step a URL; back, forward and reload move through the flow without adding entries', async () => {
    const { page, problems } = await openPage()
    await page.goto(next.url)
    await walkToReview(page)
    const length = await historyLength(page)
    await page.goBack({ waitUntil: 'commit' })
    await expectStep(page, 'Address', 'address')
    await page.goBack({ waitUntil: 'commit' })
    await expectStep(page, 'Delivery', 'delivery')
    await page.goForward({ waitUntil: 'commit' })
    await expectStep(page, 'Address', 'address')
    await page.reload()
    await expectStep(page, 'Address', 'address')
    assert.equal(await page.getByLabel('Address').inputValue(), '1 Analytical Row')
    // After the reload the flow's own Back still steps back through the browser's entries.
    await page.getByRole('button', { name: 'Back' }).click()
    await expectStep(page, 'Delivery', 'delivery')
    await page.goBack({ waitUntil: 'commit' })
    await expectStep(page, 'Your email', 'email')
    await page.goForward({ waitUntil: 'commit' })
    await expectStep(page, 'Delivery', 'delivery')
    assert.equal(await historyLength(page), length)
    assert.deepEqual(problems, [])
  })

  test('never shows step 1 on a reload with stored answers', async () => {
    const { page, problems, headings } = await openPage()
    await page.goto(next.url)
    await expectStep(page, 'Your email', 'email')
    await page.getByLabel('Email address').fill('ada@example.com')
    await submit(page)
    await expectStep(page, 'Delivery', 'delivery')
    for (let reload = 0; reload < 5; reload++) {
      await page.reload()
      await expectStep(page, 'Delivery', 'delivery')
      assert.deepEqual(await headings(), ['Delivery'], `reload ${reload + 1} showed other steps first`)
    }
    assert.deepEqual(problems, [])
  })

  test("follows Next's own links to a step, and the back button returns", async () => {
    const { page, problems } = await openPage()
    await page.goto(next.url)
    await walkToReview(page)
    await page.getByRole('link', { name: 'Change your email' }).click()
    await expectStep(page, 'Your email', 'email')
    assert.equal(await page.getByLabel('Email address').inputValue(), 'ada@example.com')
    await page.goBack({ waitUntil: 'commit' })
    await expectStep(page, 'Check your answers', 'review')
    assert.deepEqual(problems, [])
  })

  test('lands a deep link to a step not yet reachable on the furthest reachable step', async () => {
    const { page, problems } = await openPage()
    await page.goto(`${next.url}/?step=review`)
    await expectStep(page, 'Your email', 'email')
    await page.getByLabel('Email address').fill('ada@example.com')
    await submit(page)
    await expectStep(page, 'Delivery', 'delivery')
    await page.goto(`${next.url}/?step=review`)
    await expectStep(page, 'Delivery', 'delivery')
    assert.deepEqual(problems, [])
  })

  test('keeps a finished flow finished: back and reload do not reopen it', async () => {
    const { page, problems } = await openPage()
    await page.goto(next.url)
    await walkToReview(page)
    await submit(page)
    await page.getByRole('status').filter({ hasText: 'Order placed' }).waitFor()
    await page.goBack({ waitUntil: 'commit' })
    await page.waitForTimeout(300)
    assert.equal(await page.getByText('Order placed').count(), 1)
    await page.reload()
    await page.getByText('Order placed').waitFor()
    assert.equal(await page.locator('main h2').count(), 0)
    assert.deepEqual(problems, [])
  })
})
