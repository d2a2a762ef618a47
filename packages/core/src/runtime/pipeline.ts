import { stepOf } from '../kernel/choose'
import type { FlowState } from '../kernel/state'
import { toPlain } from '../plain'
import type { Issues, StepDef, WorkflowDefinition } from '../types'
import { runActions } from './actions'
import { andThen } from './async'
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
  if (!schema) return andThen(runActions(definition, s, step, plain, signal, true), (patch) => ({ input: plain, patch }))
  return andThen(validate(schema, plain), (result) =>
    result.issues
      ? { input: plain, issues: result.issues }
      : andThen(runActions(definition, s, step, result.value, signal, false), (patch) => ({ input: plain, patch })),
  )
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
