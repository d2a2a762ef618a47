import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type DemoMode, type Harness, openPage, startHarness } from './harness'
import { answerDependant, expectScreen, fillAddressLines, panelState, serverVerdict, settle, submit, submittedJson } from './steps'

const partner = { name: 'William King', birthDate: '1985-02-21', relationship: 'Partner' }
const child = { name: 'Byron King', birthDate: '2016-05-12', relationship: 'Child' }
const other = { name: 'Mary King', birthDate: '1950-01-20', relationship: 'Other dependant' }

/** The names the dependants summary lists, top to bottom. */
const listed = (page: import('playwright-core').Page) => page.getByTestId('dependants-list').locator('dt').allTextContents()

// Sub-flows and repeats (issue 13) in Chromium, on the dev server (StrictMode) and on the built demo.
for (const mode of ['dev', 'build'] as const satisfies readonly DemoMode[]) {
  describe(`composed flows (${mode === 'dev' ? 'dev server' : 'built demo'})`, () => {
    let harness: Harness
    before(async () => {
      harness = await startHarness({ mode })
    })
    after(async () => {
      await harness?.close()
    })

    it('enrollment: adds, changes and removes dependants; a reload mid-item resumes; check answers changes one; the server verifies', async () => {
      const { page, context, errors } = await openPage(harness)
      const shot = (name: string) => `composed-${mode}-${name}`
      await page.goto(`${harness.url}/enrollment`)
      await expectScreen(page, 'About you', shot('about'))
      await page.getByLabel('Full name').fill('Ada King')
      await page.getByLabel('Email address').fill('ada@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1990-12-10')
      await submit(page)
      await expectScreen(page, 'What is your home address?', shot('home'))
      await fillAddressLines(page)
      await expectScreen(page, 'Eligibility', shot('eligibility'))
      await page.getByRole('radio', { name: /^Employed/ }).click()
      await submit(page)
      await page.getByRole('textbox', { name: 'Employer' }).fill('Analytical Engines')
      await page.getByLabel('Job title').fill('Engineer')
      await submit(page)
      await expectScreen(page, 'Choose your plan', shot('plan'))
      await page.getByRole('radio', { name: /^Family/ }).click()
      await page.getByRole('radio', { name: /^Plus/ }).click()
      await submit(page)

      // A family plan needs a dependant: the first one's questions come straight away, one per page.
      await expectScreen(page, 'What is the full name of dependant 1?', shot('dependant-1-name'))
      await answerDependant(page, partner)
      await expectScreen(page, 'Who else is covered?', shot('summary-1'))
      assert.deepEqual(await listed(page), [partner.name])
      // The inspector lists the path in the order taken: the summary passed over (a family plan needs a dependant
      // first), the item's steps, then the summary.
      const path = await page.getByTestId('panel-path').locator('li').allTextContents()
      assert.deepEqual(path.slice(path.indexOf('plan')), [
        'plan',
        'dependants (skipped)',
        'dependants.0.name',
        'dependants.0.birthDate',
        'dependants.0.relationship',
        'dependants',
      ])
      assert.deepEqual(await page.getByTestId('panel-path').locator('li.current').allTextContents(), ['dependants'])

      // A family plan covers children: Continue says so, in words, and stays.
      await submit(page)
      assert.match((await page.getByTestId('step-problem').textContent()) ?? '', /A family plan covers children/)
      await expectScreen(page, 'Who else is covered?', shot('summary-problem'))

      // Add another; reload in the middle of the item: the same question, the name already given kept.
      await page.getByTestId('add-another').click()
      await settle(page)
      await expectScreen(page, 'What is the full name of dependant 2?', shot('dependant-2-name'))
      await page.getByLabel('Full name').fill(child.name)
      await submit(page)
      await expectScreen(page, 'What is dependant 2’s date of birth?', shot('dependant-2-birth'))
      await page.getByLabel('Date of birth', { exact: true }).fill(child.birthDate)
      await page.reload()
      await expectScreen(page, 'What is dependant 2’s date of birth?', shot('dependant-2-reloaded'))
      assert.equal(await page.getByLabel('Date of birth', { exact: true }).inputValue(), child.birthDate)
      assert.equal((await panelState(page)).dependants[1].name, child.name)
      await submit(page)
      await page.getByRole('radio', { name: /^Child/ }).click()
      await submit(page)
      await page.getByTestId('add-another').click()
      await settle(page)
      await answerDependant(page, other)
      await expectScreen(page, 'Who else is covered?', shot('summary-3'))
      assert.deepEqual(await listed(page), [partner.name, child.name, other.name])

      // Change from the summary: the item's pages, prefilled; the others stay.
      await page.getByRole('button', { name: `Change ${partner.name}` }).click()
      await settle(page)
      await expectScreen(page, 'What is the full name of dependant 1?', shot('change-1'))
      assert.equal(await page.getByLabel('Full name').inputValue(), partner.name)
      await page.getByLabel('Full name').fill('William King-Noel')
      await submit(page)
      assert.equal(await page.getByLabel('Date of birth', { exact: true }).inputValue(), partner.birthDate)
      await submit(page)
      assert.ok(await page.getByRole('radio', { name: /^Partner/ }).isChecked())
      await submit(page)
      assert.deepEqual(await listed(page), ['William King-Noel', child.name, other.name])

      // Remove asks first ("No" keeps them), then removes and says so.
      await page.getByRole('button', { name: `Remove ${other.name}` }).click()
      const question = page.getByRole('heading', { name: `Are you sure you want to remove ${other.name}?` })
      assert.ok(await question.evaluate((el) => el === document.activeElement), 'focus moves to the question')
      await expectScreen(page, 'Who else is covered?', shot('remove-confirm'))
      await page.getByRole('button', { name: 'No, keep them' }).click()
      assert.equal((await listed(page)).length, 3)
      await page.getByRole('button', { name: `Remove ${other.name}` }).click()
      await page.getByRole('button', { name: `Yes, remove ${other.name}` }).click()
      await settle(page)
      assert.deepEqual(await listed(page), ['William King-Noel', child.name])
      assert.equal(await page.getByTestId('repeat-status').textContent(), `${other.name} was removed.`)
      await expectScreen(page, 'Who else is covered?', shot('removed'))
      await submit(page)

      await expectScreen(page, 'Consents', shot('consents'))
      await page.getByRole('checkbox', { name: /I accept the terms/ }).check()
      await page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
      await submit(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('review'))

      // Check answers lists each dependant with its own Change links; one answer changed, back to review, the rest kept.
      await page.getByRole('button', { name: 'Change dependant 2: date of birth' }).click()
      await settle(page)
      await expectScreen(page, 'What is dependant 2’s date of birth?', shot('review-change-birth'))
      await page.getByLabel('Date of birth', { exact: true }).fill('2017-06-01')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('review-changed'))
      const review = page.locator('.summary-list')
      assert.match((await review.textContent()) ?? '', /1 June 2017/)
      assert.match((await review.textContent()) ?? '', /William King-Noel/)

      await submit(page)
      await expectScreen(page, 'Enrollment complete', shot('done'))
      const submitted = await submittedJson(page)
      assert.deepEqual(
        submitted.dependants.map((d: { name: string }) => d.name),
        ['William King-Noel', child.name],
      )
      assert.equal(submitted.dependants[1].birthDate, '2017-06-01')
      assert.equal(submitted.home.verified, true)
      // The Flowkit server replayed every item (added, changed, removed) and accepted it.
      assert.equal(await serverVerdict(page), 'verified')
      assert.deepEqual(errors, [])
      await context.close()
    })

    it("enrollment dependants: the plan's rule is said once Continue is tried, and goes as soon as a dependant removed makes them fit", async () => {
      const { page, context, errors } = await openPage(harness)
      const shot = (name: string) => `composed-${mode}-rule-${name}`
      const problem = page.getByTestId('step-problem')
      await page.goto(`${harness.url}/enrollment`)
      await expectScreen(page, 'About you', shot('about'))
      await page.getByLabel('Full name').fill('Ada King')
      await page.getByLabel('Email address').fill('ada@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1990-12-10')
      await submit(page)
      await fillAddressLines(page)
      await page.getByRole('radio', { name: /^Employed/ }).click()
      await submit(page)
      await page.getByRole('textbox', { name: 'Employer' }).fill('Analytical Engines')
      await page.getByLabel('Job title').fill('Engineer')
      await submit(page)
      await expectScreen(page, 'Choose your plan', shot('plan'))
      await page.getByRole('radio', { name: /^Me and a partner/ }).click()
      await page.getByRole('radio', { name: /^Essential/ }).click()
      await submit(page)
      await answerDependant(page, partner)
      await page.getByTestId('add-another').click()
      await settle(page)
      await answerDependant(page, child)
      // Two dependants do not fit "Me and a partner", but nothing is said before the user tries to go on.
      await expectScreen(page, 'Who else is covered?', shot('summary'))
      assert.equal(await problem.count(), 0)
      await submit(page)
      assert.match((await problem.textContent()) ?? '', /covers two adults only/)
      assert.ok(
        await page.getByTestId('step-problem-box').evaluate((el) => el === document.activeElement),
        'focus moves to the problem, as to an error summary',
      )
      await expectScreen(page, 'Who else is covered?', shot('summary-problem'))
      // Removing the child makes them fit: the message goes at once, and Continue goes on.
      await page.getByRole('button', { name: `Remove ${child.name}` }).click()
      await page.getByRole('button', { name: `Yes, remove ${child.name}` }).click()
      await settle(page)
      assert.deepEqual(await listed(page), [partner.name])
      assert.equal(await problem.count(), 0, 'the problem follows the dependants')
      await expectScreen(page, 'Who else is covered?', shot('summary-fits'))
      await submit(page)
      await expectScreen(page, 'Consents', shot('consents'))
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('enrollment check answers: a changed plan asks what the new path needs; a dependant changed keeps the URL and Back in step', async () => {
      const { page, context, errors } = await openPage(harness)
      const shot = (name: string) => `composed-${mode}-review-${name}`
      const stepInUrl = () => new URL(page.url()).searchParams.get('step')
      const serviceErrors = () => page.getByTestId('service-error').count()
      await page.goto(`${harness.url}/enrollment`)
      await expectScreen(page, 'About you', shot('about'))
      await page.getByLabel('Full name').fill('Ada King')
      await page.getByLabel('Email address').fill('ada@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1990-12-10')
      await submit(page)
      await expectScreen(page, 'What is your home address?', shot('home'))
      await fillAddressLines(page)
      await page.getByRole('radio', { name: /^Employed/ }).click()
      await submit(page)
      await page.getByRole('textbox', { name: 'Employer' }).fill('Analytical Engines')
      await page.getByLabel('Job title').fill('Engineer')
      await submit(page)
      await expectScreen(page, 'Choose your plan', shot('plan'))
      await page.getByRole('radio', { name: /^Just me/ }).click()
      await page.getByRole('radio', { name: /^Essential/ }).click()
      await submit(page)
      await expectScreen(page, 'Consents', shot('consents'))
      await page.getByRole('checkbox', { name: /I accept the terms/ }).check()
      await page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
      await submit(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('single'))

      // A family plan instead: the way back stops on each step the new path needs, with no error on the way.
      await page.getByRole('button', { name: 'Change plan' }).click()
      await settle(page)
      await page.getByRole('radio', { name: /^Family/ }).click()
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'What is the full name of dependant 1?', shot('family-dependant-1'))
      assert.equal(await serviceErrors(), 0)
      await answerDependant(page, partner)
      // A partner alone does not fit a family plan: the summary says so, in words, instead of an error.
      await expectScreen(page, 'Who else is covered?', shot('family-needs-child'))
      assert.equal(await serviceErrors(), 0, 'no generic error on the way back')
      assert.match((await page.getByTestId('step-problem').textContent()) ?? '', /A family plan covers children/)
      await page.getByTestId('add-another').click()
      await settle(page)
      await answerDependant(page, child)
      await expectScreen(page, 'Check your answers before you enrol', shot('family'))
      assert.equal(await serviceErrors(), 0)
      assert.match((await page.locator('.summary-list').textContent()) ?? '', /Family, Essential[\s\S]*William King[\s\S]*Byron King/)

      // A dependant's Change link goes back to the summary and on to the item's step: the URL names that step.
      await page.getByRole('button', { name: 'Change dependant 2: date of birth' }).click()
      await settle(page)
      await expectScreen(page, 'What is dependant 2’s date of birth?', shot('change-birth'))
      assert.equal(stepInUrl(), 'dependants.1.birthDate')
      await page.getByLabel('Date of birth', { exact: true }).fill('2017-06-01')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('changed-birth'))
      assert.equal(stepInUrl(), 'review')
      // Another Change link after it still goes where it says.
      await page.getByRole('button', { name: 'Change dependant 1: name' }).click()
      await settle(page)
      await expectScreen(page, 'What is the full name of dependant 1?', shot('change-name'))
      assert.equal(stepInUrl(), 'dependants.0.name')
      await page.getByLabel('Full name').fill('William King-Noel')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('changed-name'))
      assert.equal(stepInUrl(), 'review')
      // The browser's Back button goes to the step before review, in the app, and Forward comes back.
      await page.goBack()
      await settle(page)
      await expectScreen(page, 'Consents', shot('back'))
      assert.equal(stepInUrl(), 'consents')
      await page.goForward()
      await settle(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('forward'))
      const review = (await page.locator('.summary-list').textContent()) ?? ''
      assert.match(review, /William King-Noel/)
      assert.match(review, /1 June 2017/)

      // The list has its own Change link, to the summary; a dependant opened there shows each of its pages in turn.
      await page.getByRole('button', { name: 'Change dependants', exact: true }).click()
      await settle(page)
      await expectScreen(page, 'Who else is covered?', shot('change-list'))
      await page.getByRole('button', { name: `Change ${child.name}`, exact: true }).click()
      await settle(page)
      await expectScreen(page, 'What is the full name of dependant 2?', shot('change-item-name'))
      await page.getByLabel('Full name').fill('Byron King-Noel')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'What is dependant 2’s date of birth?', shot('change-item-birth'))
      // A reload in the middle of the item: the change goes on, and the item's last page is still shown before review.
      await page.reload()
      await settle(page)
      await expectScreen(page, 'What is dependant 2’s date of birth?', shot('change-item-reloaded'))
      assert.equal(await page.getByLabel('Date of birth', { exact: true }).inputValue(), '2017-06-01')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      assert.equal(stepInUrl(), 'dependants.1.relationship')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('changed-item'))
      assert.match((await page.locator('.summary-list').textContent()) ?? '', /Byron King-Noel[\s\S]*1 June 2017/)

      // A step before the dependants changed (the plan's cover): the way back passes each visit of their summary, so every dependant stays.
      await page.getByRole('button', { name: 'Change plan' }).click()
      await settle(page)
      await page.getByRole('radio', { name: /^Plus/ }).click()
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'Check your answers before you enrol', shot('changed-cover'))
      assert.match((await page.locator('.summary-list').textContent()) ?? '', /Family, Plus[\s\S]*William King-Noel[\s\S]*Byron King-Noel/)
      assert.equal(await serviceErrors(), 0)
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('checkout: billing differs from delivery; its Change link on check answers walks the billing sub-flow and returns', async () => {
      const { page, context, errors } = await openPage(harness)
      const shot = (name: string) => `composed-${mode}-checkout-${name}`
      await page.goto(`${harness.url}/checkout`)
      await expectScreen(page, 'Your basket', shot('cart'))
      await page.getByRole('button', { name: 'One more Flowkit hoodie' }).click()
      await submit(page)
      await page.getByLabel('Full name').fill('Ada King')
      await submit(page)
      await fillAddressLines(page)
      await expectScreen(page, 'Billing address', shot('billing-same'))
      await page.getByRole('radio', { name: /^No/ }).click()
      await submit(page)
      // The same address sub-flow again, for billing.
      await expectScreen(page, 'Who should the bill be made out to?', shot('billing-name'))
      // The step's title after its sub-flow's, apart from the shipping address's Name step (one line on phones).
      assert.equal(await page.getByTestId('progress').locator('.progress-title').textContent(), 'Billing address: Name')
      assert.match((await page.getByTestId('progress-compact').textContent()) ?? '', /^Step \d+ of (at least )?\d+: Billing address: Name$/)
      await page.getByLabel('Full name').fill('Accounts')
      await submit(page)
      await expectScreen(page, 'What is the billing address?', shot('billing-lines'))
      await fillAddressLines(page, { line1: '1 Grand Parade', city: 'cork', postcode: 't12 x70a', country: 'Ireland' })
      await expectScreen(page, 'How should it arrive?', shot('delivery'))
      await page.getByRole('radio', { name: /^Standard/ }).click()
      await submit(page)
      await page.getByRole('radio', { name: /^Invoice/ }).click()
      await submit(page)
      await page.getByLabel('Company name').fill('Analytical Engines Ltd')
      await page.getByLabel('VAT number').fill('IE6388047V')
      await page.getByLabel('Billing email').fill('accounts@example.com')
      await submit(page)
      await expectScreen(page, 'Check your answers before placing your order', shot('review'))
      const review = page.locator('.summary-list')
      assert.match((await review.textContent()) ?? '', /1 Grand Parade/)

      await page.getByRole('button', { name: 'Change billing address' }).click()
      await settle(page)
      await expectScreen(page, 'Who should the bill be made out to?', shot('change-billing-name'))
      assert.equal(await page.getByLabel('Full name').inputValue(), 'Accounts')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'What is the billing address?', shot('change-billing-lines'))
      assert.equal(await page.getByLabel('Address line 1').inputValue(), '1 Grand Parade')
      await page.getByLabel('Address line 1').fill('2 Grand Parade')
      await page.getByRole('button', { name: 'Save and return to review' }).click()
      await settle(page)
      await expectScreen(page, 'Check your answers before placing your order', shot('review-changed'))
      assert.match((await review.textContent()) ?? '', /2 Grand Parade/)
      assert.match((await review.textContent()) ?? '', /1 Main Street/)
      const state = await panelState(page)
      assert.equal(state.billing.line1, '2 Grand Parade')
      assert.equal(state.delivery.method, 'standard')
      assert.equal(state.company.name, 'Analytical Engines Ltd')

      await submit(page)
      await expectScreen(page, 'Order placed', shot('done'))
      assert.equal((await submittedJson(page)).billing.city, 'Cork')
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}
