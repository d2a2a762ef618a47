import type { ChangeEvent } from 'react'
import { errorId, fieldId } from './ids'

/** How `field()` / `useField()` bind an input. */
export interface FieldOptions {
  /** `'checkbox'` binds `checked` to a boolean; `'radio'` binds `checked` to `value === option`. @default 'text' (binds `value`) */
  readonly type?: 'text' | 'checkbox' | 'radio'
  /** For a radio: the value this option stands for. */
  readonly option?: string
}

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** Spread onto an `<input>`, `<select>` or `<textarea>`: value, change handler, id and ARIA wiring. */
export interface FieldProps {
  readonly id: string
  readonly name: string
  readonly value?: string
  readonly checked?: boolean
  readonly type?: 'checkbox' | 'radio'
  readonly onChange: (event: ChangeEvent<Input>) => void
  readonly 'aria-invalid'?: true
  readonly 'aria-describedby'?: string
}

export const NO_ISSUES: readonly string[] = Object.freeze([])

/** The props of one field, given its value and issues. */
export const fieldProps = (
  prefix: string,
  step: string,
  path: string,
  value: unknown,
  issues: readonly string[],
  setValue: (path: string, value: unknown) => void,
  { type = 'text', option }: FieldOptions = {},
): FieldProps => {
  const props: { -readonly [P in keyof FieldProps]: FieldProps[P] } = {
    id: fieldId(prefix, step, path) + (type === 'radio' ? `-${option}` : ''),
    name: path,
    onChange: (e) => setValue(path, type === 'text' ? e.target.value : type === 'radio' ? option : (e.target as HTMLInputElement).checked),
  }
  if (type === 'text') props.value = value === undefined || value === null ? '' : String(value)
  else {
    props.type = type
    props.checked = value === (type === 'radio' ? option : true)
    if (type === 'radio') props.value = option
  }
  if (issues.length > 0) {
    props['aria-invalid'] = true
    props['aria-describedby'] = errorId(prefix, step, path)
  }
  return props
}
