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
      // The item the plan needs (a partner for a couple, a child for a family), mostly: the rest is refused.
      patch: (r, state) => ({
        dependants: [{ relationship: r < 0.9 === (state.plan?.plan === 'couple') ? 'partner' : 'child' }],
      }),
    },
    dependants: { seconds: 12, dropOff: 0.05, back: 0.1, fails: 0.05 },
    consents: { seconds: 12, dropOff: 0.03, back: 0.04, invalid: [0.2, ['terms', 'privacy']] },
    review: { seconds: 20, dropOff: 0.05, back: 0.1, fails: 0.02 },
  },
}
