import { formatPrice, PRODUCTS, type ProductId } from '../../flows/catalog'
import { type CheckoutState, MAX_QUANTITY } from '../../flows/checkout'
import { MAX_LENGTH } from '../../flows/limits'
import { PROMO_CODES } from '../../services/promo'
import { messageOf, useFieldIds } from '../../ui/fieldId'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface CartDraft {
  /** As typed ("2", "2.5") or stepped (2): the schema refuses what is not a whole number from 0 to 10. */
  quantities: Partial<Record<ProductId, number | string>>
  promo: string
}

/** The quantity a draft value stands for, or undefined when it is not a whole number (the schema says so). */
const countOf = (value: number | string | undefined): number | undefined => {
  const text = String(value ?? '').trim()
  return text === '' ? 0 : /^\d{1,3}$/.test(text) ? Number(text) : undefined
}

function CartFields({ draft, update, issues }: FieldsProps<CartDraft, CheckoutState>) {
  const fieldIds = useFieldIds()
  const basket = fieldIds('quantities')
  const quantities = draft.quantities ?? {}
  const setQuantity = (id: ProductId, value: number | string) => update({ quantities: { ...quantities, [id]: value } })
  const step = (id: ProductId, by: number) => setQuantity(id, Math.max(0, Math.min(MAX_QUANTITY, (countOf(quantities[id]) ?? 0) + by)))
  const subtotal = PRODUCTS.reduce((sum, p) => sum + p.price * (countOf(quantities[p.id]) ?? 0), 0)
  const basketError = messageOf(issues, 'quantities')
  return (
    <>
      <div className={`field${basketError ? ' has-error' : ''}`}>
        {basketError && (
          <span className="field-error" id={basket.errorId}>
            <span className="visually-hidden">Error: </span>
            {basketError}
          </span>
        )}
        <fieldset>
          <legend className="visually-hidden">Products</legend>
          {PRODUCTS.map((product, index) => {
            const qty = quantities[product.id] ?? 0
            const lineError = messageOf(issues, `quantities.${product.id}`)
            // The basket's own error links to the first input; a line's error to its input.
            const line = fieldIds(`quantities.${product.id}`)
            const id = index === 0 && !lineError ? basket.id : line.id
            const errorId = lineError ? line.errorId : basketError ? basket.errorId : undefined
            return (
              <div className="cart-line" key={product.id}>
                <div>
                  <label className="name" htmlFor={id}>
                    {product.name}
                  </label>{' '}
                  {product.digital && <span className="tag tag-accent">Digital</span>}
                  <div className="muted">{product.description}</div>
                  {lineError && (
                    <span className="field-error" id={line.errorId}>
                      <span className="visually-hidden">Error: </span>
                      {lineError}
                    </span>
                  )}
                </div>
                <div className="qty">
                  <button type="button" onClick={() => step(product.id, -1)} aria-label={`One fewer ${product.name}`}>
                    −
                  </button>
                  <input
                    id={id}
                    inputMode="numeric"
                    maxLength={3}
                    value={qty}
                    onChange={(e) => setQuantity(product.id, e.target.value)}
                    aria-invalid={lineError ? true : undefined}
                    aria-describedby={errorId}
                    aria-label={`Quantity of ${product.name}`}
                  />
                  <button type="button" onClick={() => step(product.id, 1)} aria-label={`One more ${product.name}`}>
                    +
                  </button>
                </div>
                <div className="price">{formatPrice(product.price * Math.max(countOf(qty) ?? 1, 1))}</div>
              </div>
            )
          })}
        </fieldset>
        <dl className="totals">
          <dt>Subtotal</dt>
          <dd data-testid="subtotal">{formatPrice(subtotal)}</dd>
        </dl>
      </div>
      <TextField
        name="promo"
        maxLength={MAX_LENGTH.promo}
        label="Promo code (optional)"
        hint={`Checked with our promo service when you continue. Try ${Object.keys(PROMO_CODES).join(' or ')}.`}
        value={draft.promo}
        onChange={(promo) => update({ promo })}
        issues={issues}
        width="medium"
        autoComplete="off"
        spellCheck={false}
      />
    </>
  )
}

export const cartScreen: StepScreen<CheckoutState, CartDraft> = {
  heading: 'Your basket',
  lead: 'Choose what to buy. Baskets with only digital goods skip the shipping address.',
  Fields: CartFields,
  blank: { quantities: {}, promo: '' },
  order: ['quantities', 'promo'],
  submitLabel: 'Continue to checkout',
}
