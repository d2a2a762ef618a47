import { useField } from '@flowkit/react'
import { COUNTRIES } from '../../flows/address'
import { MAX_LENGTH } from '../../flows/limits'
import { UNDELIVERABLE_POSTCODE } from '../../services/address'
import { messageOf } from '../../ui/fieldId'
import { TextField } from '../../ui/TextField'
import type { FieldsProps } from '../StepScreen'

export interface AddressNameDraft {
  fullName: string
}

export interface AddressLinesDraft {
  line1: string
  line2: string
  city: string
  postcode: string
  country: string
}

/** The address sub-flow's first step: who the address is for. */
export function AddressNameFields({ draft, update, issues }: FieldsProps<AddressNameDraft, unknown>) {
  return (
    <TextField
      name="fullName"
      maxLength={MAX_LENGTH.personName}
      label="Full name"
      autoComplete="name"
      value={draft.fullName}
      onChange={(fullName) => update({ fullName })}
      issues={issues}
    />
  )
}

/** The address sub-flow's last step: the lines, town, postcode and country, verified by the carrier on submit. */
export function AddressLinesFields({ draft, update, issues }: FieldsProps<AddressLinesDraft, unknown>) {
  const countryError = messageOf(issues, 'country')
  const { id: countryId, errorId: countryErrorId } = useField('country')
  return (
    <>
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
          <span className="field-error" id={countryErrorId}>
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
          aria-describedby={countryError ? countryErrorId : undefined}
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
