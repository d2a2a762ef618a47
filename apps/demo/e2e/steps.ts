import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { axeViolations, screenshot } from './harness'

/** Waits for a screen by its heading, checks it with axe-core (zero violations) and saves a screenshot. */
export async function expectScreen(page: Page, heading: string | RegExp, shot: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
  // A step transition still fading (its inert copy of the old step, a view transition) would be checked half-transparent.
  await page.waitForFunction(
    () =>
      !document.querySelector('[inert]') &&
      !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY),
  )
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], `axe-core found violations on "${shot}":\n${violations.join('\n')}`)
  await screenshot(page, shot)
}

/** Clicks the submit button and waits until the step is no longer busy. */
export async function submit(page: Page): Promise<void> {
  await page.getByTestId('submit').click()
  await settle(page)
}

/** Waits until no async step is running. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(50)
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 })
}

/** The text of the inspector's live state, parsed. */
export async function panelState(page: Page): Promise<Record<string, any>> {
  return JSON.parse((await page.getByTestId('panel-state').textContent()) ?? 'null')
}

export async function submittedJson(page: Page): Promise<Record<string, any>> {
  return JSON.parse((await page.getByTestId('submitted-json').textContent()) ?? 'null')
}

/** The error summary's messages, top to bottom. */
export async function summaryMessages(page: Page): Promise<string[]> {
  return page.locator('.error-summary').getByRole('link').allTextContents()
}

/** The text of the elements a control's `aria-describedby` names, as a screen reader reads it after the label. */
export async function describedText(target: Locator): Promise<string> {
  return target.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `(no element #${id})`)
      .join(' '),
  )
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement)

/** Presses Tab (or Shift+Tab) until `target` has focus, proving it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))
  assert.fail(`could not reach ${target} with ${max} Tab presses; focus is on ${active}`)
}

/** Tabs to a text field and types into it, replacing its value, with the keyboard only. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text)
}

/** Chooses a radio by keyboard: Tab into its group, then arrow keys until `label` is checked. */
export async function chooseByKeyboard(page: Page, groupName: string, label: string): Promise<void> {
  const group = page.getByRole('group', { name: groupName })
  const radios = group.getByRole('radio')
  const target = group.getByRole('radio', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
  const count = await radios.count()
  for (let i = 0; i < 60 && !(await radios.evaluateAll((els) => els.includes(document.activeElement as HTMLElement))); i++) {
    await page.keyboard.press('Tab')
  }
  if (!(await target.isChecked())) await page.keyboard.press('Space')
  for (let i = 0; i < count && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown')
  assert.ok(await target.isChecked(), `could not choose "${label}" in "${groupName}" by keyboard`)
}

/** Tabs to a button or link and presses Enter. */
export async function pressByKeyboard(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target)
  await page.keyboard.press('Enter')
  await settle(page)
}

/** Waits for the server's verdict on the confirmation page and returns it: `verified` or `refused`. */
export async function serverVerdict(page: Page): Promise<string> {
  const panel = page.getByTestId('server-verification')
  await page.waitForFunction(
    () => {
      const state = document.querySelector('[data-testid="server-verification"]')?.getAttribute('data-state')
      return state !== undefined && state !== null && state !== 'pending'
    },
    undefined,
    { timeout: 20_000 },
  )
  return (await panel.getAttribute('data-state')) ?? ''
}

/** Waits until the save badge shows `state` (e.g. `saved`, `offline`). */
export async function saveState(page: Page, state: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-testid="save-status"][data-state="${state}"]`).waitFor({ timeout })
}

/** An address as the address sub-flow's lines step asks it. */
export interface AddressLines {
  readonly line1: string
  readonly city: string
  readonly postcode: string
  /** The country's name as the select shows it, e.g. `Ireland`. */
  readonly country: string
}

export const DUBLIN: AddressLines = { line1: '1 Main Street', city: 'dublin', postcode: 'd02 x285', country: 'Ireland' }

/** Fills the address sub-flow's lines step (`<group>.lines`) by mouse and continues (the carrier check runs). */
export async function fillAddressLines(page: Page, address: AddressLines = DUBLIN): Promise<void> {
  await page.getByLabel('Address line 1').fill(address.line1)
  await page.getByLabel('Town or city').fill(address.city)
  await page.getByLabel('Postcode').fill(address.postcode)
  await page.getByLabel('Country').selectOption({ label: address.country })
  await submit(page)
}

/** The same by keyboard alone: typed into each field, the country chosen by typing its name on the select. */
export async function typeAddressLines(page: Page, address: AddressLines = DUBLIN): Promise<void> {
  await typeInto(page, page.getByLabel('Address line 1'), address.line1)
  await typeInto(page, page.getByLabel('Town or city'), address.city)
  await typeInto(page, page.getByLabel('Postcode'), address.postcode)
  await tabTo(page, page.getByLabel('Country'))
  await page.keyboard.type(address.country)
  assert.equal(await page.getByLabel('Country').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text), address.country)
  await pressByKeyboard(page, page.getByTestId('submit'))
}

/** A dependant as the enrollment's repeat asks it, one step each. */
export interface DependantAnswers {
  readonly name: string
  readonly birthDate: string
  /** The relationship's label: `Partner`, `Child`, `Other dependant`. */
  readonly relationship: string
}

/** Answers one dependant's three steps by mouse (from its name step), landing on the dependants summary. */
export async function answerDependant(page: Page, d: DependantAnswers): Promise<void> {
  await page.getByLabel('Full name').fill(d.name)
  await submit(page)
  await page.getByLabel('Date of birth', { exact: true }).fill(d.birthDate)
  await submit(page)
  await page.getByRole('radio', { name: new RegExp(`^${d.relationship}`) }).click()
  await submit(page)
}
