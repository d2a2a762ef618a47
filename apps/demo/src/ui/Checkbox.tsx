import { useField } from '@flowkit/react'
import type { ReactNode } from 'react'
import { messageOf } from './fieldId'

interface CheckboxProps {
  readonly name: string
  readonly label: ReactNode
  readonly detail?: string
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  readonly issues: Readonly<Record<string, readonly string[]>>
}

/** One checkbox drawn as a card, with its inline error above it. */
export function Checkbox({ name, label, detail, checked, onChange, issues }: CheckboxProps) {
  const { id, errorId } = useField(name)
  const error = messageOf(issues, name)
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      {error && (
        <span className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <label className="choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <span>
          <span className="choice-title">{label}</span>
          {detail && <span className="choice-detail">{detail}</span>}
        </span>
      </label>
    </div>
  )
}
