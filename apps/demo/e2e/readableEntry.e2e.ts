import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { type DemoMode, type Harness, openPage, startHarness } from './harness'
import { answerDependant, expectScreen, fillAddressLines, settle, submit, summaryMessages, tabTo } from './steps'

type Sizes = Record<'label' | 'hint' | 'legend' | 'header' | 'heading', number>

/** Font sizes, in px, of the first element each selector finds, read at once in the same document. */
const fontSizes = (page: Page, selectors: Record<keyof Sizes, string>): Promise<Sizes> =>
  page.evaluate(
    (wanted: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(wanted).map(([key, selector]) => {
          const el = document.querySelector(selector)
          return [key, el ? Number.parseFloat(getComputedStyle(el).fontSize) : Number.NaN]
        }),
      ) as Sizes,
    selectors,
  )

/** The top-level entries of the stepper as it reads them, without their number dots and hidden status words. */
const stepperEntries = (page: Page) =>
  page.getByRole('list', { name: 'Steps' }).evaluate((list) =>
    [...list.children].map((li) => {
      const copy = li.cloneNode(true) as HTMLElement
      for (const hidden of copy.querySelectorAll('ol, ul, .dot, .visually-hidden')) hidden.remove()
      return copy.textContent?.trim() ?? ''
    }),
  )

/** How far the page reaches past the viewport's right edge, in px (0 when nothing overflows). */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/** The checkout up to its delivery step with a hoodie (so both address questions are on the path). */
const toBillingSame = async (page: Page, harness: Harness) => {
  await page.goto(`${harness.url}/checkout`)
  await expectScreen(page, 'Your basket', 'readable-cart')
  await page.getByRole('button', { name: 'One more Flowkit hoodie' }).click()
  await submit(page)
  await page.getByLabel('Full name').fill('Ada Lovelace')
  await submit(page)
  await fillAddressLines(page)
  await page.getByRole('group', { name: 'Is the billing address the same as the delivery address?' }).waitFor()
  // Settled: no inert copy of the previous step still fading out, whose styles would be measured instead.
  await expectScreen(page, 'Billing address', 'readable-billing-same')
}

for (const mode of ['dev', 'build'] as const satisfies readonly DemoMode[]) {
  describe(`readable entry (${mode === 'dev' ? 'npm run demo: dev server, StrictMode' : 'the built demo'})`, () => {
    let harness: Harness
    before(async () => {
      harness = await startHarness({ mode })
    })
    after(async () => {
      await harness?.close()
    })

    it('scales all text evenly at a 200% root font size (375px wide), and the layout holds at 375px and 1280px', async () => {
      const { page, context, errors } = await openPage(harness, { width: 375 })
      await toBillingSame(page, harness)
      const sizes = () =>
        fontSizes(page, {
          label: '.choice-title',
          hint: '.choice-detail',
          legend: '.field legend',
          header: '.app-header',
          heading: 'h1',
        })
      const normal = await sizes()
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%'
      })
      // Measured once nothing animates: a transition on font-size would still show the old size.
      await page.waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running'))
      const zoomed = await sizes()
      assert.ok(
        zoomed.label >= zoomed.hint,
        `a radio label (${zoomed.label}px) is smaller than its hint (${zoomed.hint}px): ${JSON.stringify({ normal, zoomed })}`,
      )
      for (const key of ['label', 'hint', 'legend', 'header'] as const) {
        assert.ok(zoomed[key] >= 2 * normal[key] - 0.5, `${key}: ${normal[key]}px at 100% but ${zoomed[key]}px at 200%`)
      }
      assert.ok(zoomed.heading > normal.heading, `the heading did not grow (${normal.heading}px → ${zoomed.heading}px)`)
      assert.equal(await overflowX(page), 0, 'the page scrolls sideways at 375px with 200% text')
      // The sticky header holds its text: nothing in it is cut off below its bottom edge.
      const header = await page.evaluate(() => {
        const box = document.querySelector('.app-header')?.getBoundingClientRect()
        const lowest = Math.max(...[...document.querySelectorAll('.app-header *')].map((el) => el.getBoundingClientRect().bottom))
        return { bottom: box?.bottom ?? 0, lowest }
      })
      assert.ok(header.lowest <= header.bottom + 1, `the header's content reaches ${header.lowest}px, below its edge at ${header.bottom}px`)
      await expectScreen(page, 'Billing address', `readable-${mode}-375-200pc`)
      await page.setViewportSize({ width: 1280, height: 900 })
      assert.equal(await overflowX(page), 0, 'the page scrolls sideways at 1280px with 200% text')
      await expectScreen(page, 'Billing address', `readable-${mode}-1280-200pc`)
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('names the billing question apart from the billing address in the stepper, and takes an expiry typed as 0829 by keyboard', async () => {
      const { page, context, errors } = await openPage(harness)
      await toBillingSame(page, harness)
      const entries = await stepperEntries(page)
      assert.deepEqual(
        entries.filter((entry, i) => entries.indexOf(entry) !== i),
        [],
        `the stepper lists an entry twice: ${entries.join(' | ')}`,
      )
      assert.ok(entries.includes('Billing address same as shipping?'), entries.join(' | '))
      assert.ok(entries.includes('Billing address'), entries.join(' | '))
      await page.getByRole('radio', { name: /^Yes/ }).click()
      await submit(page)
      await page.getByRole('radio', { name: /^Standard/ }).click()
      await submit(page)
      await expectScreen(page, 'Payment', `readable-${mode}-payment`)
      await page.getByRole('radio', { name: /^Card/ }).click()
      await page.getByLabel('Name on card').fill('Ada Lovelace')
      await page.getByLabel('Card number').fill('4242 4242 4242 4242')
      await tabTo(page, page.getByLabel('Expiry date'))
      await page.keyboard.type('0829')
      await page.getByLabel('Security code').fill('123')
      await page.keyboard.press('Enter')
      await settle(page)
      await expectScreen(page, 'Check your answers', `readable-${mode}-review`)
      assert.match((await page.locator('main').textContent()) ?? '', /Expires 08\/29/)
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('refuses a child dependant of 36 with words that say how to fix it, and takes them as another dependant', async () => {
      const { page, context, errors } = await openPage(harness)
      await page.goto(`${harness.url}/enrollment`)
      await expectScreen(page, 'About you', 'readable-about')
      await page.getByLabel('Full name').fill('Grace Hopper')
      await page.getByLabel('Email address').fill('grace@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1960-12-09')
      await submit(page)
      await fillAddressLines(page)
      await page.getByRole('radio', { name: /Employed/ }).click()
      await submit(page)
      await page.getByRole('textbox', { name: 'Employer' }).fill('Remington Rand')
      await page.getByLabel('Job title').fill('Engineer')
      await submit(page)
      await page.getByRole('radio', { name: /Family/ }).click()
      await page.getByRole('radio', { name: /Plus/ }).click()
      await submit(page)
      await answerDependant(page, { name: 'Alan Hopper', birthDate: '1990-05-05', relationship: 'Child' })
      // A field error on Relationship, as a schema's would be: in the summary, no "We could not continue".
      assert.deepEqual(await summaryMessages(page), [
        'A child dependant must be under 26: check the date of birth, or choose another relationship',
      ])
      assert.equal(await page.getByTestId('service-error').count(), 0)
      await page.getByRole('radio', { name: /^Other dependant/ }).click()
      await submit(page)
      await expectScreen(page, 'Who else is covered?', `readable-${mode}-dependants`)
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}
