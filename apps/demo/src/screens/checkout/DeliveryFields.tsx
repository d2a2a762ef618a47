import { DELIVERY_METHODS, type DeliveryMethod, formatPrice } from '../../flows/catalog'
import { type CheckoutState, isDigitalOnly } from '../../flows/checkout'
import { Choices } from '../../ui/Choices'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface DeliveryDraft {
  method: DeliveryMethod
}

function DeliveryFields({ draft, update, issues, state }: FieldsProps<DeliveryDraft, CheckoutState>) {
  const digital = isDigitalOnly(state)
  const methods = (Object.keys(DELIVERY_METHODS) as DeliveryMethod[]).filter((m) => DELIVERY_METHODS[m].physical !== digital)
  return (
    <Choices
      name="method"
      legend="Delivery method"
      hint={digital ? 'Your basket holds only digital goods, so there is nothing to ship.' : undefined}
      value={draft.method}
      onChange={(method) => update({ method })}
      issues={issues}
      choices={methods.map((m) => ({
        value: m,
        title: DELIVERY_METHODS[m].label,
        detail: DELIVERY_METHODS[m].detail,
        aside: DELIVERY_METHODS[m].price === 0 ? 'Free' : formatPrice(DELIVERY_METHODS[m].price),
      }))}
    />
  )
}

export const deliveryScreen: StepScreen<CheckoutState, DeliveryDraft> = {
  heading: 'How should it arrive?',
  Fields: DeliveryFields,
  blank: { method: undefined as unknown as DeliveryDraft['method'] },
  order: ['method'],
}
