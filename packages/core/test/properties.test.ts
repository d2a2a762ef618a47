import { createWorkflow, defineWorkflow, type StepDef, type Workflow, type WorkflowDefinition, WorkflowError } from '@flowkit/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

type State = { a: number; b: number; n: number }
type Kind =
  | { type: 'fixed'; to: number }
  | { type: 'guarded'; field: 'a' | 'b'; value: number; to: number; otherwise: number }
  | { type: 'choice'; field: 'a' | 'b'; targets: [number, number] }
type StepSpec = { kind: Kind; skip: null | { field: 'a' | 'b'; value: number }; action: boolean }

const field = fc.constantFrom<'a' | 'b'>('a', 'b')
const small = fc.integer({ min: 0, max: 2 })

/** Random flows: steps s0…s(n-1), the last one final, each other step with a random next, skip and action. */
const specs = fc.integer({ min: 2, max: 7 }).chain((n) => {
  const target = fc.integer({ min: 0, max: n - 1 })
  const kind: fc.Arbitrary<Kind> = fc.oneof(
    target.map((to) => ({ type: 'fixed' as const, to })),
    fc.record({ type: fc.constant('guarded' as const), field, value: small, to: target, otherwise: target }),
    fc.record({ type: fc.constant('choice' as const), field, targets: fc.tuple(target, target) }),
  )
  const step: fc.Arbitrary<StepSpec> = fc.record({ kind, skip: fc.option(fc.record({ field, value: small })), action: fc.boolean() })
  return fc.array(step, { minLength: n - 1, maxLength: n - 1 })
})

const toDefinition = (spec: StepSpec[]): WorkflowDefinition<State> | undefined => {
  const id = (i: number) => `s${i}`
  const steps: Record<string, StepDef<State>> = {}
  spec.forEach(({ kind, skip, action }, i) => {
    const next =
      kind.type === 'fixed'
        ? id(kind.to)
        : kind.type === 'guarded'
          ? [{ to: id(kind.to), when: ({ state }: { state: State }) => state[kind.field] === kind.value }, { to: id(kind.otherwise) }]
          : ({ state }: { state: State }) => (state[kind.field] % 2 === 0 ? id(kind.targets[0]) : id(kind.targets[1]))
    steps[id(i)] = {
      next,
      ...(kind.type === 'choice' ? { targets: kind.targets.map(id) } : {}),
      ...(skip ? { skip: ({ state }: { state: State }) => state[skip.field] === skip.value } : {}),
      ...(action ? { actions: [({ state, input }: { state: State; input: unknown }) => ({ ...(input as object), n: state.n + 1 })] } : {}),
    }
  })
  steps[id(spec.length)] = { final: true }
  try {
    return defineWorkflow({ id: 'random', initial: 's0', state: { a: 0, b: 0, n: 0 }, steps })
  } catch (error) {
    // Unreachable steps and skip cycles are rejected by design; such flows are not generated further.
    if (error instanceof WorkflowError) return undefined
    throw error
  }
}

type Event =
  | { type: 'next'; input: { a: number; b: number } }
  | { type: 'back' }
  | { type: 'goTo'; pick: number }
  | { type: 'reset' }
  | { type: 'draft'; value: number }
const events = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ type: fc.constant('next' as const), input: fc.record({ a: small, b: small }) }) },
    { weight: 2, arbitrary: fc.constant({ type: 'back' as const }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('goTo' as const), pick: fc.nat(10) }) },
    { weight: 1, arbitrary: fc.constant({ type: 'reset' as const }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('draft' as const), value: small }) },
  ),
  { maxLength: 25 },
)

/** Applies an event; only documented programmer errors may escape, and they change nothing. */
const apply = async (workflow: Workflow<State>, event: Event) => {
  const before = workflow.getSnapshot()
  try {
    if (event.type === 'next') await workflow.next(event.input)
    else if (event.type === 'back') workflow.back()
    else if (event.type === 'reset') workflow.reset()
    else if (event.type === 'draft') workflow.setDraft(before.step, { a: event.value })
    else workflow.goTo(`s${event.pick}`)
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowError)
    expect(['NOT_VISITED', 'UNKNOWN_STEP', 'WORKFLOW_DONE']).toContain((error as WorkflowError).code)
    expect(workflow.getSnapshot()).toBe(before)
  }
}

const invariants = (definition: WorkflowDefinition<State>, workflow: Workflow<State>) => {
  const snapshot = workflow.getSnapshot()
  const steps = definition.steps as Record<string, StepDef<State>>
  // The current step is never one that is skipped in the state it was entered with.
  if (snapshot.status !== 'done') expect(steps[snapshot.step]?.skip?.({ state: snapshot.state, step: snapshot.step }) ?? false).toBe(false)
  // state = initial state + the contributions of the steps on the path, in order.
  const persisted = workflow.getPersistedSnapshot()
  expect(snapshot.state).toEqual(Object.assign({}, definition.state, ...persisted.path.map((frame) => frame.patch)))
  // History is the completed path plus the current step.
  expect(snapshot.history).toEqual([...persisted.path.map((f) => f.step), ...(snapshot.status === 'done' ? [] : [snapshot.step])])
  expect(snapshot.progress.position).toBe(snapshot.history.length)
  expect(snapshot.progress.total).toBeGreaterThanOrEqual(snapshot.progress.position)
}

const same = (a: Workflow<State>, b: Workflow<State>) => {
  const x = a.getSnapshot()
  const y = b.getSnapshot()
  expect([y.step, y.status, y.state, y.history, y.skipped, y.progress, y.drafts]).toEqual([
    x.step,
    x.status,
    x.state,
    x.history,
    x.skipped,
    x.progress,
    x.drafts,
  ])
  expect(y.error?.code).toBe(x.error?.code)
}

describe('properties of random flows under random events', () => {
  test('invariants hold after every event, and snapshot → JSON → resume behaves identically', async () => {
    await fc.assert(
      fc.asyncProperty(specs, events, async (spec, sequence) => {
        const definition = toDefinition(spec)
        fc.pre(definition !== undefined)
        if (!definition) return
        const workflow = createWorkflow(definition, { now: () => 0 })
        invariants(definition, workflow)
        for (const event of sequence) {
          await apply(workflow, event)
          invariants(definition, workflow)
        }
        const errors: WorkflowError[] = []
        const resumed = createWorkflow(definition, {
          now: () => 0,
          snapshot: JSON.parse(JSON.stringify(workflow.getPersistedSnapshot())),
          onError: (e) => errors.push(e),
        })
        expect(errors).toEqual([])
        same(workflow, resumed)
        for (const event of sequence.slice(0, 8)) {
          await apply(workflow, event)
          await apply(resumed, event)
          same(workflow, resumed)
        }
      }),
      { numRuns: 300 },
    )
  })
})
