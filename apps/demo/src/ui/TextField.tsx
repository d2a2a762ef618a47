import type { InputHTMLAttributes } from 'react'
import { messageOf, useFieldId } from './fieldId'

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'name'> {
  /** The field path in the step's input, e.g. `'card.number'`. */
  readonly name: string
  readonly label: string
  readonly hint?: string
  readonly value: string | undefined
  readonly onChange: (value: string) => void
  readonly issues: Readonly<Record<string, readonly string[]>>
  readonly width?: 'narrow' | 'medium'
}

/** A labelled text input with hint and inline error, wired for assistive technology. */
export function TextField({ name, label, hint, value, onChange, issues, width, className, ...rest }: TextFieldProps) {
  const fieldId = useFieldId()
  const id = fieldId(name)
  const error = messageOf(issues, name)
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <input
        {...rest}
        id={id}
        name={name}
        className={`input${width ? ` input-${width}` : ''}${className ? ` ${className}` : ''}`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  )
}
