import type { CheckoutState } from '../../flows/checkout'
import { MAX_LENGTH } from '../../flows/limits'
import { UNDELIVERABLE_POSTCODE } from '../../services/address'
import { messageOf, useFieldId } from '../../ui/fieldId'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface AddressDraft {
  fullName: string
  line1: string
  line2: string
  city: string
  postcode: string
  country: string
}

const COUNTRIES = { IE: 'Ireland', GB: 'United Kingdom', DE: 'Germany', FR: 'France', NL: 'Netherlands' }

function ShippingFields({ draft, update, issues }: FieldsProps<AddressDraft, CheckoutState>) {
  const fieldId = useFieldId()
  const countryError = messageOf(issues, 'country')
  const countryId = fieldId('country')
  return (
    <>
      <TextField
        name="fullName"
        maxLength={MAX_LENGTH.personName}
        label="Full name"
        autoComplete="name"
        value={draft.fullName}
        onChange={(fullName) => update({ fullName })}
        issues={issues}
      />
      <TextField
        name="line1"
        maxLength={MAX_LENGTH.addressLine}
        label="Address line 1"
        autoComplete="address-line1"
        value={draft.line1}
        onChange={(line1) => update({ line1 })}
        issues={issues}
      />
      <TextField
        name="line2"
        maxLength={MAX_LENGTH.addressLine}
        label="Address line 2 (optional)"
        autoComplete="address-line2"
        value={draft.line2}
        onChange={(line2) => update({ line2 })}
        issues={issues}
      />
      <div className="grid-2">
        <TextField
          name="city"
          maxLength={MAX_LENGTH.city}
          label="Town or city"
          autoComplete="address-level2"
          value={draft.city}
          onChange={(city) => update({ city })}
          issues={issues}
        />
        <TextField
          name="postcode"
          maxLength={MAX_LENGTH.postcode}
          label="Postcode"
          autoComplete="postal-code"
          value={draft.postcode}
          onChange={(postcode) => update({ postcode })}
          issues={issues}
          width="medium"
        />
      </div>
      <div className={`field${countryError ? ' has-error' : ''}`}>
        <label className="field-label" htmlFor={countryId}>
          Country
        </label>
        {countryError && (
          <span className="field-error" id={`${countryId}-error`}>
            <span className="visually-hidden">Error: </span>
            {countryError}
          </span>
        )}
        <select
          id={countryId}
          className="select input-medium"
          autoComplete="country"
          value={draft.country ?? ''}
          onChange={(e) => update({ country: e.target.value })}
          aria-invalid={countryError ? true : undefined}
          aria-describedby={countryError ? `${countryId}-error` : undefined}
        >
          <option value="">Select a country</option>
          {Object.entries(COUNTRIES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="hint-box">
        <p>
          The address is verified by a carrier service when you continue. Postcode <code>{UNDELIVERABLE_POSTCODE}</code> is undeliverable.
        </p>
      </div>
    </>
  )
}

export const shippingScreen: StepScreen<CheckoutState, AddressDraft> = {
  heading: 'Where should we send it?',
  Fields: ShippingFields,
  blank: { fullName: '', line1: '', line2: '', city: '', postcode: '', country: '' },
  order: ['fullName', 'line1', 'line2', 'city', 'postcode', 'country'],
  submitLabel: 'Check address and continue',
}
