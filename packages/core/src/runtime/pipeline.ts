import { stepOf } from '../kernel/choose'
import type { FlowState } from '../kernel/state'
import { toPlain } from '../plain'
import type { Issues, StepDef, WorkflowDefinition } from '../types'
import { runActions } from './actions'
import { andThen, settle } from './async'
import { refusedIssues } from './refuse'
import { validate } from './validate'

/** What a step made of its input: the contribution to apply, or the issues that refused it. `input` is the plain copy kept as the draft. */
export type Outcome =
  | { readonly input: unknown; readonly patch: Readonly<Record<string, unknown>>; readonly issues?: undefined }
  | { readonly input: unknown; readonly issues: Issues }

type AnyStep = StepDef<any, string, any>

/**
 * The pipeline after the copy: validate `plain` (the input's plain copy) with the step's schema, run
 * its actions (`step` is the current step's definition). Synchronous for synchronous work.
 */
export const runPlain = (
  definition: WorkflowDefinition,
  s: FlowState,
  step: AnyStep,
  plain: unknown,
  signal: () => AbortSignal,
): Outcome | Promise<Outcome> => {
  const { validate: schema } = step
  // An action that throws refuse({ field: 'why' }) refuses the input as a schema would: issues, not an error.
  const act = (value: unknown, fresh: boolean): Outcome | Promise<Outcome> =>
    settle(
      () => andThen(runActions(definition, s, step, value, signal, fresh), (patch): Outcome => ({ input: plain, patch })),
      (error): Outcome => {
        const issues = refusedIssues(error)
        if (!issues) throw error
        return { input: plain, issues }
      },
    )
  if (!schema) return act(plain, true)
  return andThen(validate(schema, plain), (result) => (result.issues ? { input: plain, issues: result.issues } : act(result.value, false)))
}

/**
 * The input pipeline of the current step, the part where users' code runs: copy the input (JSON
 * values only), validate it with the step's schema, run its actions. Synchronous for synchronous
 * work. Throws a WorkflowError (INVALID_INPUT, ACTION_FAILED, STATE_IMMUTABLE…); `onInput` receives
 * the plain copy first, so callers can keep it as the draft whatever happens.
 */
export const runStep = (
  definition: WorkflowDefinition,
  s: FlowState,
  input: unknown,
  signal: () => AbortSignal,
  onInput?: (plain: unknown) => void,
): Outcome | Promise<Outcome> => {
  const plain = toPlain(input, 'the input', s.step)
  onInput?.(plain)
  return runPlain(definition, s, stepOf(definition, s.step), plain, signal)
}
