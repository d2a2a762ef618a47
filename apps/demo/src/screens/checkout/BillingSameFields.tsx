import { addressLines } from '../../flows/address'
import type { CheckoutState } from '../../flows/checkout'
import { Choices } from '../../ui/Choices'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface BillingSameDraft {
  same: 'yes' | 'no'
}

/** "Is the billing address the same as the delivery address?": No asks for the billing address (the same address sub-flow). */
function BillingSameFields({ draft, update, issues, state }: FieldsProps<BillingSameDraft, CheckoutState>) {
  return (
    <>
      {state.shipping && (
        <p className="muted" data-testid="delivery-address">
          Delivery address: {addressLines(state.shipping).join(', ')}
        </p>
      )}
      <Choices
        name="same"
        legend="Is the billing address the same as the delivery address?"
        value={draft.same}
        onChange={(same) => update({ same })}
        issues={issues}
        choices={[
          { value: 'yes', title: 'Yes', detail: 'Send the bill to the delivery address' },
          { value: 'no', title: 'No', detail: 'Enter a different billing address next' },
        ]}
      />
    </>
  )
}

export const billingSameScreen: StepScreen<CheckoutState, BillingSameDraft> = {
  heading: 'Billing address',
  Fields: BillingSameFields,
  blank: { same: undefined as unknown as BillingSameDraft['same'] },
  order: ['same'],
}
