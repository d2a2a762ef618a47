import { type FieldOptions, type FieldProps, fieldProps, NO_ISSUES } from './fieldProps'
import { errorId, fieldId, hintId } from './ids'
import { getPath } from './paths'
import { bindPath, fieldValue } from './stepDefaults'
import { useCurrentStep } from './useCurrentStep'
import { useDraftSetter } from './useDraftSetter'
import { useSelector } from './useSelector'

/** What `useField(path)` gives one input. */
export interface FieldApi<T = unknown> {
  /** Spread onto the input: `<input {...email.props} />`. */
  readonly props: FieldProps
  /** The value at this path: the draft's, else the initial one (the flow's `state` at this path, else the step schema's default). */
  readonly value: T | undefined
  /** Sets this path of the step's draft. */
  setValue(value: T): void
  /** Validation messages for this path from the last submit. */
  readonly issues: readonly string[]
  /** Put this id on the element showing `issues`: the input's `aria-describedby` points to it. */
  readonly errorId: string
  /** The input's id (for `<label htmlFor>`); the error summary links to it. */
  readonly id: string
  /** Put this id on the field's hint; with the option `hint: true`, the input's `aria-describedby` names it. */
  readonly hintId: string
}

/**
 * Binds one input to a path of the step's draft. Only this field's component re-renders as the user
 * types: the step, the stepper and other fields do not.
 * @example
 * const email = useField('email')
 * return <><input {...email.props} />{email.issues.length > 0 && <p id={email.errorId}>{email.issues[0]}</p>}</>
 */
export function useField<T = unknown>(path: string, options?: FieldOptions): FieldApi<T> {
  const { workflow, idPrefix, step } = useCurrentStep(process.env.NODE_ENV !== 'production' && 'useField()')
  getPath(undefined, path) // throws a clear error for an unusable path
  bindPath(workflow, step, path)
  const value = useSelector(workflow, (s) => fieldValue(workflow, step, s.state, s.drafts[step], path)) as T | undefined
  const issues = useSelector(workflow, (s) => s.issues[path] ?? NO_ISSUES)
  const set = useDraftSetter(workflow, step)
  return {
    props: fieldProps(idPrefix, step, path, value, issues, set, options),
    value,
    setValue: (next) => set(path, next),
    issues,
    errorId: errorId(idPrefix, step, path),
    id: fieldId(idPrefix, step, path),
    hintId: hintId(idPrefix, step, path),
  }
}
