import { addressLines } from '../../flows/address'
import { DELIVERY_METHODS, formatPrice, productById } from '../../flows/catalog'
import { type CheckoutState, totalsOf } from '../../flows/checkout'
import type { FieldsProps, StepScreen } from '../StepScreen'
import { SummaryList, type SummaryRow } from '../SummaryList'

function ReviewFields({ state, change }: FieldsProps<Record<string, never>, CheckoutState>) {
  const { cart, shipping, billingSame, billing, delivery, payment, company } = state
  const totals = totalsOf(state)
  const rows: SummaryRow[] = [
    {
      key: 'basket',
      label: 'Basket',
      step: 'cart',
      value: (cart?.lines ?? []).map((l) => `${l.quantity} × ${productById(l.product)?.name ?? l.product}`).join('\n'),
    },
    { key: 'promo', label: 'Promo code', step: 'cart', value: cart?.promo ? `${cart.promo.code} (${cart.promo.label})` : 'None' },
  ]
  if (shipping) {
    rows.push({ key: 'shipping', label: 'Shipping address', step: 'shipping.name', value: addressLines(shipping).join('\n') })
  }
  if (billingSame !== null) {
    rows.push({
      key: 'billingSame',
      label: 'Bill to the delivery address',
      step: 'billingSame',
      value: billingSame ? 'Yes' : 'No',
    })
  }
  if (billing) {
    rows.push({ key: 'billing', label: 'Billing address', step: 'billing.name', value: addressLines(billing).join('\n') })
  }
  if (delivery) {
    const method = DELIVERY_METHODS[delivery.method]
    rows.push({ key: 'delivery', label: 'Delivery', step: 'delivery', value: `${method.label} · ${method.detail}` })
  }
  if (payment) {
    rows.push({
      key: 'payment',
      label: 'Payment',
      step: 'payment',
      value: payment.method === 'card' ? `${payment.brand} ending ${payment.last4}\nExpires ${payment.expiry}` : 'Invoice, 30 days',
    })
  }
  if (company) {
    rows.push({
      key: 'company',
      label: 'Company',
      step: 'company',
      value: [company.name, `VAT ${company.vatNumber}`, company.billingEmail, company.purchaseOrder && `PO ${company.purchaseOrder}`]
        .filter(Boolean)
        .join('\n'),
    })
  }
  return (
    <>
      <SummaryList rows={rows} change={change} />
      <dl className="totals" aria-label="Order total">
        <dt>Subtotal</dt>
        <dd>{formatPrice(totals.subtotal)}</dd>
        {totals.discount > 0 && (
          <>
            <dt>Discount</dt>
            <dd>−{formatPrice(totals.discount)}</dd>
          </>
        )}
        <dt>Delivery</dt>
        <dd>{totals.delivery === 0 ? 'Free' : formatPrice(totals.delivery)}</dd>
        <dt className="total">Total</dt>
        <dd className="total" data-testid="total">
          {formatPrice(totals.total)}
        </dd>
      </dl>
    </>
  )
}

export const checkoutReviewScreen: StepScreen<CheckoutState> = {
  heading: 'Check your answers before placing your order',
  Fields: ReviewFields,
  blank: {},
  order: [],
  submitLabel: 'Place order',
}
