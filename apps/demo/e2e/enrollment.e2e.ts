import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Harness, openPage, startHarness } from './harness'
import {
  answerDependant,
  chooseByKeyboard,
  describedText,
  expectScreen,
  fillAddressLines,
  panelState,
  pressByKeyboard,
  serverVerdict,
  settle,
  submit,
  submittedJson,
  summaryMessages,
  tabTo,
  typeAddressLines,
  typeInto,
} from './steps'

let harness: Harness
before(async () => {
  harness = await startHarness()
})
after(async () => {
  await harness?.close()
})

const nextYear = String(new Date().getFullYear() + 1)

describe('enrollment', () => {
  it('is completed by mouse: student branch changed to employed drops the student answers; family plan asks for dependants', async () => {
    const { page, context, errors } = await openPage(harness)
    await page.goto(`${harness.url}/enrollment`)
    await expectScreen(page, 'About you', 'enrollment-mouse-about')
    // The total is a lower bound until the eligibility and plan are chosen: the demo says so in words.
    assert.match((await page.locator('.progress-count').textContent()) ?? '', /^Step 1 of at least \d+$/)
    await page.getByLabel('Email address').fill('grace@')
    await submit(page)
    assert.deepEqual(await summaryMessages(page), [
      'Enter your full name',
      'Enter an email address in the correct format, like name@example.com',
      'Enter your date of birth',
    ])
    await expectScreen(page, 'About you', 'enrollment-mouse-about-errors')
    // Each field is described by its own message (the ids @flowkit/react's useField gives).
    assert.equal(await page.getByLabel('Full name').getAttribute('aria-invalid'), 'true')
    assert.equal(await describedText(page.getByLabel('Full name')), 'Error: Enter your full name')
    assert.equal(
      await describedText(page.getByLabel('Email address')),
      'We send your policy documents here Error: Enter an email address in the correct format, like name@example.com',
    )
    await page.getByLabel('Full name').fill('Grace Hopper')
    await page.getByLabel('Email address').fill('grace@example.com')
    await page.getByLabel('Date of birth', { exact: true }).fill('1990-12-09')
    await submit(page)

    // The home address: the address sub-flow, named after the applicant (its name step passed over).
    await expectScreen(page, 'What is your home address?', 'enrollment-mouse-home')
    await fillAddressLines(page)
    await expectScreen(page, 'Eligibility', 'enrollment-mouse-eligibility')
    await page.getByRole('radio', { name: /Student/ }).click()
    await submit(page)
    await expectScreen(page, 'Your studies', 'enrollment-mouse-student')
    await page.getByLabel('School, college or university').fill('Trinity College Dublin')
    await page.getByLabel('Student ID').fill('TCD12345')
    await page.getByLabel('Expected graduation year').fill(nextYear)
    await submit(page)

    await expectScreen(page, 'Choose your plan', 'enrollment-mouse-plan')
    await submit(page)
    assert.equal(
      await describedText(page.getByRole('group', { name: 'Who should the plan cover?' })),
      'A plan for just you skips the dependants step. Error: Select a plan',
    )
    await page.getByRole('radio', { name: /Family/ }).click()
    await page.getByRole('radio', { name: /Plus/ }).click()
    await submit(page)
    // Dependants, one at a time: the first one's steps straight away (a family plan needs one), then the summary.
    await expectScreen(page, 'What is the full name of dependant 1?', 'enrollment-mouse-dependant-name')
    await answerDependant(page, { name: 'Alan Hopper', birthDate: '2019-05-01', relationship: 'Child' })
    await expectScreen(page, 'Who else is covered?', 'enrollment-mouse-dependants')
    await submit(page)

    // Reload mid-flow resumes on the same step.
    await page.reload()
    await expectScreen(page, 'Consents', 'enrollment-mouse-consents')
    await submit(page)
    assert.deepEqual(await summaryMessages(page), [
      'You must accept the terms of cover to enrol',
      'You must agree to how we use your data to enrol',
    ])
    await page.getByRole('checkbox', { name: /I accept the terms/ }).check()
    await page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
    await submit(page)
    await expectScreen(page, 'Check your answers before you enrol', 'enrollment-mouse-review-student')

    // Branch change: employed instead of student. The new branch's step is asked, then back to review.
    await page.getByRole('button', { name: 'Change you are' }).click()
    await expectScreen(page, 'Eligibility', 'enrollment-mouse-change-eligibility')
    await page.getByRole('radio', { name: /Employed/ }).click()
    await page.reload()
    await expectScreen(page, 'Eligibility', 'enrollment-mouse-change-eligibility-reloaded')
    assert.ok(await page.getByRole('radio', { name: /Employed/ }).isChecked())
    await page.getByRole('button', { name: 'Save and return to review' }).click()
    await settle(page)
    await expectScreen(page, 'Your employment', 'enrollment-mouse-employment')
    await page.getByRole('textbox', { name: 'Employer' }).fill('Remington Rand')
    await page.getByLabel('Job title').fill('Engineer')
    await page.getByRole('button', { name: 'Save and return to review' }).click()
    await settle(page)
    await expectScreen(page, 'Check your answers before you enrol', 'enrollment-mouse-review-employed')
    assert.equal(await page.getByRole('button', { name: 'Change studies' }).count(), 0)
    assert.equal((await panelState(page)).student, null)

    await submit(page)
    await expectScreen(page, 'Enrollment complete', 'enrollment-mouse-done')
    const submitted = await submittedJson(page)
    assert.equal(submitted.student, null, 'the abandoned student branch is not submitted')
    assert.deepEqual(submitted.employment, { employer: 'Remington Rand', jobTitle: 'Engineer', employerPays: false })
    assert.equal(submitted.dependants.length, 1)
    assert.match(submitted.receipt.reference, /^ENR-/)
    // The Flowkit server replayed the whole journey, branch change included, and accepted it.
    assert.equal(await serverVerdict(page), 'verified')
    assert.match((await page.getByTestId('server-reference').textContent()) ?? '', /^ENR-/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('is completed by keyboard alone: single plan skips dependants, back button, failed submission retried', async () => {
    const { page, context, errors } = await openPage(harness, { width: 420, colorScheme: 'dark' })
    await page.goto(`${harness.url}/enrollment`)
    await expectScreen(page, 'About you', 'enrollment-keyboard-about')
    await typeInto(page, page.getByLabel('Full name'), 'Katherine Johnson')
    await typeInto(page, page.getByLabel('Email address'), 'kj@example.com')
    await tabTo(page, page.getByLabel('Date of birth', { exact: true }))
    await page.keyboard.type('08261918')
    await pressByKeyboard(page, page.getByTestId('submit'))
    await expectScreen(page, 'What is your home address?', 'enrollment-keyboard-home')
    await typeAddressLines(page)

    await expectScreen(page, 'Eligibility', 'enrollment-keyboard-eligibility')
    await chooseByKeyboard(page, 'Which describes you best?', 'Something else')
    await pressByKeyboard(page, page.getByTestId('submit'))
    await expectScreen(page, 'Your circumstances', 'enrollment-keyboard-circumstances')
    await chooseByKeyboard(page, 'What is your situation?', 'Retired')
    await pressByKeyboard(page, page.getByTestId('submit'))

    await expectScreen(page, 'Choose your plan', 'enrollment-keyboard-plan')
    await chooseByKeyboard(page, 'Who should the plan cover?', 'Just me')
    await chooseByKeyboard(page, 'Level of cover', 'Essential')
    await pressByKeyboard(page, page.getByTestId('submit'))

    // A single plan skips the dependants step.
    await expectScreen(page, 'Consents', 'enrollment-keyboard-consents')
    assert.match((await page.getByTestId('panel-path').textContent()) ?? '', /dependants \(skipped\)/)
    assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuetext'), 'Step 6 of 7')

    // The browser back button goes to the plan step (not the skipped one), and forward returns.
    await page.goBack()
    await expectScreen(page, 'Choose your plan', 'enrollment-keyboard-back-to-plan')
    await page.goForward()
    await settle(page)
    await expectScreen(page, 'Consents', 'enrollment-keyboard-forward-to-consents')

    await tabTo(page, page.getByRole('checkbox', { name: /I accept the terms/ }))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('checkbox', { name: /I agree to how my data is used/ }))
    await page.keyboard.press('Space')
    await pressByKeyboard(page, page.getByTestId('submit'))
    await expectScreen(page, 'Check your answers before you enrol', 'enrollment-keyboard-review')

    await tabTo(page, page.getByTestId('fail-enrollment'))
    await page.keyboard.press('Space')
    await pressByKeyboard(page, page.getByTestId('submit'))
    assert.match((await page.getByTestId('service-error').textContent()) ?? '', /enrollment submission service did not respond/)
    await expectScreen(page, 'Check your answers before you enrol', 'enrollment-keyboard-submit-failed')
    await pressByKeyboard(page, page.getByRole('button', { name: 'Try again' }))
    await expectScreen(page, 'Enrollment complete', 'enrollment-keyboard-done')
    // The keyboard user lands on the confirmation's heading (moved there by @flowkit/react's <WorkflowDone>).
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Enrollment complete')
    const submitted = await submittedJson(page)
    assert.equal(submitted.dependants, null)
    assert.deepEqual(submitted.circumstances, { situation: 'retired' })
    assert.equal(await serverVerdict(page), 'verified')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
