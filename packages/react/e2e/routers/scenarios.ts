import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'

/** The step heading and the `step` parameter of the URL, once both show `title` and `step`. */
export async function expectStep(page: Page, title: string, step: string): Promise<void> {
  const heading = page.locator('main').getByRole('heading')
  await heading.filter({ hasText: title }).waitFor({ timeout: 5000 })
  await page.waitForURL((url) => url.searchParams.get('step') === step, { timeout: 5000 })
  assert.equal(await heading.textContent(), title)
}

export const historyLength = (page: Page): Promise<number> => page.evaluate(() => window.history.length)

export const back = (page: Page) => page.goBack({ waitUntil: 'commit' })
export const forward = (page: Page) => page.goForward({ waitUntil: 'commit' })
export const reload = (page: Page) => page.reload({ waitUntil: 'load' })
export const submit = (page: Page) => page.getByRole('button', { name: 'Continue' }).click()

/** From the first step to the check-answers page on the branch through `extras`. */
export async function walkToReview(page: Page): Promise<void> {
  await expectStep(page, 'Your name', 'name')
  await page.getByLabel('Name').fill('Ada')
  await submit(page)
  await expectStep(page, 'Plan', 'plan')
  await page.getByLabel('Pro').check()
  await submit(page)
  await expectStep(page, 'Extras', 'extras')
  await submit(page)
  await expectStep(page, 'Check your answers', 'review')
}
