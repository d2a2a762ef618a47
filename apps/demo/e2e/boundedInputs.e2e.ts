import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { type DemoMode, type Harness, openPage, startHarness } from './harness'
import { expectScreen, fillAddressLines, panelState, settle, submit, summaryMessages } from './steps'

/** Every text box on the page with its `maxLength` (-1 when it has none). */
const textBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('main input, main textarea')]
      .filter((el) => !['radio', 'checkbox', 'hidden', 'date'].includes(el.type))
      .map((el) => `${el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.id}: ${el.maxLength}`),
  )

/** Fails naming any text box on the page that takes text of any length. */
const assertAllBounded = async (page: Page) => {
  const boxes = await textBoxes(page)
  assert.ok(boxes.length > 0, 'no text boxes on this page')
  assert.deepEqual(
    boxes.filter((box) => box.endsWith(': -1')),
    [],
    `text boxes without maxLength: ${boxes.join(', ')}`,
  )
}

/** How far the page and the widest answer on the review page reach past their boxes, in px (0 when they wrap). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const answers = [...document.querySelectorAll<HTMLElement>('.summary-row dd')]
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      answer: Math.max(...answers.map((dd) => dd.scrollWidth - dd.clientWidth)),
      list:
        Math.max(...answers.map((dd) => dd.getBoundingClientRect().right)) -
        (document.querySelector('.summary-list')?.getBoundingClientRect().right ?? 0),
    }
  })

for (const mode of ['dev', 'build'] as const satisfies readonly DemoMode[]) {
  describe(`bounded inputs (${mode === 'dev' ? 'npm run demo: dev server, StrictMode' : 'the built demo'})`, () => {
    let harness: Harness
    before(async () => {
      harness = await startHarness({ mode })
    })
    after(async () => {
      await harness?.close()
    })

    for (const width of [1280, 390]) {
      it(`stops a long name at its maximum and wraps the longest answers on the review page (${width}px wide)`, async () => {
        const { page, context, errors } = await openPage(harness, { width })
        await page.goto(`${harness.url}/enrollment`)
        await expectScreen(page, 'About you', `bounded-${mode}-${width}-about`)
        await assertAllBounded(page)
        await page.getByLabel('Full name').fill('W'.repeat(5000))
        const name = await page.getByLabel('Full name').inputValue()
        assert.equal(name, 'W'.repeat(100), 'the name input takes at most 100 characters')
        await page.getByLabel('Email address').fill(`${'g'.repeat(242)}@example.com`)
        await page.getByLabel('Date of birth', { exact: true }).fill('1990-12-09')
        await submit(page)
        await expectScreen(page, 'What is your home address?', `bounded-${mode}-${width}-home`)
        await assertAllBounded(page)
        await fillAddressLines(page)

        await expectScreen(page, 'Eligibility', `bounded-${mode}-${width}-eligibility`)
        await page.getByRole('radio', { name: /Employed/ }).click()
        await submit(page)
        await expectScreen(page, 'Your employment', `bounded-${mode}-${width}-employment`)
        await assertAllBounded(page)
        await page.getByRole('textbox', { name: 'Employer' }).fill('E'.repeat(500))
        await page.getByLabel('Job title').fill('J'.repeat(500))
        await submit(page)

        await expectScreen(page, 'Choose your plan', `bounded-${mode}-${width}-plan`)
        await page.getByRole('radio', { name: /Just me/ }).click()
        await page.getByRole('radio', { name: /^Essential/ }).click()
        await submit(page)
        await expectScreen(page, 'Consents', `bounded-${mode}-${width}-consents`)
        await page.getByRole('checkbox', { name: /I accept the terms/ }).check()
        await page.getByRole('checkbox', { name: /I agree to how my data is used/ }).check()
        await submit(page)

        await expectScreen(page, 'Check your answers before you enrol', `bounded-${mode}-${width}-review`)
        assert.ok((await page.locator('.summary-row dd').allTextContents()).includes(name), 'the review page shows the name')
        assert.deepEqual(await overflow(page), { page: 0, answer: 0, list: 0 }, 'an answer reaches past the page')
        assert.deepEqual(errors, [])
        await context.close()
      })
    }

    it('a pasted ID with spaces around it is kept whole: the spaces do not count toward its maximum, and nothing is cut off', async () => {
      const { page, context, errors } = await openPage(harness)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url })
      /** Pastes `text` into `box` as a user does (the clipboard, then Ctrl+V). */
      const paste = async (box: ReturnType<Page['getByLabel']>, text: string) => {
        await page.evaluate((t) => navigator.clipboard.writeText(t), text)
        await box.fill('')
        await box.focus()
        await page.keyboard.press('ControlOrMeta+V')
      }
      await page.goto(`${harness.url}/enrollment`)
      await page.getByLabel('Full name').fill('Grace Hopper')
      await page.getByLabel('Email address').fill('grace@example.com')
      await page.getByLabel('Date of birth', { exact: true }).fill('1990-12-09')
      await submit(page)
      await fillAddressLines(page)
      await expectScreen(page, 'Eligibility', `bounded-${mode}-paste-eligibility`)
      await page.getByRole('radio', { name: /Student/ }).click()
      await submit(page)
      await expectScreen(page, 'Your studies', `bounded-${mode}-paste-studies`)
      const studentId = page.getByLabel('Student ID')
      assert.equal(await studentId.getAttribute('maxlength'), '12')

      // Copied with a space before it (and after): 12 characters of ID, the most it takes.
      await paste(studentId, ' AB1234567890 ')
      assert.equal(await studentId.inputValue(), 'AB1234567890', 'the whole ID, without the spaces around it')
      assert.equal(await page.getByTestId('too-long').count(), 0)

      // Longer than its maximum even without spaces: kept whole (not silently cut to 12), and the field says so.
      await paste(studentId, 'AB12345678901')
      assert.equal(await studentId.inputValue(), 'AB12345678901')
      assert.match((await page.getByTestId('too-long').textContent()) ?? '', /Student ID is 13 characters: keep it to 12 or fewer/)
      const described = (await studentId.getAttribute('aria-describedby')) ?? ''
      assert.ok(
        described.split(' ').some((id) => id.endsWith('-length')),
        'the length message describes the box',
      )
      await expectScreen(page, 'Your studies', `bounded-${mode}-paste-too-long`)

      await paste(studentId, '  AB1234567890\n')
      assert.equal(await studentId.inputValue(), 'AB1234567890')
      await page.getByLabel('School, college or university').fill('Yale')
      await page.getByLabel('Expected graduation year').fill('2030')
      await submit(page)
      await expectScreen(page, 'Choose your plan', `bounded-${mode}-paste-plan`)
      assert.equal((await panelState(page)).student?.studentId, 'AB1234567890')
      assert.deepEqual(errors, [])
      await context.close()
    })

    it('refuses a quantity that is not a whole number under its product, and its summary link focuses it', async () => {
      const { page, context, errors } = await openPage(harness)
      await page.goto(`${harness.url}/checkout`)
      await expectScreen(page, 'Your basket', `bounded-${mode}-cart`)
      await assertAllBounded(page)
      for (const typed of ['2.5', '1e3', '-3']) {
        await page.getByLabel('Quantity of Sticker pack').fill(typed)
        await submit(page)
        assert.deepEqual(await summaryMessages(page), ['Enter a whole number from 0 to 10, like 2'])
        assert.equal(await page.getByLabel('Quantity of Sticker pack').inputValue(), typed, 'what was typed is kept, not rewritten')
      }
      await expectScreen(page, 'Your basket', `bounded-${mode}-cart-quantity-error`)
      await page.locator('.error-summary').getByRole('link').click()
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Quantity of Sticker pack')
      const described = await page.getByLabel('Quantity of Sticker pack').getAttribute('aria-describedby')
      assert.match((await page.locator(`[id="${described}"]`).textContent()) ?? '', /Enter a whole number from 0 to 10/)

      await page.getByLabel('Quantity of Sticker pack').fill('3')
      await submit(page)
      await settle(page)
      await expectScreen(page, 'Who should we send it to?', `bounded-${mode}-shipping-name`)
      await assertAllBounded(page)
      await page.getByLabel('Full name').fill('Ada Lovelace')
      await submit(page)
      await expectScreen(page, 'Where should we send it?', `bounded-${mode}-shipping`)
      await assertAllBounded(page)
      assert.deepEqual(errors, [])
      await context.close()
    })
  })
}
