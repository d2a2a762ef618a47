import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type Harness, openPage, startHarness } from '../harness'
import { back, expectStep, forward, historyLength, reload, submit, walkToReview } from './scenarios'

let harness: Harness
before(async () => {
  harness = await startHarness()
})
after(() => harness?.close())

// Each binding is driven through its public entry (`@flowkit/react/react-router`, `/tanstack-router`) in its real router.
for (const router of ['react-router', 'tanstack-router']) {
  describe(`@flowkit/react/${router} in Chromium`, () => {
    const checkout = () => `${harness.url}/${router}/checkout`

    test('gives each step a URL, and the back and forward buttons move through the flow', async () => {
      const { page, errors } = await openPage(harness)
      await page.goto(checkout())
      await walkToReview(page)
      const length = await historyLength(page)
      await back(page)
      await expectStep(page, 'Extras', 'extras')
      await back(page)
      await expectStep(page, 'Plan', 'plan')
      // Forward completes the step again with what the user had chosen.
      await forward(page)
      await expectStep(page, 'Extras', 'extras')
      await forward(page)
      await expectStep(page, 'Check your answers', 'review')
      assert.equal(await historyLength(page), length)
      assert.deepEqual(errors, [])
    })

    test("keeps the step across a reload, and after it the flow's own Back steps back through the entries instead of adding any", async () => {
      const { page, errors } = await openPage(harness)
      await page.goto(checkout())
      await walkToReview(page)
      const length = await historyLength(page)
      await reload(page)
      await expectStep(page, 'Check your answers', 'review')
      await page.getByRole('button', { name: 'Back' }).click()
      await expectStep(page, 'Extras', 'extras')
      await page.getByRole('button', { name: 'Back' }).click()
      await expectStep(page, 'Plan', 'plan')
      assert.equal(await historyLength(page), length, 'the flow’s Back added history entries')
      // The browser is where the flow is: its Back goes to the step before, its Forward to the ones after.
      await back(page)
      await expectStep(page, 'Your name', 'name')
      await forward(page)
      await expectStep(page, 'Plan', 'plan')
      await forward(page)
      await expectStep(page, 'Extras', 'extras')
      assert.equal(await historyLength(page), length)
      assert.deepEqual(errors, [])
    })

    test('lands a deep link to a step not yet reachable on the furthest reachable step', async () => {
      const { page, errors } = await openPage(harness)
      await page.goto(`${checkout()}?step=review`)
      await expectStep(page, 'Your name', 'name')
      await page.getByLabel('Name').fill('Ada')
      await submit(page)
      await expectStep(page, 'Plan', 'plan')
      await page.goto(`${checkout()}?step=review`)
      await expectStep(page, 'Plan', 'plan')
      assert.deepEqual(errors, [])
    })

    test('opens the flow from an in-app link without adding an entry, so Back leaves it', async () => {
      const { page, errors } = await openPage(harness)
      await page.goto(`${harness.url}/${router}/`)
      await page.getByRole('link', { name: 'Checkout' }).click()
      await expectStep(page, 'Your name', 'name')
      await back(page)
      await page.getByRole('heading', { name: 'Home' }).waitFor()
      assert.deepEqual(errors, [])
    })

    test('keeps a finished flow finished: back and reload do not reopen it', async () => {
      const { page, errors } = await openPage(harness)
      await page.goto(checkout())
      await walkToReview(page)
      await submit(page)
      await page.getByRole('status').filter({ hasText: 'Order placed' }).waitFor()
      await back(page)
      await page.waitForTimeout(200)
      assert.equal(await page.getByText('Order placed').count(), 1)
      await reload(page)
      await page.getByText('Order placed').waitFor()
      assert.equal(await page.locator('main').getByRole('heading').count(), 0)
      assert.deepEqual(errors, [])
    })
  })
}
