import type { ChangeEvent } from 'react'
import { errorId, fieldId, hintId } from './ids'

/** How `field()` / `useField()` bind an input. */
export interface FieldOptions {
  /** `'checkbox'` binds `checked` to a boolean; `'radio'` binds `checked` to `value === option`. @default 'text' (binds `value`) */
  readonly type?: 'text' | 'checkbox' | 'radio'
  /** For a radio: the value this option stands for. */
  readonly option?: string
  /**
   * Stores a text field's input as a number, as react-hook-form's `valueAsNumber` does: `'5'` is `5`,
   * and an empty input is `undefined` (not `0` or `NaN`), so the step's schema says it is required.
   * Text that is not a number (`'abc'`) stays the string it is, shown as typed, for the schema to reject
   * (`z.number()`: "expected number"). Meant for `<input type="number">`: the `value` prop is then the
   * number, so React keeps what is typed (`'1.50'`) while it means the same number. Drafts are JSON, so an
   * emptied input has no value there and shows the field's initial value: start a number the user may
   * clear as `undefined` in the flow's `state`.
   * @default false
   * @example
   * <input type="number" {...field('teamSize', { valueAsNumber: true })} />
   */
  readonly valueAsNumber?: boolean
  /**
   * The field shows a hint (what to enter, "For example, 27 3 2007"): put `useField(path).hintId` on it.
   * The input's `aria-describedby` then names the hint, and the error after it once there is one, so a
   * screen reader reads both (WCAG 1.3.1, 3.3.2).
   * @default false
   * @example
   * const born = useField('born', { hint: true })
   * <span id={born.hintId}>For example, 27 3 2007</span>
   * <input {...born.props} />
   */
  readonly hint?: boolean
}

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** Spread onto an `<input>`, `<select>` or `<textarea>`: value, change handler, id and ARIA wiring. */
export interface FieldProps {
  readonly id: string
  readonly name: string
  /** A string, or the number stored for a field bound with `valueAsNumber`. */
  readonly value?: string | number
  readonly checked?: boolean
  readonly type?: 'checkbox' | 'radio'
  readonly onChange: (event: ChangeEvent<Input>) => void
  readonly 'aria-invalid'?: true
  readonly 'aria-describedby'?: string
}

export const NO_ISSUES: readonly string[] = Object.freeze([])

/** What `valueAsNumber` stores for an input's text: its number, `undefined` when blank, else the text itself. */
const asNumber = (text: string): unknown => (text.trim() ? (Number.isFinite(+text) ? +text : text) : undefined)

/** The props of one field, given its value and issues. */
export const fieldProps = (
  prefix: string,
  step: string,
  path: string,
  value: unknown,
  issues: readonly string[],
  setValue: (path: string, value: unknown) => void,
  { type = 'text', option, valueAsNumber, hint }: FieldOptions = {},
): FieldProps => {
  const props: { -readonly [P in keyof FieldProps]: FieldProps[P] } = {
    id: fieldId(prefix, step, path) + (type === 'radio' ? `-${option}` : ''),
    name: path,
    onChange: (e) =>
      setValue(
        path,
        type === 'radio'
          ? option
          : type !== 'text'
            ? (e.target as HTMLInputElement).checked
            : valueAsNumber
              ? asNumber(e.target.value)
              : e.target.value,
      ),
  }
  if (type === 'text')
    props.value = value === undefined || value === null ? '' : valueAsNumber && typeof value === 'number' ? value : String(value)
  else {
    props.type = type
    props.checked = value === (type === 'radio' ? option : true)
    if (type === 'radio') props.value = option
  }
  const error = issues.length > 0 ? errorId(prefix, step, path) : ''
  const described = hint ? `${hintId(prefix, step, path)}${error && ` ${error}`}` : error
  if (error) props['aria-invalid'] = true
  if (described) props['aria-describedby'] = described
  return props
}
