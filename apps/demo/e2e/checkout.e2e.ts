import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Harness, openPage, startHarness } from './harness'
import {
  chooseByKeyboard,
  expectScreen,
  panelState,
  pressByKeyboard,
  settle,
  submit,
  submittedJson,
  summaryMessages,
  tabTo,
  typeInto,
} from './steps'

let harness: Harness
before(async () => {
  harness = await startHarness()
})
after(async () => {
  await harness?.close()
})

describe('checkout', () => {
  it('is completed by mouse: validation, promo check, address failure and retry, reload, back button, invoice branch changed to card', async () => {
    const { page, context, errors } = await openPage(harness)
    await page.goto(`${harness.url}/checkout`)
    await expectScreen(page, 'Your basket', 'checkout-mouse-cart')

    // Nothing chosen: a GOV.UK-style error summary, whose link moves focus to the field.
    await submit(page)
    assert.deepEqual(await summaryMessages(page), ['Add at least one item to your basket'])
    await expectScreen(page, 'Your basket', 'checkout-mouse-cart-errors')
    await page.locator('.error-summary').getByRole('link').click()
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Quantity of Flowkit hoodie')

    // An unknown promo code is rejected by the (slow) promo service; a real one is accepted.
    await page.getByRole('button', { name: 'One more Flowkit hoodie' }).click()
    await page.getByRole('button', { name: 'One more Sticker pack' }).click()
    await page.getByLabel('Promo code (optional)').fill('nope')
    await submit(page)
    assert.deepEqual(await summaryMessages(page), ['Promo code NOPE is not valid or has expired'])
    await page.getByLabel('Promo code (optional)').fill('flow10')
    await submit(page)

    // The delivery address: the address sub-flow's two steps (who it is for, then the lines).
    await expectScreen(page, 'Who should we send it to?', 'checkout-mouse-shipping-name')
    await page.getByLabel('Full name').fill('Ada Lovelace')
    await submit(page)
    await expectScreen(page, 'Where should we send it?', 'checkout-mouse-shipping')
    await page.getByLabel('Address line 1').fill('1 Main Street')
    await page.getByLabel('Town or city').fill('dublin')
    await page.getByLabel('Postcode').fill('d02 x285')
    await page.getByLabel('Country').selectOption('IE')

    // The address service fails once: the error shows, nothing typed is lost, retry works.
    await page.getByTestId('fail-address').check()
    await submit(page)
    assert.match((await page.getByTestId('service-error').textContent()) ?? '', /address check service did not respond/)
    assert.equal(await page.getByLabel('Address line 1').inputValue(), '1 Main Street')
    await expectScreen(page, 'Where should we send it?', 'checkout-mouse-shipping-failed')
    await page.getByRole('button', { name: 'Try again' }).click()
    await settle(page)
    await expectScreen(page, 'Billing address', 'checkout-mouse-billing-same')
    await page.getByRole('radio', { name: /^Yes/ }).click()
    await submit(page)
    await expectScreen(page, 'How should it arrive?', 'checkout-mouse-delivery')
    assert.equal((await panelState(page)).shipping.city, 'Dublin')

    // Reload mid-flow: the same step, with everything typed so far.
    await page.getByRole('radio', { name: /Express/ }).click()
    await page.reload()
    await expectScreen(page, 'How should it arrive?', 'checkout-mouse-delivery-reloaded')
    assert.ok(await page.getByRole('radio', { name: /Express/ }).isChecked())

    // The browser back button returns to the previous step, prefilled; forward goes on again.
    await page.goBack()
    await expectScreen(page, 'Billing address', 'checkout-mouse-billing-same-back')
    assert.ok(await page.getByRole('radio', { name: /^Yes/ }).isChecked())
    await page.goForward()
    await settle(page)
    await expectScreen(page, 'How should it arrive?', 'checkout-mouse-delivery-forward')

    await submit(page)
    await expectScreen(page, 'Payment', 'checkout-mouse-payment')
    await page.getByRole('radio', { name: /Invoice/ }).click()
    await submit(page)
    await expectScreen(page, 'Company details', 'checkout-mouse-company')
    await page.getByLabel('Company name').fill('Analytical Engines Ltd')
    await page.getByLabel('VAT number').fill('ie6388047v')
    await page.getByLabel('Billing email').fill('accounts@example.com')
    await submit(page)
    await expectScreen(page, 'Check your answers before placing your order', 'checkout-mouse-review-invoice')
    assert.equal(await page.getByTestId('total').textContent(), '€68.40')

    // Branch change from the check-answers page: pay by card instead; company details are dropped.
    await page.getByRole('button', { name: 'Change payment' }).click()
    await expectScreen(page, 'Payment', 'checkout-mouse-change-payment')
    await page.getByRole('radio', { name: /Card/ }).click()
    await page.getByLabel('Name on card').fill('Ada Lovelace')
    await page.getByLabel('Card number').fill('4242 4242 4242 4242')
    await page.getByLabel('Expiry date').fill('08/29')
    await page.getByLabel('Security code').fill('123')
    await page.getByRole('button', { name: 'Save and return to review' }).click()
    await settle(page)
    await expectScreen(page, 'Check your answers before placing your order', 'checkout-mouse-review-card')
    assert.equal(await page.getByRole('button', { name: 'Change company' }).count(), 0)

    await submit(page)
    await expectScreen(page, 'Order placed', 'checkout-mouse-confirmation')
    const submitted = await submittedJson(page)
    assert.equal(submitted.company, null)
    assert.deepEqual(submitted.payment, { method: 'card', name: 'Ada Lovelace', brand: 'Visa', last4: '4242', expiry: '08/29' })
    assert.deepEqual(submitted.cart.promo, { code: 'FLOW10', percentOff: 10, label: '10% off everything' })
    assert.match(submitted.order.orderId, /^FK-/)
    const stored = await page.evaluate(() => localStorage.getItem('flowkit-demo:checkout') ?? '')
    assert.ok(!stored.includes('4242 4242'), 'the card number must never be written to local storage')

    // A placed order stays placed: reload and the back button keep the confirmation.
    await page.reload()
    await expectScreen(page, 'Order placed', 'checkout-mouse-confirmation-reloaded')
    await page.goBack()
    await settle(page)
    await expectScreen(page, 'Order placed', 'checkout-mouse-confirmation-back')
    assert.match((await submittedJson(page)).order.orderId, /^FK-/)

    // Start over clears everything.
    await page.getByRole('button', { name: 'Start a new order' }).click()
    await expectScreen(page, 'Your basket', 'checkout-mouse-start-over')
    assert.equal(await page.getByTestId('subtotal').textContent(), '€0.00')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('is completed by keyboard alone: digital basket skips shipping, declined card and failed authorization are retried', async () => {
    const { page, context, errors } = await openPage(harness, { colorScheme: 'dark' })
    await page.goto(`${harness.url}/checkout`)
    await expectScreen(page, 'Your basket', 'checkout-keyboard-cart')

    await pressByKeyboard(page, page.getByRole('button', { name: 'One more Flowkit Pro licence' }))
    await pressByKeyboard(page, page.getByTestId('submit'))
    await expectScreen(page, 'How should it arrive?', 'checkout-keyboard-delivery')
    assert.match((await page.getByTestId('panel-path').textContent()) ?? '', /shipping\.name \(skipped\)/)
    // The inspector's diagram follows the run: shipping skipped, delivery current.
    const diagram = page.getByTestId('panel-diagram')
    assert.equal(await diagram.locator('[data-step="shipping.name"]').getAttribute('data-status'), 'skipped')
    assert.equal(await diagram.locator('[data-step="delivery"]').getAttribute('data-status'), 'current')
    assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuetext'), 'Step 2 of 4')

    await chooseByKeyboard(page, 'Delivery method', 'Email')
    await pressByKeyboard(page, page.getByTestId('submit'))
    await expectScreen(page, 'Payment', 'checkout-keyboard-payment')
    await chooseByKeyboard(page, 'How would you like to pay?', 'Card')
    await typeInto(page, page.getByLabel('Name on card'), 'Grace Hopper')
    await typeInto(page, page.getByLabel('Card number'), '4000 0000 0000 0002')
    await typeInto(page, page.getByLabel('Expiry date'), '12/30')
    await typeInto(page, page.getByLabel('Security code'), '999')
    await page.keyboard.press('Enter')
    await settle(page)
    await expectScreen(page, 'Check your answers before placing your order', 'checkout-keyboard-review')

    // The bank declines this card: the error says what to do; Change leads back to payment and returns.
    await pressByKeyboard(page, page.getByTestId('submit'))
    assert.match((await page.getByTestId('service-error').textContent()) ?? '', /declined the card ending 0002/)
    await expectScreen(page, 'Check your answers before placing your order', 'checkout-keyboard-declined')
    await pressByKeyboard(page, page.getByRole('button', { name: 'Change payment' }))
    await expectScreen(page, 'Payment', 'checkout-keyboard-change-card')
    assert.equal(await page.getByLabel('Name on card').inputValue(), 'Grace Hopper')
    await typeInto(page, page.getByLabel('Card number'), '4242424242424242')
    await pressByKeyboard(page, page.getByRole('button', { name: 'Save and return to review' }))
    await expectScreen(page, 'Check your answers before placing your order', 'checkout-keyboard-review-again')

    // The payment service is down once; the retry goes through.
    await page.getByTestId('fail-payment').focus()
    await page.keyboard.press('Space')
    await tabTo(page, page.getByTestId('submit'), { backwards: true })
    await page.keyboard.press('Enter')
    await settle(page)
    assert.match((await page.getByTestId('service-error').textContent()) ?? '', /payment authorization service did not respond/)
    await pressByKeyboard(page, page.getByRole('button', { name: 'Try again' }))
    await expectScreen(page, 'Order placed', 'checkout-keyboard-confirmation')
    const submitted = await submittedJson(page)
    assert.equal(submitted.shipping, null)
    assert.deepEqual(submitted.delivery, { method: 'email' })
    assert.deepEqual(errors, [])
    await context.close()
  })
})
