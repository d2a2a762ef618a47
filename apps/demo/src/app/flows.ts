import { CHECKOUT_SECRET_FIELDS, type CheckoutState, checkout } from '../flows/checkout'
import { MAX_DEPENDANTS } from '../flows/dependant'
import { type EnrollmentState, enrollment } from '../flows/enrollment'
import { addressScreens } from '../screens/address/addressScreens'
import { billingSameScreen } from '../screens/checkout/BillingSameFields'
import { cartScreen } from '../screens/checkout/CartFields'
import { companyScreen } from '../screens/checkout/CompanyFields'
import { deliveryScreen } from '../screens/checkout/DeliveryFields'
import { paymentScreen } from '../screens/checkout/PaymentFields'
import { checkoutReviewScreen } from '../screens/checkout/ReviewFields'
import { aboutScreen } from '../screens/enrollment/AboutFields'
import { circumstancesScreen, employmentScreen, studentScreen } from '../screens/enrollment/BranchFields'
import { consentsScreen } from '../screens/enrollment/ConsentsFields'
import { dependantScreens } from '../screens/enrollment/DependantFields'
import { dependantsSummaryScreen } from '../screens/enrollment/DependantsSummaryFields'
import { eligibilityScreen } from '../screens/enrollment/EligibilityFields'
import { planScreen } from '../screens/enrollment/PlanFields'
import { enrollmentReviewScreen } from '../screens/enrollment/ReviewFields'
import type { StepScreen } from '../screens/StepScreen'

export type FlowName = 'checkout' | 'enrollment'

/** Everything the demo needs to show one flow: its definition, its screens and its words. */
export interface FlowConfig<S extends object = any> {
  readonly name: FlowName
  readonly title: string
  readonly definition: typeof checkout | typeof enrollment
  readonly screens: Readonly<Record<string, StepScreen<S>>>
  readonly storageKey: string
  /** Input paths never stored (card details). */
  readonly exclude: readonly string[]
  readonly doneTitle: string
  /** Also saved to the Flowkit server: "Save and continue later" links, submissions verified by replay. */
  readonly saveToServer: boolean
}

export const FLOWS: { checkout: FlowConfig<CheckoutState>; enrollment: FlowConfig<EnrollmentState> } = {
  checkout: {
    name: 'checkout',
    title: 'Checkout',
    definition: checkout,
    storageKey: 'flowkit-demo:checkout',
    exclude: CHECKOUT_SECRET_FIELDS,
    doneTitle: 'Order placed',
    saveToServer: false,
    screens: {
      cart: cartScreen,
      ...addressScreens('shipping', { nameHeading: 'Who should we send it to?', linesHeading: 'Where should we send it?' }),
      billingSame: billingSameScreen,
      ...addressScreens('billing', { nameHeading: 'Who should the bill be made out to?', linesHeading: 'What is the billing address?' }),
      delivery: deliveryScreen,
      payment: paymentScreen,
      company: companyScreen,
      review: checkoutReviewScreen,
    },
  },
  enrollment: {
    name: 'enrollment',
    title: 'Health plan enrollment',
    definition: enrollment,
    storageKey: 'flowkit-demo:enrollment',
    exclude: [],
    doneTitle: 'Enrollment complete',
    saveToServer: true,
    screens: {
      about: aboutScreen,
      ...addressScreens('home', { nameHeading: 'Whose home address is it?', linesHeading: 'What is your home address?' }),
      eligibility: eligibilityScreen,
      student: studentScreen,
      employment: employmentScreen,
      circumstances: circumstancesScreen,
      plan: planScreen,
      dependants: dependantsSummaryScreen,
      ...dependantScreens('dependants', MAX_DEPENDANTS),
      consents: consentsScreen,
      review: enrollmentReviewScreen,
    },
  },
}
