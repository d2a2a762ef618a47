import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Harness, openPage, screenshot, startHarness } from './harness'
import { expectScreen, fillAddressLines, panelState, saveState, serverVerdict, settle, submit, submittedJson } from './steps'

let harness: Harness
before(async () => {
  harness = await startHarness()
})
after(async () => {
  await harness?.close()
})

/** While the Flowkit server is down, Chromium logs each failed save as a console error: expected, not a bug. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 5\d\d/.test(e))

describe('save and continue later (enrollment, through @flowkit/server)', () => {
  it('resumes on another device from the link, then the server verifies the submission by replay', async () => {
    const first = await openPage(harness)
    const { page } = first
    await page.goto(`${harness.url}/enrollment`)
    await expectScreen(page, 'About you', 'resume-about')
    await page.getByLabel('Full name').fill('Mary Jackson')
    await page.getByLabel('Email address').fill('mary@example.com')
    await page.getByLabel('Date of birth', { exact: true }).fill('1985-04-09')
    await submit(page)
    await fillAddressLines(page)
    await expectScreen(page, 'Eligibility', 'resume-eligibility')
    await page.getByRole('radio', { name: /Employed/ }).click()
    await submit(page)
    await expectScreen(page, 'Your employment', 'resume-employment')
    await page.getByRole('textbox', { name: 'Employer' }).fill('NACA')
    await page.getByLabel('Job title').fill('Aerospace engineer')
    await submit(page)
    await expectScreen(page, 'Choose your plan', 'resume-plan')

    await page.getByTestId('save-later').click()
    const link = await page.getByTestId('resume-link').inputValue()
    assert.match(link, /\/enrollment\?resume=[\w-]{40,}$/)
    await saveState(page, 'saved')
    await expectScreen(page, 'Choose your plan', 'resume-link-shown')
    assert.deepEqual(first.errors, [])
    await first.context.close()

    // Another device: a new browser context, nothing in local storage.
    const second = await openPage(harness, { colorScheme: 'dark' })
    await second.page.goto(link)
    await expectScreen(second.page, 'Choose your plan', 'resume-other-device')
    await saveState(second.page, 'saved')
    assert.equal(new URL(second.page.url()).searchParams.get('resume'), null, 'the token is taken out of the address bar')
    const resumed = await panelState(second.page)
    assert.deepEqual(resumed.applicant, { fullName: 'Mary Jackson', email: 'mary@example.com', birthDate: '1985-04-09' })
    assert.deepEqual(resumed.employment, { employer: 'NACA', jobTitle: 'Aerospace engineer', employerPays: false })

    await second.page.getByRole('radio', { name: /Just me/ }).click()
    await second.page.getByRole('radio', { name: /^Essential/ }).click()
    await submit(second.page)
    await expectScreen(second.page, 'Consents', 'resume-other-device-consents')
    await second.page.getByRole('checkbox', { name: /I accept the terms/ }).check()
    await second.page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
    await submit(second.page)
    await expectScreen(second.page, 'Check your answers before you enrol', 'resume-other-device-review')
    await submit(second.page)
    await expectScreen(second.page, 'Enrollment complete', 'resume-other-device-done')
    assert.equal(await serverVerdict(second.page), 'verified')
    await second.page.getByText('What the server recorded').click()
    const stored = JSON.parse((await second.page.getByTestId('server-result').textContent()) ?? 'null')
    const submitted = await submittedJson(second.page)
    assert.deepEqual(stored.applicant, submitted.applicant)
    assert.deepEqual(stored.employment, submitted.employment)
    assert.deepEqual(stored.plan, { plan: 'single', tier: 'essential' })
    assert.match(stored.receipt.reference, /^ENR-/, 'the server keeps the receipt its own replay issued')
    await expectScreen(second.page, 'Enrollment complete', 'resume-server-verified')

    // The link is spent: the server refuses further saves, and reloading shows the recorded result.
    await second.page.reload()
    await expectScreen(second.page, 'Enrollment complete', 'resume-reload-after-submit')
    assert.equal(await serverVerdict(second.page), 'verified')

    // A new enrollment is a new server instance: the submitted one stays on record, untouched.
    await second.page.getByRole('button', { name: 'Start a new enrollment' }).click()
    await expectScreen(second.page, 'About you', 'resume-new-enrollment')
    await second.page.getByLabel('Full name').fill('Christine Darden')
    await second.page.getByLabel('Email address').fill('christine@example.com')
    await second.page.getByLabel('Date of birth', { exact: true }).fill('1982-09-10')
    await submit(second.page)
    await fillAddressLines(second.page)
    await expectScreen(second.page, 'Eligibility', 'resume-new-enrollment-eligibility')
    await saveState(second.page, 'saved')
    await second.page.getByTestId('save-later').click()
    const newLink = await second.page.getByTestId('resume-link').inputValue()
    assert.notEqual(newLink, link)
    assert.deepEqual(second.errors, [])
    await second.context.close()

    // The first link still opens the submitted enrollment and its server-verified result.
    const third = await openPage(harness)
    await third.page.goto(link)
    await expectScreen(third.page, 'Enrollment complete', 'resume-submitted-link-reopened')
    assert.equal(await serverVerdict(third.page), 'verified')
    assert.deepEqual(third.errors, [])
    await third.context.close()
  })

  it('keeps one copy across two tabs: the other tab follows each saved step and says so, with no conflict', async () => {
    const { page: first, context, errors } = await openPage(harness)
    await first.goto(`${harness.url}/enrollment`)
    await expectScreen(first, 'About you', 'tabs-first-about')
    await first.getByLabel('Full name').fill('Katherine Johnson')
    await first.getByLabel('Email address').fill('katherine@example.com')
    await first.getByLabel('Date of birth', { exact: true }).fill('1978-08-26')
    await submit(first)
    await fillAddressLines(first)
    await expectScreen(first, 'Eligibility', 'tabs-first-eligibility')
    await saveState(first, 'saved')

    const second = await context.newPage()
    second.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await second.goto(`${harness.url}/enrollment`)
    await expectScreen(second, 'Eligibility', 'tabs-second-eligibility')
    await saveState(second, 'saved')

    await first.getByRole('radio', { name: /Employed/ }).click()
    await submit(first)
    await expectScreen(first, 'Your employment', 'tabs-first-employment')
    await saveState(first, 'saved')

    // The second tab follows at once (it shares this browser's copy) and says where the change came from.
    await second.getByTestId('sync-notice').waitFor()
    assert.equal(await second.getByTestId('sync-notice').getAttribute('data-source'), 'tab')
    await expectScreen(second, 'Your employment', 'tabs-second-followed')
    assert.equal((await panelState(second)).eligibility, 'employed')
    await saveState(second, 'saved')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('says so when a resume link is unknown or expired, and starts from this browser instead', async () => {
    const { page, context, errors } = await openPage(harness)
    await page.goto(`${harness.url}/enrollment?resume=${'x'.repeat(43)}`)
    await expectScreen(page, 'About you', 'resume-bad-link')
    assert.match((await page.getByTestId('link-problem').textContent()) ?? '', /does not match a saved enrollment.*NOT_FOUND/)
    await page.getByLabel('Full name').fill('Annie Easley')
    await page.getByLabel('Email address').fill('annie@example.com')
    await page.getByLabel('Date of birth', { exact: true }).fill('1983-04-23')
    await submit(page)
    await fillAddressLines(page)
    await expectScreen(page, 'Eligibility', 'resume-bad-link-fresh-instance')
    await saveState(page, 'saved')
    // Chromium logs the refused load (404) as a console error; nothing else may fail.
    assert.deepEqual(
      errors.filter((e) => !/status of 404/.test(e)),
      [],
    )
    await context.close()
  })

  it('says "offline" while the server is down and keeps local progress, then saves by itself when it is back', async () => {
    await harness.flowkit.stop()
    const { page, context, errors } = await openPage(harness)
    try {
      await page.goto(`${harness.url}/enrollment`)
      await expectScreen(page, 'About you', 'offline-about')
      await page.getByLabel('Full name').fill('Dorothy Vaughan')
      await page.getByLabel('Email address').fill('dorothy@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1980-09-20')
      await submit(page)
      await fillAddressLines(page)
      await expectScreen(page, 'Eligibility', 'offline-eligibility')
      await saveState(page, 'offline')
      assert.match((await page.getByTestId('save-status').textContent()) ?? '', /Offline/)

      // Local progress still works: a reload resumes from this browser's copy.
      await page.reload()
      await expectScreen(page, 'Eligibility', 'offline-reloaded')
      await page.getByRole('radio', { name: /Student/ }).click()
      await submit(page)
      await expectScreen(page, 'Your studies', 'offline-student')
      await saveState(page, 'offline')

      // Asking for a link while offline says why there is none yet.
      await page.getByTestId('save-later').click()
      const panel = page.getByTestId('save-later-panel')
      await panel.getByTestId('save-later-pending').waitFor()
      assert.match((await panel.textContent()) ?? '', /kept on this device and will be saved when the connection is back/)
      assert.equal(await panel.getByTestId('resume-link').count(), 0)
      await expectScreen(page, 'Your studies', 'offline-save-later-refused')
    } finally {
      await harness.flowkit.start()
    }
    await saveState(page, 'saved', 40_000)
    await screenshot(page, 'offline-back-online')
    await page.getByTestId('save-later').click()
    const link = await page.getByTestId('resume-link').inputValue()
    await expectScreen(page, 'Your studies', 'offline-link-shown')
    assert.deepEqual(unexpected(errors), [])
    await context.close()

    // What was typed offline reached the server.
    const other = await openPage(harness)
    await other.page.goto(link)
    await expectScreen(other.page, 'Your studies', 'offline-resumed-elsewhere')
    await settle(other.page)
    const state = await panelState(other.page)
    assert.equal(state.applicant.fullName, 'Dorothy Vaughan')
    assert.equal(state.eligibility, 'student')
    assert.deepEqual(other.errors, [])
    await other.context.close()
  })

  it('"Save and continue later" on a fresh form says there is nothing to save yet, not that the server is down', async () => {
    const { page, context, errors } = await openPage(harness)
    await page.goto(`${harness.url}/enrollment`)
    await expectScreen(page, 'About you', 'nothing-to-save-about')
    await page.getByTestId('save-later').click()
    const panel = page.getByTestId('save-later-panel')
    await panel.getByTestId('save-later-pending').waitFor()
    const text = (await panel.textContent()) ?? ''
    assert.match(text, /Nothing to save yet/)
    assert.doesNotMatch(text, /cannot be reached|Not saved to the server/)
    await expectScreen(page, 'About you', 'nothing-to-save-panel')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it("a save the server refuses is said in words, its code as a reference; the server's own message only in the inspector", async () => {
    const { page, context, errors } = await openPage(harness)
    const message = 'the body is larger than 262144 bytes (maxBodyBytes); save less, or raise maxBodyBytes.'
    await page.route('**/api/flowkit/instances**', (route) =>
      ['POST', 'PUT'].includes(route.request().method())
        ? route.fulfill({
            status: 413,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'BODY_TOO_LARGE', message } }),
          })
        : route.continue(),
    )
    await page.goto(`${harness.url}/enrollment`)
    await expectScreen(page, 'About you', 'refused-about')
    await page.getByLabel('Full name').fill('Annie Easley')
    await page.getByLabel('Email address').fill('annie@example.com')
    await page.getByLabel('Date of birth', { exact: true }).fill('1983-04-23')
    await submit(page)
    await saveState(page, 'error')
    await page.getByTestId('save-later').click()
    const panel = page.getByTestId('save-later-panel')
    await panel.getByTestId('save-later-pending').waitFor()
    const text = (await panel.textContent()) ?? ''
    assert.match(text, /Your progress could not be saved to the server/)
    assert.match(
      text,
      /Your answers are too long to save\. Shorten the longest ones and try again\. Your answers are kept on this device\./,
    )
    assert.doesNotMatch(text, /maxBodyBytes|262144/)
    assert.equal(await panel.getByTestId('save-later-reason').textContent(), 'Reference: BODY_TOO_LARGE')
    assert.doesNotMatch((await page.locator('.app-main').textContent()) ?? '', /maxBodyBytes/)
    assert.equal(await page.getByTestId('panel-save').textContent(), `error · BODY_TOO_LARGE: ${message}`)
    await expectScreen(page, 'What is your home address?', 'refused-save-later')
    assert.deepEqual(
      errors.filter((e) => !/status of 413/.test(e)),
      [],
    )
    await context.close()
  })

  it('a submission the server refuses is said in words, naming the step by its title, with no developer message', async () => {
    const { page, context, errors } = await openPage(harness)
    const message = "replaying step 'plan' with action #1 gave another state than the client's (definition version 3 vs 2)"
    await page.route('**/api/flowkit/instances/*/submit', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'SNAPSHOT_MISMATCH', message, step: 'plan' } }),
      }),
    )
    await page.goto(`${harness.url}/enrollment`)
    await expectScreen(page, 'About you', 'refused-submit-about')
    await page.getByLabel('Full name').fill('Annie Easley')
    await page.getByLabel('Email address').fill('annie@example.com')
    await page.getByLabel('Date of birth', { exact: true }).fill('1983-04-23')
    await submit(page)
    await fillAddressLines(page)
    await page.getByRole('radio', { name: /^Employed/ }).click()
    await submit(page)
    await page.getByRole('textbox', { name: 'Employer' }).fill('NASA')
    await page.getByLabel('Job title').fill('Programmer')
    await submit(page)
    await page.getByRole('radio', { name: /^Just me/ }).click()
    await page.getByRole('radio', { name: /^Essential/ }).click()
    await submit(page)
    await page.getByRole('checkbox', { name: /I accept the terms/ }).check()
    await page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
    await submit(page)
    await expectScreen(page, 'Check your answers before you enrol', 'refused-submit-review')
    await submit(page)
    assert.equal(await serverVerdict(page), 'refused')
    assert.equal(
      await page.getByTestId('server-refusal').textContent(),
      'This page was made by another version of the form, so the server could not check your answers. It stopped at “Plan”.',
    )
    assert.equal(await page.getByTestId('server-refusal-reason').textContent(), 'Reference: SNAPSHOT_MISMATCH')
    await expectScreen(page, 'Enrollment complete', 'refused-submit-done')
    assert.deepEqual(
      errors.filter((e) => !/status of 422/.test(e)),
      [],
    )
    await context.close()
  })

  it('saved once, then offline: "Save and continue later" says the new answers wait on this device, and gives the link once they are saved', async () => {
    const { page, context, errors } = await openPage(harness)
    try {
      await page.goto(`${harness.url}/enrollment`)
      await expectScreen(page, 'About you', 'offline-later-about')
      await page.getByLabel('Full name').fill('Katherine Johnson')
      await page.getByLabel('Email address').fill('katherine@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1978-08-26')
      await submit(page)
      await fillAddressLines(page)
      await expectScreen(page, 'Eligibility', 'offline-later-eligibility')
      await saveState(page, 'saved') // the server has the flow: the status holds a token from now on

      await harness.flowkit.stop()
      await page.getByRole('radio', { name: /Student/ }).click()
      await submit(page)
      await expectScreen(page, 'Your studies', 'offline-later-student')
      await saveState(page, 'offline')
      await page.getByTestId('save-later').click()
      const panel = page.getByTestId('save-later-panel')
      await panel.getByTestId('save-later-pending').waitFor()
      const text = (await panel.textContent()) ?? ''
      assert.doesNotMatch(text, /Your progress is saved/)
      assert.match(text, /Not saved to the server yet/)
      assert.match(text, /kept on this device and will be saved when the connection is back/)
      assert.match(text, /appears here once they are saved/)
      assert.equal(await panel.getByTestId('resume-link').count(), 0, 'no link while the latest answers are only on this device')
      await expectScreen(page, 'Your studies', 'offline-later-not-saved-yet')
    } finally {
      await harness.flowkit.start()
    }
    // Back online: the open panel turns into the link by itself, and the link has what was answered offline.
    await saveState(page, 'saved', 40_000)
    const panel = page.getByTestId('save-later-panel')
    await panel.getByTestId('resume-link').waitFor()
    assert.match((await panel.textContent()) ?? '', /Your progress is saved/)
    const link = await panel.getByTestId('resume-link').inputValue()
    assert.deepEqual(unexpected(errors), [])
    await context.close()

    const other = await openPage(harness)
    await other.page.goto(link)
    await expectScreen(other.page, 'Your studies', 'offline-later-resumed-elsewhere')
    await settle(other.page)
    assert.equal((await panelState(other.page)).eligibility, 'student')
    assert.deepEqual(other.errors, [])
    await other.context.close()
  })
})
