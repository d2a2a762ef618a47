import type { CheckoutState } from '../../flows/checkout'
import { MAX_LENGTH } from '../../flows/limits'
import { DECLINED_CARD } from '../../services/payment'
import { Choices } from '../../ui/Choices'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface PaymentDraft {
  method: 'card' | 'invoice'
  card: { name?: string; number?: string; expiry?: string; cvc?: string }
}

function PaymentFields({ draft, update, issues }: FieldsProps<PaymentDraft, CheckoutState>) {
  const card = draft.card ?? {}
  const setCard = (patch: PaymentDraft['card']) => update({ card: { ...card, ...patch } })
  return (
    <>
      <Choices
        name="method"
        legend="How would you like to pay?"
        value={draft.method}
        onChange={(method) => update({ method })}
        issues={issues}
        choices={[
          { value: 'card', title: 'Card', detail: 'Visa, Mastercard or Amex' },
          { value: 'invoice', title: 'Invoice', detail: 'For companies: pay within 30 days by bank transfer' },
        ]}
      />
      {draft.method === 'card' && (
        <fieldset className="field">
          <legend>Card details</legend>
          <TextField
            name="card.name"
            maxLength={MAX_LENGTH.personName}
            label="Name on card"
            autoComplete="cc-name"
            value={card.name}
            onChange={(name) => setCard({ name })}
            issues={issues}
          />
          <TextField
            name="card.number"
            maxLength={MAX_LENGTH.cardNumber}
            label="Card number"
            inputMode="numeric"
            autoComplete="cc-number"
            value={card.number}
            onChange={(number) => setCard({ number })}
            issues={issues}
            spellCheck={false}
          />
          <div className="grid-2">
            <TextField
              name="card.expiry"
              maxLength={MAX_LENGTH.expiry}
              label="Expiry date"
              hint="MM/YY, like 08/29"
              inputMode="numeric"
              autoComplete="cc-exp"
              value={card.expiry}
              onChange={(expiry) => setCard({ expiry })}
              issues={issues}
              width="narrow"
            />
            <TextField
              name="card.cvc"
              maxLength={MAX_LENGTH.cvc}
              label="Security code"
              hint="3 or 4 digits on the back"
              inputMode="numeric"
              autoComplete="cc-csc"
              value={card.cvc}
              onChange={(cvc) => setCard({ cvc })}
              issues={issues}
              width="narrow"
            />
          </div>
          <div className="hint-box">
            <p>
              Test cards: <code>4242 4242 4242 4242</code> is authorized; <code>{DECLINED_CARD.replace(/(\d{4})/g, '$1 ').trim()}</code> is
              declined. The card number and security code are never written to local storage.
            </p>
          </div>
        </fieldset>
      )}
    </>
  )
}

export const paymentScreen: StepScreen<CheckoutState, PaymentDraft> = {
  heading: 'Payment',
  Fields: PaymentFields,
  blank: { method: undefined as unknown as PaymentDraft['method'], card: { name: '', number: '', expiry: '', cvc: '' } },
  order: ['method', 'card.name', 'card.number', 'card.expiry', 'card.cvc'],
}
