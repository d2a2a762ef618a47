import type { CheckoutState } from '../../flows/checkout'
import { MAX_LENGTH } from '../../flows/limits'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface CompanyDraft {
  name: string
  vatNumber: string
  billingEmail: string
  purchaseOrder: string
}

function CompanyFields({ draft, update, issues }: FieldsProps<CompanyDraft, CheckoutState>) {
  return (
    <>
      <TextField
        name="name"
        maxLength={MAX_LENGTH.companyName}
        label="Company name"
        autoComplete="organization"
        value={draft.name}
        onChange={(name) => update({ name })}
        issues={issues}
      />
      <TextField
        name="vatNumber"
        maxLength={MAX_LENGTH.vatNumber}
        label="VAT number"
        hint="Starts with the country code, like IE6388047V"
        value={draft.vatNumber}
        onChange={(vatNumber) => update({ vatNumber: vatNumber.toUpperCase() })}
        issues={issues}
        width="medium"
        spellCheck={false}
      />
      <TextField
        name="billingEmail"
        maxLength={MAX_LENGTH.email}
        label="Billing email"
        hint="We send the invoice here"
        type="email"
        autoComplete="email"
        value={draft.billingEmail}
        onChange={(billingEmail) => update({ billingEmail })}
        issues={issues}
      />
      <TextField
        name="purchaseOrder"
        maxLength={MAX_LENGTH.purchaseOrder}
        label="Purchase order number (optional)"
        value={draft.purchaseOrder}
        onChange={(purchaseOrder) => update({ purchaseOrder })}
        issues={issues}
        width="medium"
      />
    </>
  )
}

export const companyScreen: StepScreen<CheckoutState, CompanyDraft> = {
  heading: 'Company details',
  lead: 'Invoices are issued to a company. Tell us who to bill.',
  Fields: CompanyFields,
  blank: { name: '', vatNumber: '', billingEmail: '', purchaseOrder: '' },
  order: ['name', 'vatNumber', 'billingEmail', 'purchaseOrder'],
}
