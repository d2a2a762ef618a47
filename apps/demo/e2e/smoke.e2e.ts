import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { axeViolations, type Harness, openPage, screenshot, startHarness } from './harness'

let harness: Harness
before(async () => {
  harness = await startHarness()
})
after(async () => {
  await harness?.close()
})

describe('the demo shell', () => {
  it('shows the landing page in light and dark, accessible, and opens a flow', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await openPage(harness, { colorScheme })
      await page.goto(harness.url)
      await page.getByRole('heading', { level: 1 }).waitFor()
      assert.deepEqual(await axeViolations(page), [])
      await screenshot(page, `landing-${colorScheme}`)
      await page.getByRole('link', { name: 'Try the checkout' }).click()
      await page.getByRole('heading', { name: 'Your basket' }).waitFor()
      assert.equal(new URL(page.url()).pathname, '/checkout')
      await page.waitForURL(/step=cart/)
      assert.deepEqual(await axeViolations(page), [])
      await screenshot(page, `checkout-cart-${colorScheme}`)
      assert.deepEqual(errors, [])
      await context.close()
    }
  })
})

describe('the demo shell, continued', () => {
  it('switches theme and inspector, and remembers both', async () => {
    const { page, context, errors } = await openPage(harness)
    await page.goto(`${harness.url}/enrollment`)
    await page.getByRole('heading', { name: 'About you' }).waitFor()
    await page.getByTestId('theme-toggle').click()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    assert.deepEqual(await axeViolations(page), [])
    await screenshot(page, 'enrollment-forced-dark')
    await page.getByTestId('panel-toggle').click()
    assert.equal(await page.getByTestId('inspector').count(), 0)
    assert.equal(await page.getByTestId('panel-toggle').getAttribute('aria-pressed'), 'false')
    await page.reload()
    await page.getByRole('heading', { name: 'About you' }).waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    assert.equal(await page.getByTestId('inspector').count(), 0)
    assert.deepEqual(await axeViolations(page), [])
    await screenshot(page, 'enrollment-no-inspector')
    assert.deepEqual(errors, [])
    await context.close()
  })

  for (const [what, stored] of [
    ['not JSON', '{"state": {"workflow": "checkout", "path": [{'],
    [
      'a tampered path',
      JSON.stringify({
        state: {
          workflow: 'checkout',
          version: 1,
          path: [{ step: 'payment', input: {}, patch: {} }],
          step: 'review',
          done: false,
          drafts: {},
          log: [],
          savedAt: Date.now(),
        },
        version: 0,
      }),
    ],
    [
      'a prototype-polluting payload',
      '{"state": {"__proto__": {"polluted": true}, "workflow": "checkout", "version": 1, "path": "nope"}, "version": 0}',
    ],
  ] as const) {
    it(`starts fresh and says so when saved progress is ${what}`, async () => {
      const { page, context, errors } = await openPage(harness)
      await page.goto(harness.url)
      await page.evaluate((value) => localStorage.setItem('flowkit-demo:checkout', value), stored)
      await page.goto(`${harness.url}/checkout`)
      await page.getByRole('heading', { name: 'Your basket' }).waitFor()
      await page.getByText('Your saved progress could not be restored').waitFor()
      const problem = (await page.getByTestId('restore-problem').textContent()) ?? ''
      assert.match(problem, /^Reason: (INVALID_SNAPSHOT|SNAPSHOT_MISMATCH|REQUIRED_STEP_SKIPPED|STEP_NOT_ON_PATH)$/, problem)
      assert.equal(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted), undefined)
      assert.deepEqual(await axeViolations(page), [])
      await screenshot(page, `checkout-restore-${what.replace(/\W+/g, '-')}`)
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
})
