import { useField } from '@flowkit/react'
import type { ReactNode } from 'react'
import { messageOf } from './fieldId'

export interface Choice<V extends string> {
  readonly value: V
  readonly title: string
  readonly detail?: string
  readonly aside?: ReactNode
}

interface ChoicesProps<V extends string> {
  readonly name: string
  readonly legend: string
  readonly hint?: string
  readonly choices: readonly Choice<V>[]
  readonly value: V | undefined
  readonly onChange: (value: V) => void
  readonly issues: Readonly<Record<string, readonly string[]>>
  /** Renders the legend as the page heading (GOV.UK pattern for one-question pages). */
  readonly asHeading?: boolean
}

/** A radio group drawn as cards. The first radio carries the field id, so the error summary can focus it. */
export function Choices<V extends string>({ name, legend, hint, choices, value, onChange, issues, asHeading }: ChoicesProps<V>) {
  const { id, errorId, hintId } = useField(name)
  const error = messageOf(issues, name)
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`} aria-describedby={describedBy}>
      <legend>{asHeading ? <h2 className="legend-heading">{legend}</h2> : legend}</legend>
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <div className="choices">
        {choices.map((choice, index) => (
          <label className="choice" key={choice.value}>
            <input
              type="radio"
              name={name}
              id={index === 0 ? id : `${id}-${choice.value}`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>
              <span className="choice-title">{choice.title}</span>
              {choice.detail && <span className="choice-detail">{choice.detail}</span>}
            </span>
            {choice.aside !== undefined && <span className="choice-aside">{choice.aside}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
