import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { type DemoMode, type Harness, startHarness } from './harness'
import { settle, submit } from './steps'

/** What the page saw of step transitions: each direction set on <html>, with the old step's copy shown for the capture. */
interface Seen {
  readonly direction: string
  readonly ghost: string
}

/**
 * Records every transition the page starts (the direction set on <html>, the copied old step) and the
 * animations that ran. A string, so the bundler's helpers (`__name`) are not sent to the page.
 */
const RECORDER = `
  window.__seen = []
  window.__animations = []
  new MutationObserver(() => {
    const direction = document.documentElement.dataset.flowkitDirection
    if (!direction) return
    const ghost = document.querySelector('[data-flowkit-ghost] h1')?.textContent ?? ''
    window.__seen.push({ direction, ghost })
    // The browser captures the old step at its next frame, then animates: look a few frames on.
    let frames = 0
    const sample = () => {
      for (const a of document.getAnimations()) {
        const pseudo = a.effect?.pseudoElement
        if (pseudo?.includes('flowkit-step')) window.__animations.push(pseudo + ' ' + a.animationName)
      }
      if (++frames < 12) requestAnimationFrame(sample)
    }
    requestAnimationFrame(sample)
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-flowkit-direction'] })
`
const record = (page: Page) => page.addInitScript({ content: RECORDER })

const seen = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __seen: Seen[]; __animations: string[] }
    return { seen: w.__seen, animations: [...new Set(w.__animations)] }
  })

/** Waits until no transition runs: the direction is gone from <html> and no copy of a step is left. */
const transitionsDone = (page: Page) =>
  page.waitForFunction(() => !document.documentElement.dataset.flowkitDirection && !document.querySelector('[data-flowkit-ghost]'))

for (const mode of ['dev', 'build'] as const satisfies readonly DemoMode[]) {
  describe(`step transitions (${mode === 'dev' ? 'npm run demo: dev server, StrictMode' : 'the built demo'})`, () => {
    let harness: Harness
    before(async () => {
      harness = await startHarness({ mode })
    })
    after(async () => {
      await harness?.close()
    })

    const walk = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      await record(page)
      await page.goto(`${harness.url}/checkout`)
      await page.getByRole('heading', { level: 1, name: 'Your basket' }).waitFor()
      await page.getByRole('button', { name: 'One more Flowkit Pro licence' }).click()
      await submit(page)
      await page.getByRole('heading', { level: 1, name: 'How should it arrive?' }).waitFor()
      await transitionsDone(page)
      await page.getByRole('button', { name: '← Back' }).click()
      await page.getByRole('heading', { level: 1, name: 'Your basket' }).waitFor()
      await transitionsDone(page)
      await settle(page)
      // The step works as without a transition: focus on its heading, what was typed kept, one heading.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Your basket')
      assert.equal(await page.getByLabel('Quantity of Flowkit Pro licence').inputValue(), '1')
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1)
      assert.deepEqual(errors, [])
      return { result: await seen(page), context }
    }

    it('forward slides the old step out to the left and the new one in from the right; back the other way', async () => {
      const { result, context } = await walk('no-preference')
      assert.deepEqual(result.seen, [
        { direction: 'forward', ghost: 'Your basket' },
        { direction: 'back', ghost: 'How should it arrive?' },
      ])
      for (const animation of [
        '::view-transition-old(flowkit-step) step-out-left',
        '::view-transition-new(flowkit-step) step-in-right',
        '::view-transition-old(flowkit-step) step-out-right',
        '::view-transition-new(flowkit-step) step-in-left',
      ]) {
        assert.ok(result.animations.includes(animation), `${animation} ran (saw ${result.animations.join(', ')})`)
      }
      await context.close()
    })

    it('does not animate at all when the user prefers reduced motion', async () => {
      const { result, context } = await walk('reduce')
      assert.deepEqual(result, { seen: [], animations: [] })
      await context.close()
    })
  })
}
