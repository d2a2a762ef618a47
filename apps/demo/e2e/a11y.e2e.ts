import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations, type DemoMode, type Harness, screenshot, startHarness } from './harness'
import { fillAddressLines, serverVerdict, settle, submit, summaryMessages } from './steps'

/** A phone (iPhone 12 to 15) and a laptop. */
const PHONE = { width: 390, height: 844 } as const
const LAPTOP = { width: 1280, height: 900 } as const
/** WCAG 2.5.8 (Target Size, Minimum): at least 24 by 24 CSS pixels. */
const MIN_TARGET = 24

interface Target {
  readonly what: string
  readonly width: number
  readonly height: number
}

/**
 * Every visible control on the page, with the size a finger gets: a visually hidden input is
 * measured by its label (which is what takes the tap); what is off screen (the skip link until it
 * has focus) or invisible is not a target.
 */
const targetsOf = (page: Page): Promise<Target[]> =>
  page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])'
    const out: { what: string; width: number; height: number }[] = []
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('[inert], [aria-hidden="true"]') || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        continue
      let box = element.getBoundingClientRect()
      if (box.width <= 1 || box.height <= 1) {
        const label = element.closest('label') ?? (element.id ? document.querySelector(`label[for="${element.id}"]`) : null)
        if (!label) continue
        box = label.getBoundingClientRect()
      }
      if (box.right <= 0 || box.bottom + window.scrollY <= 0) continue
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''
      out.push({ what: `${element.tagName.toLowerCase()} "${(name || element.id).slice(0, 40)}"`, width: box.width, height: box.height })
    }
    return out
  })

/** What a phone user sees without scrolling: where the page's heading ends. */
const headingBottom = (page: Page): Promise<number> =>
  page.evaluate(() => {
    window.scrollTo(0, 0)
    const heading = document.querySelector('h1')
    return heading ? heading.getBoundingClientRect().bottom + window.scrollY : Number.POSITIVE_INFINITY
  })

/** Where headings ended at 390 × 844, by screen: printed at the end for the record. */
const measured: { screen: string; headingBottom: number; smallest: string }[] = []

/**
 * Checks the screen on show at 390 × 844 and at 1280 × 900: zero axe-core violations and every
 * control at least 24 × 24 px at both; at 390 (unless `heading: false`) the h1 ends inside the
 * first screen. Returns the problems found, so that one run lists all of them.
 */
async function audit(page: Page, screen: string, { heading = true } = {}): Promise<string[]> {
  const problems: string[] = []
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    for (const violation of await axeViolations(page)) problems.push(`${screen} at ${size.width}px: ${violation}`)
    const targets = await targetsOf(page)
    assert.ok(targets.length > 0, `${screen}: no controls found to measure`)
    for (const t of targets) {
      if (t.width < MIN_TARGET || t.height < MIN_TARGET) {
        problems.push(`${screen} at ${size.width}px: ${t.what} is ${t.width.toFixed(1)} × ${t.height.toFixed(1)} px, under 24 × 24`)
      }
    }
    if (size !== PHONE) continue
    const bottom = await headingBottom(page)
    const smallest = targets.reduce((a, b) => (Math.min(b.width, b.height) < Math.min(a.width, a.height) ? b : a))
    measured.push({ screen, headingBottom: Math.round(bottom), smallest: `${smallest.width.toFixed(0)}×${smallest.height.toFixed(0)}` })
    if (heading && bottom > PHONE.height)
      problems.push(`${screen} at 390px: the heading ends at ${bottom.toFixed(0)} px, below the first screen (844)`)
    await screenshot(page, `a11y-${screen}-390`)
  }
  return problems
}

/** Waits for a screen by its h1 and for any async step to settle. */
const at = async (page: Page, heading: string | RegExp) => {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
  await settle(page)
}

for (const mode of ['dev', 'build'] as const satisfies readonly DemoMode[]) {
  describe(`every demo screen at 390 and 1280 px (${mode === 'dev' ? 'npm run demo: dev server, StrictMode' : 'the built demo'})`, () => {
    let harness: Harness
    before(async () => {
      harness = await startHarness({ mode })
    })
    after(async () => {
      await harness?.close()
      if (mode === 'build') console.table(measured)
    })

    /** A fresh page at phone size, reduced motion (no transitions to wait for), failing on page errors. */
    const open = async () => {
      const context = await harness.browser.newContext({ viewport: PHONE, colorScheme: 'light', reducedMotion: 'reduce' })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      return { page, context, errors }
    }

    it('the landing page', async () => {
      const { page, context, errors } = await open()
      await page.goto(harness.url)
      await at(page, 'Multi-step flows that survive real users')
      assert.deepEqual(await audit(page, `${mode}-landing`), [])
      // From the landing page, focus lands on the flow's heading, not on <body>.
      await page.getByRole('link', { name: 'Try the checkout' }).click()
      await at(page, 'Your basket')
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1')
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('checkout: every step, with its errors, check your answers and the confirmation', async () => {
      const { page, context, errors } = await open()
      const problems: string[] = []
      const check = async (screen: string, options?: { heading?: boolean }) =>
        problems.push(...(await audit(page, `${mode}-checkout-${screen}`, options)))
      await page.goto(`${harness.url}/checkout`)
      await at(page, 'Your basket')
      await check('cart')
      await submit(page)
      assert.deepEqual(await summaryMessages(page), ['Add at least one item to your basket'])
      await check('cart-errors')
      await page.getByRole('button', { name: 'One more Flowkit hoodie' }).click()
      await submit(page)

      await at(page, 'Who should we send it to?')
      await check('shipping-name')
      await submit(page)
      assert.equal((await summaryMessages(page)).length, 1)
      await check('shipping-name-errors')
      await page.getByLabel('Full name').fill('Ada Lovelace')
      await submit(page)

      await at(page, 'Where should we send it?')
      await check('shipping')
      await submit(page)
      assert.ok((await summaryMessages(page)).length >= 4)
      await check('shipping-errors')
      await page.getByLabel('Address line 1').fill('1 Main Street')
      await page.getByLabel('Town or city').fill('Dublin')
      await page.getByLabel('Postcode').fill('D02 X285')
      await page.getByLabel('Country').selectOption('IE')
      await page.getByTestId('fail-address').check()
      await submit(page)
      await page.getByTestId('service-error').waitFor()
      await check('shipping-service-error')
      await submit(page)

      await at(page, 'Billing address')
      await check('billing-same')
      await page.getByRole('radio', { name: /^Yes/ }).click()
      await submit(page)

      await at(page, 'How should it arrive?')
      await check('delivery')
      await submit(page)
      assert.deepEqual(await summaryMessages(page), ['Select a delivery method'])
      await check('delivery-errors')
      await page.getByRole('radio', { name: /Standard/ }).click()
      await submit(page)

      await at(page, 'Payment')
      await check('payment')
      await page.getByRole('radio', { name: /Card/ }).click()
      await submit(page)
      assert.ok((await summaryMessages(page)).length >= 3)
      await check('payment-errors')
      await page.getByRole('radio', { name: /Invoice/ }).click()
      await submit(page)

      await at(page, 'Company details')
      await check('company')
      await submit(page)
      assert.ok((await summaryMessages(page)).length >= 2)
      await check('company-errors')
      await page.getByLabel('Company name').fill('Analytical Engines Ltd')
      await page.getByLabel('VAT number').fill('IE6388047V')
      await page.getByLabel('Billing email').fill('accounts@example.com')
      await submit(page)

      await at(page, 'Check your answers before placing your order')
      await check('review')
      await submit(page)
      await at(page, 'Order placed')
      await check('confirmation')
      assert.deepEqual(problems, [])
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('enrollment: every step and branch, with errors, the save-for-later panel, check your answers and the confirmation', async () => {
      const { page, context, errors } = await open()
      const problems: string[] = []
      const check = async (screen: string, options?: { heading?: boolean }) =>
        problems.push(...(await audit(page, `${mode}-enrollment-${screen}`, options)))
      await page.goto(`${harness.url}/enrollment`)
      await at(page, 'About you')
      await check('about')
      await submit(page)
      assert.equal((await summaryMessages(page)).length, 3)
      await check('about-errors')
      await page.getByLabel('Full name').fill('Grace Hopper')
      await page.getByLabel('Email address').fill('grace@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1990-12-09')
      await submit(page)

      await at(page, 'What is your home address?')
      await check('home')
      await fillAddressLines(page)

      await at(page, 'Eligibility')
      await check('eligibility')
      await submit(page)
      assert.equal((await summaryMessages(page)).length, 1)
      await check('eligibility-errors')

      // Each branch, then back to eligibility for the next one.
      const branches = [
        { choice: /Student/, heading: 'Your studies', screen: 'student' },
        { choice: /Employed/, heading: 'Your employment', screen: 'employment' },
        { choice: /Something else/, heading: 'Your circumstances', screen: 'circumstances' },
      ]
      for (const [i, branch] of branches.entries()) {
        await page.getByRole('radio', { name: branch.choice }).click()
        await submit(page)
        await at(page, branch.heading)
        await check(branch.screen)
        await submit(page)
        assert.ok((await summaryMessages(page)).length >= 1, `${branch.screen} shows its errors`)
        await check(`${branch.screen}-errors`)
        if (i < branches.length - 1) {
          await page.getByRole('button', { name: '← Back' }).click()
          await at(page, 'Eligibility')
        }
      }
      await page.getByRole('radio', { name: /Retired/ }).click()
      await submit(page)

      await at(page, 'Choose your plan')
      await check('plan')
      await submit(page)
      assert.ok((await summaryMessages(page)).length >= 1)
      await check('plan-errors')
      await page.getByRole('radio', { name: /Family/ }).click()
      await page.getByRole('radio', { name: /Plus/ }).click()
      await submit(page)

      // One dependant's steps (the repeat), then its summary.
      await at(page, 'What is the full name of dependant 1?')
      await check('dependant-name')
      await submit(page)
      assert.equal((await summaryMessages(page)).length, 1)
      await check('dependant-name-errors')
      await page.getByLabel('Full name').fill('Alan Hopper')
      await submit(page)
      await at(page, 'What is dependant 1’s date of birth?')
      await check('dependant-birth-date')
      await page.getByLabel('Date of birth', { exact: true }).fill('2019-05-01')
      await submit(page)
      await at(page, 'How is dependant 1 related to you?')
      await check('dependant-relationship')
      await page.getByRole('radio', { name: /^Child/ }).click()
      await submit(page)
      await at(page, 'Who else is covered?')
      await check('dependants')
      await submit(page)

      await at(page, 'Consents')
      await check('consents')
      await submit(page)
      assert.equal((await summaryMessages(page)).length, 2)
      await check('consents-errors')
      await page.getByRole('checkbox', { name: /I accept the terms/ }).check()
      await page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
      await submit(page)

      await at(page, 'Check your answers before you enrol')
      await check('review')
      // The save-for-later panel, open, with its link, Copy and Close: the heading is then below it.
      await page.getByTestId('save-later').click()
      await page.getByTestId('resume-link').waitFor()
      await check('save-for-later', { heading: false })
      await page.getByTestId('save-later-panel').getByRole('button', { name: 'Close' }).click()
      await submit(page)
      await at(page, 'Enrollment complete')
      assert.equal(await serverVerdict(page), 'verified')
      await check('confirmation')
      assert.deepEqual(problems, [])
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}
