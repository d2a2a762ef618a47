import type { JourneyProfile } from './simulateJourneys'

/** How people go through the demo's enrollment (apps/demo/src/flows/enrollment.ts): guessed, but shaped like real forms. */
export const enrollmentProfile: JourneyProfile = {
  stall: 0.12,
  otherDevice: 0.4,
  submitted: 0.97,
  steps: {
    about: { seconds: 45, dropOff: 0.1, invalid: [0.3, ['email', 'birthDate', 'fullName']] },
    eligibility: {
      seconds: 8,
      dropOff: 0.04,
      back: 0.03,
      invalid: [0.05, ['status']],
      patch: (r) => ({ eligibility: r < 0.3 ? 'student' : r < 0.8 ? 'employed' : 'other' }),
    },
    student: { seconds: 40, dropOff: 0.1, back: 0.06, invalid: [0.3, ['studentId', 'graduationYear', 'institution']] },
    employment: { seconds: 35, dropOff: 0.05, back: 0.04, invalid: [0.1, ['jobTitle', 'employer']] },
    circumstances: { seconds: 30, dropOff: 0.08, back: 0.08, invalid: [0.05, ['situation', 'details']] },
    plan: {
      seconds: 25,
      dropOff: 0.14,
      back: 0.05,
      invalid: [0.1, ['tier', 'plan']],
      patch: (r) => ({ plan: { plan: r < 0.45 ? 'single' : r < 0.75 ? 'couple' : 'family', tier: r < 0.6 ? 'essential' : 'plus' } }),
    },
    home: { seconds: 18, dropOff: 0.04, back: 0.02, invalid: [0.12, ['postcode', 'lines', 'town']] },
    'dependants.*.name': { seconds: 15, dropOff: 0.03, back: 0.05, invalid: [0.1, ['name']] },
    'dependants.*.birthDate': { seconds: 20, dropOff: 0.03, back: 0.04, invalid: [0.3, ['birthDate']] },
    'dependants.*.relationship': {
      seconds: 8,
      dropOff: 0.02,
      invalid: [0.05, ['relationship']],
      // The item the plan needs (a partner for a couple, a child for a family), mostly: the rest is refused. An item's
      // step contributes to its item (the kernel scopes the patch), so the patch is the item's own field.
      patch: (r, state) => ({ relationship: r < 0.9 === (state.plan?.plan === 'couple') ? 'partner' : 'child' }),
    },
    dependants: { seconds: 12, dropOff: 0.05, back: 0.1, fails: 0.05 },
    consents: { seconds: 12, dropOff: 0.03, back: 0.04, invalid: [0.2, ['terms', 'privacy']] },
    review: { seconds: 20, dropOff: 0.05, back: 0.1, fails: 0.02 },
  },
}

/** How people go through the demo's checkout (apps/demo/src/flows/checkout.ts): most drop out at the basket and at payment. */
export const checkoutProfile: JourneyProfile = {
  stall: 0.08,
  otherDevice: 0.25,
  submitted: 0.98,
  steps: {
    cart: {
      seconds: 40,
      dropOff: 0.2,
      invalid: [0.08, ['quantities', 'promo']],
      // A fifth of baskets hold only digital goods: no addresses then.
      patch: (r) => ({ cart: { lines: [{ product: r < 0.2 ? 'license' : 'hoodie', quantity: 1 }], promo: '' } }),
    },
    'shipping.name': { seconds: 10, dropOff: 0.03, back: 0.03, invalid: [0.05, ['fullName']] },
    'shipping.lines': { seconds: 30, dropOff: 0.05, back: 0.03, invalid: [0.2, ['postcode', 'line1', 'town', 'country']] },
    billingSame: {
      seconds: 6,
      dropOff: 0.02,
      back: 0.02,
      invalid: [0.03, ['same']],
      patch: (r) => ({ billingSame: r < 0.8 }),
    },
    'billing.name': { seconds: 10, dropOff: 0.02, back: 0.05, invalid: [0.04, ['fullName']] },
    'billing.lines': { seconds: 28, dropOff: 0.04, back: 0.05, invalid: [0.15, ['postcode', 'line1', 'town']] },
    delivery: {
      seconds: 10,
      dropOff: 0.03,
      back: 0.04,
      invalid: [0.04, ['method']],
      patch: (r, state) => ({
        delivery: { method: state.cart?.lines[0]?.product === 'license' ? 'email' : r < 0.7 ? 'standard' : 'express' },
      }),
    },
    payment: {
      seconds: 45,
      dropOff: 0.12,
      back: 0.06,
      invalid: [0.35, ['card.number', 'card.expiry', 'card.cvc', 'card.name']],
      patch: (r) => ({
        payment: r < 0.85 ? { method: 'card', name: '', brand: 'Visa', last4: '4242', expiry: '12/30' } : { method: 'invoice' },
      }),
    },
    company: { seconds: 50, dropOff: 0.08, back: 0.05, invalid: [0.25, ['vatNumber', 'name']] },
    review: { seconds: 25, dropOff: 0.06, back: 0.12, fails: 0.04 },
  },
}
