import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page, Request } from 'playwright-core'
import { type DemoMode, type Harness, openPage, startHarness } from './harness'
import { expectScreen, fillAddressLines, panelState, saveState, serverVerdict, submit } from './steps'

/** Chromium logs refused requests (409, 404, 5xx, offline) as console errors: expected here, anything else is not. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource|status of (409|404|50\d)|ERR_INTERNET_DISCONNECTED/.test(e))

const aboutYou = async (page: Page, name: string) => {
  await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor()
  await page.getByLabel('Full name').fill(name)
  await page.getByLabel('Email address').fill(`${name.split(' ')[0]?.toLowerCase()}@example.com`)
  await page.getByLabel('Date of birth', { exact: true }).fill('1985-04-09')
  await submit(page)
  await fillAddressLines(page)
}
const employed = async (page: Page) => {
  await page.getByRole('radio', { name: /Employed/ }).click()
  await submit(page)
}
const employment = async (page: Page) => {
  await page.getByRole('textbox', { name: 'Employer' }).fill('NACA')
  await page.getByLabel('Job title').fill('Mathematician')
  await submit(page)
}
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor()
/** The loads of a saved flow (`GET /instances/:token`) the page sends. */
const loadsOf = (page: Page) => {
  const loads: Request[] = []
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/api\/flowkit\/instances\/[\w-]+$/.test(request.url())) loads.push(request)
  })
  return loads
}
const notice = async (page: Page) => {
  const element = page.getByTestId('sync-notice')
  await element.waitFor()
  return {
    kind: await element.getAttribute('data-kind'),
    source: await element.getAttribute('data-source'),
    text: await element.textContent(),
  }
}
const linkOf = async (page: Page) => {
  await saveState(page, 'saved')
  await page.getByTestId('save-later').click()
  return page.getByTestId('resume-link').inputValue()
}

for (const mode of ['dev', 'build'] as const satisfies readonly DemoMode[]) {
  describe(`sync that never overwrites newer work (${mode === 'dev' ? 'npm run demo: dev server, StrictMode' : 'the built demo'})`, () => {
    let harness: Harness
    before(async () => {
      harness = await startHarness({ mode })
    })
    after(async () => {
      await harness?.close()
    })
    const shot = (name: string) => `sync-${mode}-${name}`

    it('a reload within the 400 ms save delay keeps the step just completed, and opening the page sends one load', async () => {
      const { page, context, errors } = await openPage(harness)
      await page.goto(`${harness.url}/enrollment`)
      await aboutYou(page, 'Mary Jackson')
      await heading(page, 'Eligibility')
      await saveState(page, 'saved')
      // The reload must come before the debounced save reaches the server, however slow this machine is: saves
      // are refused at the network until the page has reloaded (a refused save is retried, as offline).
      const saves = '**/api/flowkit/instances/*'
      await page.route(saves, (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue()))
      await employed(page)
      await heading(page, 'Your employment')
      const loads = loadsOf(page)
      await page.reload()
      await page.unroute(saves)
      await expectScreen(page, 'Your employment', shot('reload-kept'))
      assert.equal((await panelState(page)).eligibility, 'employed')
      await saveState(page, 'saved')
      assert.equal(loads.length, 1, `opening the page loads the flow once, not ${loads.length} times`)
      assert.equal(await page.getByTestId('sync-notice').count(), 0, 'a page opening is not a conflict')
      const link = await linkOf(page)
      assert.deepEqual(unexpected(errors), [])
      await context.close()

      const other = await openPage(harness)
      await other.page.goto(link)
      await expectScreen(other.page, 'Your employment', shot('reload-kept-on-server'))
      assert.equal((await panelState(other.page)).eligibility, 'employed')
      await other.context.close()
    })

    it('offline, three steps completed, back online and reloaded: nothing lost, answers intact, the badge truthful', async () => {
      const { page, context, errors } = await openPage(harness)
      await page.goto(`${harness.url}/enrollment`)
      await aboutYou(page, 'Dorothy Vaughan')
      await heading(page, 'Eligibility')
      await saveState(page, 'saved')
      await context.setOffline(true)
      await employed(page)
      await employment(page)
      await page.getByRole('radio', { name: /Just me/ }).click()
      await page.getByRole('radio', { name: /^Essential/ }).click()
      await submit(page)
      await heading(page, 'Consents')
      await saveState(page, 'offline')
      await context.setOffline(false)
      await page.reload()
      await expectScreen(page, 'Consents', shot('offline-reloaded'))
      const state = await panelState(page)
      assert.equal(state.applicant.fullName, 'Dorothy Vaughan')
      assert.deepEqual(state.employment, { employer: 'NACA', jobTitle: 'Mathematician', employerPays: false })
      assert.deepEqual(state.plan, { plan: 'single', tier: 'essential' })
      await saveState(page, 'saved')
      const link = await linkOf(page)
      assert.deepEqual(unexpected(errors), [])
      await context.close()

      const other = await openPage(harness)
      await other.page.goto(link)
      await expectScreen(other.page, 'Consents', shot('offline-on-server'))
      assert.deepEqual((await panelState(other.page)).plan, { plan: 'single', tier: 'essential' })
      await other.context.close()
    })

    it('the server stopped and restarted mid-flow: nothing lost, the badge says offline, then saved', async () => {
      const { page, context, errors } = await openPage(harness)
      await page.goto(`${harness.url}/enrollment`)
      await aboutYou(page, 'Katherine Johnson')
      await heading(page, 'Eligibility')
      await saveState(page, 'saved')
      await harness.flowkit.stop()
      try {
        await employed(page)
        await employment(page)
        await heading(page, 'Choose your plan')
        await saveState(page, 'offline')
        await page.reload()
        await heading(page, 'Choose your plan')
        await saveState(page, 'offline')
      } finally {
        await harness.flowkit.start()
      }
      await saveState(page, 'saved', 40_000)
      await page.reload()
      await expectScreen(page, 'Choose your plan', shot('restart-reloaded'))
      await saveState(page, 'saved')
      assert.deepEqual((await panelState(page)).employment, { employer: 'NACA', jobTitle: 'Mathematician', employerPays: false })
      const link = await linkOf(page)
      assert.deepEqual(unexpected(errors), [])
      await context.close()

      const other = await openPage(harness)
      await other.page.goto(link)
      await expectScreen(other.page, 'Choose your plan', shot('restart-on-server'))
      await other.context.close()
    })

    it('two devices: the one on an older version gets the newer copy and is told; the newer one submits', async () => {
      const a = await openPage(harness)
      await a.page.goto(`${harness.url}/enrollment`)
      await aboutYou(a.page, 'Christine Darden')
      await employed(a.page)
      await employment(a.page)
      await heading(a.page, 'Choose your plan')
      const link = await linkOf(a.page)

      const b = await openPage(harness, { colorScheme: 'dark' })
      await b.page.goto(link)
      await heading(b.page, 'Choose your plan')
      await b.page.getByRole('radio', { name: /Just me/ }).click()
      await b.page.getByRole('radio', { name: /^Essential/ }).click()
      await submit(b.page)
      await b.page.getByRole('checkbox', { name: /I accept the terms/ }).check()
      await b.page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
      await submit(b.page)
      await heading(b.page, 'Check your answers before you enrol')
      await saveState(b.page, 'saved')

      // A, still on the plan step of version 1, chooses another plan and continues: B's newer copy wins.
      await a.page.getByRole('radio', { name: /Just me/ }).click()
      await a.page.getByRole('radio', { name: /^Plus/ }).click()
      await submit(a.page)
      const told = await notice(a.page)
      assert.deepEqual([told.kind, told.source], ['adopted', 'device'])
      await expectScreen(a.page, 'Check your answers before you enrol', shot('devices-a-adopted'))
      assert.deepEqual((await panelState(a.page)).plan, { plan: 'single', tier: 'essential' })
      await saveState(a.page, 'conflict')

      await submit(b.page)
      await expectScreen(b.page, 'Enrollment complete', shot('devices-b-submitted'))
      assert.equal(await serverVerdict(b.page), 'verified')
      await b.page.getByText('What the server recorded').click()
      const stored = JSON.parse((await b.page.getByTestId('server-result').textContent()) ?? 'null')
      assert.deepEqual(stored.plan, { plan: 'single', tier: 'essential' }, "the server kept B's plan, not A's")
      assert.deepEqual(unexpected(a.errors), [])
      assert.deepEqual(unexpected(b.errors), [])
      await a.context.close()
      await b.context.close()
    })

    it('checkout in two tabs: each tab follows the other’s change and says so', async () => {
      const { page: first, context, errors } = await openPage(harness)
      await first.goto(`${harness.url}/checkout`)
      await heading(first, 'Your basket')
      const second = await context.newPage()
      second.on('pageerror', (error) => errors.push(error.message))
      await second.goto(`${harness.url}/checkout`)
      await heading(second, 'Your basket')

      await first.getByRole('button', { name: 'One more Flowkit hoodie' }).click()
      await submit(first)
      await heading(first, 'Who should we send it to?')
      await heading(second, 'Who should we send it to?')
      const toldSecond = await notice(second)
      assert.deepEqual([toldSecond.kind, toldSecond.source], ['updated', 'tab'])
      await expectScreen(second, 'Who should we send it to?', shot('tabs-second-followed'))
      assert.equal(await first.getByTestId('sync-notice').count(), 0)

      await second.getByLabel('Full name').fill('Ada Lovelace')
      await submit(second)
      await heading(second, 'Where should we send it?')
      await second.getByLabel('Address line 1').fill('1 Main Street')
      await second.getByLabel('Town or city').fill('Dublin')
      await second.getByLabel('Postcode').fill('D02 X285')
      await second.getByLabel('Country').selectOption('IE')
      await submit(second)
      await heading(second, 'Billing address')
      await heading(first, 'Billing address')
      const toldFirst = await notice(first)
      assert.deepEqual([toldFirst.kind, toldFirst.source], ['updated', 'tab'])
      // The notice names the steps by their titles, as the stepper does, not by ids such as 'shipping.lines'.
      assert.match(toldFirst.text ?? '', /'Shipping address: Address'/)
      assert.doesNotMatch(toldFirst.text ?? '', /'[a-z]\w*\.[\w.]+'/, 'no internal step id in the notice')
      await expectScreen(first, 'Billing address', shot('tabs-first-followed'))
      assert.equal((await panelState(first)).shipping.fullName, 'Ada Lovelace')
      assert.deepEqual(unexpected(errors), [])
      await context.close()
    })

    it('checkout in two tabs: the card number and security code typed in one tab stay there when the other tab changes the flow', async () => {
      const { page: a, context, errors } = await openPage(harness)
      await a.goto(`${harness.url}/checkout`)
      await heading(a, 'Your basket')
      const b = await context.newPage()
      b.on('pageerror', (error) => errors.push(error.message))
      await b.goto(`${harness.url}/checkout`)
      await heading(b, 'Your basket')
      await a.getByRole('button', { name: 'One more Flowkit hoodie' }).click()
      await submit(a)
      await a.getByLabel('Full name').fill('Ada Lovelace')
      await submit(a)
      await heading(a, 'Where should we send it?')
      await a.getByLabel('Address line 1').fill('1 Main Street')
      await a.getByLabel('Town or city').fill('Dublin')
      await a.getByLabel('Postcode').fill('D02 X285')
      await a.getByLabel('Country').selectOption('IE')
      await submit(a)
      await heading(a, 'Billing address')
      await a.getByRole('radio', { name: /^Yes/ }).click()
      await submit(a)
      await heading(a, 'How should it arrive?')
      await a.getByRole('radio', { name: /Express/ }).click()
      await submit(a)
      await heading(a, 'Payment')
      await heading(b, 'Payment')

      // A enters the card (number and security code are kept out of storage, so B never gets them).
      await a.getByRole('radio', { name: /Card/ }).click()
      await a.getByLabel('Card number').fill('4242 4242 4242 4242')
      await a.getByLabel('Security code').fill('123')
      await b.getByRole('radio', { name: /Card/ }).waitFor()
      await b.waitForTimeout(600) // A's draft (without the card) reaches B
      assert.equal(
        await b
          .getByLabel('Card number')
          .inputValue()
          .catch(() => ''),
        '',
        'the card number never leaves tab A',
      )

      // B changes the flow: it types the name on the card. A follows, and still holds its card number and code.
      await b.getByRole('radio', { name: /Card/ }).click()
      await b.getByLabel('Name on card').fill('Ada King')
      await a.waitForFunction(
        () => (document.querySelector<HTMLInputElement>('input[autocomplete="cc-name"]')?.value ?? '') === 'Ada King',
        undefined,
        { timeout: 10_000 },
      )
      assert.equal(await a.getByLabel('Name on card').inputValue(), 'Ada King', 'tab A follows B')
      assert.equal(await a.getByLabel('Card number').inputValue(), '4242 4242 4242 4242', 'tab A keeps its card number')
      assert.equal(await a.getByLabel('Security code').inputValue(), '123', 'tab A keeps its security code')
      await expectScreen(a, 'Payment', shot('tabs-card-kept'))
      assert.deepEqual(unexpected(errors), [])
      await context.close()
    })
  })
}
