import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../../test/chromium'
import { type NextServer, startNext } from './nextServer'
import { openPage } from './openPage'

// The docs' "A first flow with Next.js" page shows these files (src/app/signup/): they work as it says.
let next: NextServer
let browser: Browser
before(async () => {
  next = await startNext()
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  await next?.stop()
})

const heading = (page: Page, title: string) => page.locator('main h2').filter({ hasText: title }).waitFor({ timeout: 5000 })
const submit = (page: Page) => page.getByRole('button', { name: 'Continue' }).click()

describe("the Next.js guide's signup (next build, next start) in Chromium", () => {
  test('the server sends the fallback, not step 1; the flow validates, branches, and keeps its step across reloads', async () => {
    const html = await (await fetch(`${next.url}/signup`)).text()
    assert.ok(html.includes('Loading…'), 'the server HTML lacks the fallback')
    assert.ok(!html.includes('Email address'), 'the server rendered step 1 instead of the fallback')

    const { page, problems, headings } = await openPage(browser)
    await page.goto(`${next.url}/signup`)
    await heading(page, 'Your email')
    await submit(page)
    await page.getByText('Enter an email address like ada@example.com').first().waitFor()
    await page.getByLabel('Email address').fill('ada@example.com')
    await submit(page)
    await heading(page, 'Choose a plan')
    await page.getByRole('radio', { name: 'Pro' }).check()
    await submit(page)
    await heading(page, 'Your company')
    await page.getByRole('progressbar', { name: 'Progress' }).filter({ hasText: 'Step 3 of 4' }).waitFor()
    await page.getByLabel('Company name').fill('Analytical Engines')
    for (let reload = 0; reload < 3; reload++) {
      await page.reload()
      await heading(page, 'Your company')
      assert.deepEqual(await headings(), ['Your company'], `reload ${reload + 1} showed another step first`)
    }
    assert.equal(await page.getByLabel('Company name').inputValue(), 'Analytical Engines')
    await submit(page)
    await heading(page, 'Create your account')
    await submit(page)
    await page.getByText('Account created. Check your inbox.').waitFor()
    assert.deepEqual(problems, [])
  })
})
