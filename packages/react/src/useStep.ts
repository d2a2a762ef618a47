import type { Issues, WorkflowError, WorkflowSnapshot } from '@flowkit/core'
import { stepTitle } from '@flowkit/core'
import { useMemo, useRef } from 'react'
import { type StepDirection, trackDirection } from './direction'
import { type FieldOptions, type FieldProps, fieldProps, NO_ISSUES } from './fieldProps'
import { stepActions } from './stepActions'
import { bindPath, fieldValue, type StepSchema, schemaOf, valuesOf } from './stepDefaults'
import { useCurrentStep } from './useCurrentStep'
import { useDraftSetter } from './useDraftSetter'
import { useSelector } from './useSelector'
import { type StepHeadingAttributes, useHeadingOf } from './useStepHeading'
import type { StepValidation } from './validateInput'

/** What `useStep()` gives a step's content. */
export interface StepApi<V extends object = Record<string, any>, K extends string = string> {
  /** The step's id. */
  readonly step: K
  /** The step's `title`, or its id. */
  readonly title: string
  /**
   * The step's values: what the user typed (the draft, kept in the store so it survives unmount,
   * `back()` and reload) over the step's initial values (each field of its schema or bound with
   * `field()`/`useField`, from the flow's `state`, else the schema's `default`). Pass it as a form
   * library's `defaultValues`. Reading it subscribes this component to the draft.
   */
  readonly values: Partial<V>
  /** `values` without subscribing: the latest draft over the initial values. This and the other functions keep their identity across renders. */
  getValues(): Partial<V>
  /** Sets one dot path of the draft, e.g. `setValue('address.zip', '75001')`. */
  setValue(path: string, value: unknown): void
  /** Replaces the whole draft (e.g. from react-hook-form's `watch`). */
  setValues(values: Partial<V>): void
  /** Binds an input to a path: `<input {...field('email')} />`. Subscribes to the draft; `useField` re-renders only its field. */
  field(path: string, options?: FieldOptions): FieldProps
  /**
   * Completes the step with `input` (default: `getValues()`, so an untouched form sends its initial
   * values): validates, runs actions, moves on. Pass it straight to `<form onSubmit={submit}>`: the
   * event is prevented. Failures land in `issues` / `error`, never throw. While the step's async work
   * runs, a second submit gets the first one's result; once the flow has left this step, submit does
   * nothing and resolves to the current snapshot (it never completes the step the user moved to).
   */
  submit(input?: Partial<V> | { preventDefault(): void }): Promise<WorkflowSnapshot<any, K>>
  /**
   * Checks `input` (default: `getValues()`) against the step's schema without moving, running actions
   * or changing `issues`: for a "check" button, or validating one part before the rest.
   * @example
   * const { valid, issues } = await step.validate()
   */
  validate(input?: Partial<V>): Promise<StepValidation>
  /** The step's Standard Schema (its `validate`), for a form library's resolver; `undefined` when it has none. */
  readonly schema: StepSchema<V> | undefined
  /** Validation messages by field path from the last submit. */
  readonly issues: Issues
  /** An async action is running. */
  readonly busy: boolean
  /** What went wrong in the last transition (a failed action…), or null. */
  readonly error: WorkflowError | null
  /** Back to the previous visited step. */
  back(): void
  /** There is a previous step to go back to. */
  readonly canGoBack: boolean
  /** Completing this step ends the flow. */
  readonly isFinal: boolean
  /** How the user arrived here: `'forward'`, `'back'`, `'jump'`, or `'none'` (first render, restored). See `useStepDirection`. */
  readonly direction: StepDirection
  /** Spread onto the step's heading so focus moves to it on arrival. */
  readonly headingProps: StepHeadingAttributes
}

/** What the draft and state selectors return until `values` or `field` is read. */
const UNTRACKED = Symbol()

/**
 * The current step's values, validation and navigation, inside `<WorkflowStep>` / `<WorkflowSteps>`.
 * @example
 * const { field, submit, issues, busy, back, canGoBack } = useStep<{ email: string }>()
 * return <form onSubmit={submit}><input {...field('email')} /><button disabled={busy}>Continue</button></form>
 */
export function useStep<V extends object = Record<string, any>, K extends string = string>(): StepApi<V, K> {
  const current = useCurrentStep(process.env.NODE_ENV !== 'production' && 'useStep()')
  const { workflow, idPrefix, step } = current
  const tracked = useRef(false)
  // The draft is selected only once `values`/`field` was read, so components that don't show it don't re-render as the user types.
  const draft = useSelector(workflow, (s) => (tracked.current ? s.drafts[step] : UNTRACKED))
  const state = useSelector(workflow, (s) => (tracked.current ? s.state : UNTRACKED))
  const issues = useSelector(workflow, (s) => s.issues)
  const busy = useSelector(workflow, (s) => s.status === 'busy')
  const error = useSelector(workflow, (s) => s.error)
  const canGoBack = useSelector(workflow, (s) => s.history.length > 1)
  const direction = useSelector(workflow, (s) => trackDirection(workflow, s))
  const headingProps = useHeadingOf(current)
  const setValue = useDraftSetter(workflow, step)
  // Stable across renders, so they can sit in effect dependencies (a form library's subscription).
  const actions = useMemo(() => stepActions<V, K>(workflow, step), [workflow, step])
  /** The draft and state this render shows; reading them subscribes the component from now on. */
  const shown = (): { draft: unknown; state: unknown } => {
    tracked.current = true
    if (draft !== UNTRACKED && state !== UNTRACKED) return { draft, state }
    const s = workflow.getSnapshot()
    return { draft: s.drafts[step], state: s.state }
  }
  return {
    ...actions, // getValues, setValues, submit, validate, back
    step: step as K,
    title: stepTitle(workflow.definition, step),
    get values() {
      const now = shown()
      return valuesOf(workflow, step, now.state, now.draft) as Partial<V>
    },
    setValue,
    field: (path, options) => {
      bindPath(workflow, step, path)
      const now = shown()
      return fieldProps(
        idPrefix,
        step,
        path,
        fieldValue(workflow, step, now.state, now.draft, path),
        issues[path] ?? NO_ISSUES,
        setValue,
        options,
      )
    },
    schema: schemaOf(workflow, step) as StepSchema<V> | undefined,
    issues,
    busy,
    error,
    canGoBack,
    isFinal: (workflow.definition.steps as Record<string, { final?: boolean }>)[step]?.final === true,
    direction,
    headingProps,
  }
}
