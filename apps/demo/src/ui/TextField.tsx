import { useField } from '@flowkit/react'
import type { ClipboardEvent, InputHTMLAttributes } from 'react'
import { messageOf } from './fieldId'

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

/**
 * A paste into a box with `maxLength`, done here rather than by the browser: the pasted text without its surrounding
 * spaces (answers are trimmed when checked, so they do not count), and kept whole. The browser would count those
 * spaces and silently cut the end off (" AB1234567890" into 12 characters); a value still too long is kept whole
 * and the field says so. `null` when the browser's own paste does the same.
 */
const pasted = (event: ClipboardEvent<HTMLInputElement>, maxLength: number): { value: string; caret: number } | null => {
  const input = event.currentTarget
  if (input.selectionStart === null) return null // an email or number box: the browser's paste
  const text = event.clipboardData.getData('text/plain').replace(/[\r\n]+/g, '')
  const start = input.selectionStart
  const end = input.selectionEnd ?? start
  const before = input.value.slice(0, start)
  const after = input.value.slice(end)
  const head = `${before}${text}`
  const kept = before.trim() === '' ? head.trimStart() : head
  const whole = after.trim() === '' ? `${kept}${after}`.trimEnd() : `${kept}${after}`
  if (whole === `${head}${after}` && whole.length <= maxLength) return null
  return { value: whole, caret: Math.min(kept.length, whole.length) }
}

/** A labelled text input with hint and inline error, wired for assistive technology. */
export function TextField({ name, label, hint, value, onChange, issues, width, className, onPaste, ...rest }: TextFieldProps) {
  // The ids and ARIA wiring as @flowkit/react makes them (the error summary links to `id`); value and change stay the screen's.
  const { id, errorId, hintId } = useField(name)
  const error = messageOf(issues, name)
  const { maxLength } = rest
  const length = (value ?? '').trim().length
  const tooLong =
    !error && maxLength !== undefined && length > maxLength ? `${label} is ${length} characters: keep it to ${maxLength} or fewer` : ''
  const describedBy = [hint && hintId, error && errorId, tooLong && `${id}-length`].filter(Boolean).join(' ') || undefined
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    onPaste?.(event)
    if (event.defaultPrevented || maxLength === undefined) return
    const result = pasted(event, maxLength)
    if (!result) return
    event.preventDefault()
    const input = event.currentTarget
    onChange(result.value)
    requestAnimationFrame(() => input.isConnected && input.setSelectionRange(result.caret, result.caret))
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
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
      {tooLong && (
        <span className="field-error" id={`${id}-length`} data-testid="too-long">
          {tooLong}
        </span>
      )}
      <input
        {...rest}
        id={id}
        name={name}
        className={`input${width ? ` input-${width}` : ''}${className ? ` ${className}` : ''}`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        onPaste={paste}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  )
}
