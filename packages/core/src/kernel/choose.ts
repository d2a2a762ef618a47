import { hint } from '../didYouMean'
import type { GuardContext, StepDef, WorkflowDefinition } from '../types'
import { WorkflowError } from '../WorkflowError'
import { NO_SKIPS, type Skip } from './state'

type AnyStep = StepDef<any, string, any>

export const stepOf = (definition: WorkflowDefinition, id: string): AnyStep => (definition.steps as Record<string, AnyStep>)[id] as AnyStep

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e))
const list = (names: readonly string[] = []) => names.join(', ')

/** Runs a user-supplied guard; a throw becomes a `GUARD_FAILED` error naming the step. */
const guard = <T>(step: string, what: string, fn: () => T): T => {
  try {
    return fn()
  } catch (cause) {
    // A choice made of other choices (a repeat's way on) passes their own errors through.
    if (cause instanceof WorkflowError && cause.category === 'transition') throw cause
    throw new WorkflowError(
      'GUARD_FAILED',
      process.env.NODE_ENV !== 'production' &&
        `${what} of step '${step}' threw: ${describe(cause)}. Guards must not throw; return false instead.`,
      { category: 'transition', step, cause },
    )
  }
}

/**
 * The step that follows `id` given `state`: the one place that evaluates `next` (`edgesOf` is the one
 * that lists it). Throws NO_CHOICE, AMBIGUOUS_CHOICE, INVALID_TARGET or GUARD_FAILED.
 */
export const chooseNext = (definition: WorkflowDefinition, id: string, state: object, input?: unknown): string => {
  const { next, targets } = stepOf(definition, id)
  if (typeof next === 'string') return next
  return choose(id, next, targets, input === undefined ? { state, step: id } : { state, step: id, input })
}

/** Evaluates a `next` (of step `id`) in a context: what `chooseNext` does once it has the step. */
export const choose = (
  id: string,
  next: AnyStep['next'],
  targets: readonly string[] | undefined,
  ctx: GuardContext<object, string>,
): string => {
  if (typeof next === 'string') return next
  if (typeof next === 'function') {
    const to = guard(id, '`next`', () => next(ctx))
    if (to === undefined) {
      throw new WorkflowError(
        'NO_CHOICE',
        process.env.NODE_ENV !== 'production' &&
          `step '${id}' could not choose a next step (its \`next\` returned undefined); make it return one of: ${list(targets)}.`,
        { category: 'transition', step: id },
      )
    }
    if (!targets?.includes(to)) {
      throw new WorkflowError(
        'INVALID_TARGET',
        process.env.NODE_ENV !== 'production' &&
          `step '${id}' chose '${String(to)}', which is not in its targets (${list(targets)}); add it to \`targets\` or return another step.${hint(String(to), targets ?? [])}`,
        { category: 'transition', step: id, details: { to } },
      )
    }
    return to
  }
  const choices = next ?? []
  let chosen: (typeof choices)[number] | undefined
  let matched: (typeof choices)[number][] | undefined
  for (const c of choices) {
    if (c.when && guard(id, `the guard to '${c.to}'`, () => c.when?.(ctx))) {
      if (!chosen) chosen = c
      else {
        matched ??= [chosen]
        matched.push(c)
      }
    }
  }
  const name = (c: (typeof choices)[number]) => c.label ?? `to '${c.to}'`
  if (matched) {
    throw new WorkflowError(
      'AMBIGUOUS_CHOICE',
      process.env.NODE_ENV !== 'production' &&
        `step '${id}' has ${matched.length} guards that hold (${matched.map(name).join(', ')}); exactly one must, so make their conditions exclusive.`,
      { category: 'transition', step: id, details: { matched: matched.map((c) => c.to) } },
    )
  }
  chosen ??= choices.find((c) => !c.when)
  if (!chosen) {
    throw new WorkflowError(
      'NO_CHOICE',
      process.env.NODE_ENV !== 'production' &&
        `step '${id}' has no guard that holds (${choices.map(name).join(', ')}); add a fallback { to } without \`when\`, or check the state its guards read.`,
      { category: 'transition', step: id, details: { guards: choices.map((c) => c.to) } },
    )
  }
  return chosen.to
}

/** Why `id` is skipped given `state`, or undefined when it is shown. */
export const skipReason = (definition: WorkflowDefinition, id: string, state: object): string | undefined => {
  const { skip } = stepOf(definition, id)
  if (!skip) return undefined
  const result = guard(id, '`skip`', () => skip({ state, step: id }))
  if (!result) return undefined
  return typeof result === 'string' ? result : 'skip returned true'
}

type Reached = { step: string; skipped: readonly Skip[] }

/**
 * Follows skips from `target` to the first step that is shown. Capped at the number of steps, so a loop cannot hang.
 * A target without `skip` (most moves) is answered here, small enough to be inlined, so its result is never allocated.
 */
export const reach = (definition: WorkflowDefinition, target: string, state: object, cap: number): Reached =>
  stepOf(definition, target).skip ? skipFrom(definition, target, state, cap) : { step: target, skipped: NO_SKIPS }

const skipFrom = (definition: WorkflowDefinition, target: string, state: object, cap: number): Reached => {
  const skipped: Skip[] = []
  let step = target
  for (let reason = skipReason(definition, step, state); reason !== undefined; reason = skipReason(definition, step, state)) {
    skipped.push({ step, reason })
    if (skipped.length > cap) {
      throw new WorkflowError(
        'SKIP_LOOP',
        process.env.NODE_ENV !== 'production' &&
          `skipping went round in a loop (${skipped
            .slice(-10)
            .map((s) => s.step)
            .join(' → ')}); make one of these steps not skippable for this state.`,
        { category: 'transition', step },
      )
    }
    step = chooseNext(definition, step, state)
  }
  return { step, skipped }
}
