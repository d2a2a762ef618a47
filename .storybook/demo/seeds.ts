import type { CheckoutState } from '../../apps/demo/src/flows/checkout'
import type { EnrollmentState } from '../../apps/demo/src/flows/enrollment'

/** A checkout basket with one physical item (so shipping is asked for). */
export const hoodieCart: CheckoutState['cart'] = { lines: [{ product: 'hoodie', quantity: 1 }], promo: null }
/** Only digital goods: the shipping step is skipped. */
export const licenceCart: CheckoutState['cart'] = { lines: [{ product: 'license', quantity: 1 }], promo: null }

export const shippedTo: CheckoutState['shipping'] = {
  fullName: 'Ada Lovelace',
  line1: '12 Merrion Square',
  city: 'Dublin',
  postcode: 'D02 X285',
  country: 'IE',
  verified: true,
}

/** Everything up to payment, physical goods, standard delivery. */
export const beforePayment: Partial<CheckoutState> = { cart: hoodieCart, shipping: shippedTo, delivery: { method: 'standard' } }

export const paidByCard: Partial<CheckoutState> = {
  ...beforePayment,
  payment: { method: 'card', name: 'Ada Lovelace', brand: 'Visa', last4: '4242', expiry: '08/29' },
}

/** Paying by invoice: the company step is on the path. */
export const paidByInvoice: Partial<CheckoutState> = {
  ...beforePayment,
  payment: { method: 'invoice' },
  company: { name: 'Analytical Engines Ltd', vatNumber: 'IE6388047V', billingEmail: 'accounts@example.com', purchaseOrder: undefined },
}

export const applicant: EnrollmentState['applicant'] = { fullName: 'Ada Lovelace', email: 'ada@example.com', birthDate: '1990-12-10' }

/** A student on a family plan (so dependants are asked for). */
export const studentFamily: Partial<EnrollmentState> = {
  applicant,
  eligibility: 'student',
  student: { institution: 'Trinity College Dublin', studentId: 'TCD12345', graduationYear: new Date().getFullYear() + 2 },
  plan: { plan: 'family', tier: 'plus' },
  dependants: [{ name: 'Byron Lovelace', birthDate: '2015-05-01', relationship: 'child' }],
  consents: { terms: true, privacy: true, marketing: false },
}

/** Employed, single plan: the dependants step is skipped. */
export const employedSingle: Partial<EnrollmentState> = {
  applicant,
  eligibility: 'employed',
  employment: { employer: 'Analytical Engines Ltd', jobTitle: 'Engineer', employerPays: true },
  plan: { plan: 'single', tier: 'essential' },
  consents: { terms: true, privacy: true, marketing: true },
}
