import { formatPrice, PRODUCTS, type ProductId } from '../../flows/catalog'
import type { CheckoutState } from '../../flows/checkout'
import { PROMO_CODES } from '../../services/promo'
import { messageOf, useFieldId } from '../../ui/fieldId'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface CartDraft {
  quantities: Partial<Record<ProductId, number>>
  promo: string
}

function CartFields({ draft, update, issues }: FieldsProps<CartDraft, CheckoutState>) {
  const fieldId = useFieldId()
  const quantities = draft.quantities ?? {}
  const setQuantity = (id: ProductId, n: number) =>
    update({ quantities: { ...quantities, [id]: Math.max(0, Math.min(10, Number.isFinite(n) ? n : 0)) } })
  const subtotal = PRODUCTS.reduce((sum, p) => sum + p.price * (quantities[p.id] ?? 0), 0)
  const basketError = messageOf(issues, 'quantities')
  return (
    <>
      <div className={`field${basketError ? ' has-error' : ''}`}>
        {basketError && (
          <span className="field-error" id={`${fieldId('quantities')}-error`}>
            <span className="visually-hidden">Error: </span>
            {basketError}
          </span>
        )}
        <fieldset>
          <legend className="visually-hidden">Products</legend>
          {PRODUCTS.map((product, index) => {
            const qty = quantities[product.id] ?? 0
            const id = index === 0 ? fieldId('quantities') : fieldId(`quantities.${product.id}`)
            return (
              <div className="cart-line" key={product.id}>
                <div>
                  <label className="name" htmlFor={id}>
                    {product.name}
                  </label>{' '}
                  {product.digital && <span className="tag tag-accent">Digital</span>}
                  <div className="muted">{product.description}</div>
                </div>
                <div className="qty">
                  <button type="button" onClick={() => setQuantity(product.id, qty - 1)} aria-label={`One fewer ${product.name}`}>
                    −
                  </button>
                  <input
                    id={id}
                    inputMode="numeric"
                    value={qty}
                    onChange={(e) => setQuantity(product.id, Number.parseInt(e.target.value || '0', 10))}
                    aria-describedby={basketError ? `${fieldId('quantities')}-error` : undefined}
                    aria-label={`Quantity of ${product.name}`}
                  />
                  <button type="button" onClick={() => setQuantity(product.id, qty + 1)} aria-label={`One more ${product.name}`}>
                    +
                  </button>
                </div>
                <div className="price">{formatPrice(product.price * Math.max(qty, 1))}</div>
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
