import {
  composeWorkflow,
  createWorkflow,
  defineWorkflow,
  getPersistedSnapshot,
  replay,
  resumeWorkflow,
  type StepDef,
  type StepGroup,
  type Workflow,
  type WorkflowDefinition,
  WorkflowError,
} from '@flowkit/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

type Child = { a: number; n: number }
type Parent = { skipSub: number; sub?: Child; items?: Child[] }

const small = fc.integer({ min: 0, max: 2 })

/** A random child flow: c0…c(n-1) in a line or with one guarded branch, each step with or without an action. */
const childSpecs = fc.record({
  length: fc.integer({ min: 1, max: 3 }),
  branch: fc.option(fc.record({ at: fc.nat(2), value: small })),
  actions: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  skip: fc.option(fc.record({ at: fc.nat(2), value: small })),
})
type ChildSpec = typeof childSpecs extends fc.Arbitrary<infer T> ? T : never

const childOf = (spec: ChildSpec, id: string): WorkflowDefinition<Child> => {
  const steps: Record<string, StepDef<Child>> = {}
  for (let i = 0; i < spec.length; i++) {
    const to = `c${i + 1}`
    const branch = spec.branch && spec.branch.at === i && i + 2 <= spec.length ? spec.branch : null
    steps[`c${i}`] = {
      next: branch ? [{ to: `c${i + 2}`, when: ({ state }) => state.a === branch.value }, { to }] : to,
      ...(spec.actions[i] ? { actions: [({ state, input }) => ({ ...(input as object), n: state.n + 1 })] } : {}),
      ...(spec.skip && spec.skip.at === i && i > 0
        ? { skip: ({ state }: { state: Child }) => state.a === (spec.skip as { value: number }).value }
        : {}),
    }
  }
  steps[`c${spec.length}`] = { final: true }
  return defineWorkflow({ id, initial: 'c0', state: { a: 0, n: 0 }, steps })
}

const parentOf = (sub: WorkflowDefinition<Child>, item: WorkflowDefinition<Child>, min: number, max: number) =>
  composeWorkflow({
    id: 'parent',
    initial: 'p0',
    state: { skipSub: 0 } as Parent,
    steps: {
      p0: { next: 'sub' },
      sub: { flow: sub, skip: ({ state }) => state.skipSub === 1, next: 'items' },
      items: { repeat: { flow: item, min, max }, next: 'end' },
      end: { final: true },
    },
  })

type Event =
  | { type: 'next'; input: { a: number; skipSub: number } }
  | { type: 'summary'; action: 'add' | 'change' | 'remove' | 'continue'; item: number }
  | { type: 'back' }
  | { type: 'goTo'; pick: number }
  | { type: 'reset' }
const events = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ type: fc.constant('next' as const), input: fc.record({ a: small, skipSub: small }) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('summary' as const),
        action: fc.constantFrom('add', 'change', 'remove', 'continue') as fc.Arbitrary<'add'>,
        item: small,
      }),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'back' as const }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('goTo' as const), pick: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.constant({ type: 'reset' as const }) },
  ),
  { minLength: 10, maxLength: 40 },
)

const apply = async (workflow: Workflow<Parent, any>, event: Event) => {
  const before = workflow.getSnapshot()
  const ids = Object.keys(workflow.definition.steps)
  try {
    if (event.type === 'next') await workflow.next(before.step === 'items' ? { action: 'add' } : event.input)
    else if (event.type === 'summary')
      await workflow.next(before.step === 'items' ? { action: event.action, item: event.item } : { a: event.item, skipSub: 0 })
    else if (event.type === 'back') workflow.back()
    else if (event.type === 'reset') workflow.reset()
    else workflow.goTo(ids[event.pick % ids.length] as string)
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowError)
    expect(['NOT_VISITED', 'WORKFLOW_DONE']).toContain((error as WorkflowError).code)
    expect(workflow.getSnapshot()).toBe(before)
  }
}

/** A reference for where a contribution goes: written from `groups` alone, not from the engine's scopes. */
const addAt = (state: object, groups: readonly StepGroup[], patch: object): object => {
  const [group, ...rest] = groups
  if (!group) return { ...state, ...patch }
  const here = state as Record<string, unknown>
  if (group.kind === 'flow') return { ...here, [group.key]: addAt({ a: 0, n: 0, ...(here[group.key] as object) }, rest, patch) }
  const items = [...((here[group.key] as object[] | undefined) ?? [])]
  items[group.item as number] = addAt({ a: 0, n: 0, ...items[group.item as number] }, rest, patch)
  return { ...here, [group.key]: items }
}

/** The child on its own, given the inputs its steps got on the parent's path: the reference for the sub-flow's data. */
const alone = async (child: WorkflowDefinition<Child>, inputs: unknown[]) => {
  const flow = createWorkflow(child)
  for (const input of inputs) await flow.next(input)
  return flow.getSnapshot().state
}

const invariants = async (definition: WorkflowDefinition<Parent, any>, sub: WorkflowDefinition<Child>, workflow: Workflow<Parent, any>) => {
  const snapshot = workflow.getSnapshot()
  const steps = definition.steps as Record<string, StepDef<Parent>>
  if (snapshot.status !== 'done') expect(steps[snapshot.step]?.skip?.({ state: snapshot.state, step: snapshot.step }) ?? false).toBe(false)
  const persisted = getPersistedSnapshot(workflow)
  // state = initial + each contribution on the path, a child step's at its child's place (from `groups`).
  expect(snapshot.state).toEqual(
    persisted.path.reduce<object>((state, frame) => addAt(state, steps[frame.step]?.groups ?? [], frame.patch), definition.state),
  )
  const subInputs = persisted.path.filter((f) => f.step.startsWith('sub.')).map((f) => f.input)
  if (subInputs.length > 0) expect(snapshot.state.sub).toEqual(await alone(sub, subInputs))
  else expect(snapshot.state.sub).toBeUndefined()
  // Every item is one the path added: item i exists only if a step of slot i is on the path.
  for (const [i] of (snapshot.state.items ?? []).entries()) expect(persisted.path.some((f) => f.step.startsWith(`items.${i}.`))).toBe(true)
  const summary = steps.items?.summary
  expect((snapshot.state.items ?? []).length).toBeLessThanOrEqual(summary?.max ?? 0)
}

describe('properties of composed flows under random events', () => {
  test('sub-flows and repeats: the current step is never skipped, state is initial plus the path, the sub-flow matches the child alone, replay and resume agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        childSpecs,
        childSpecs,
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 3 }),
        events,
        async (a, b, min, max, sequence) => {
          const sub = childOf(a, 'sub-child')
          const item = childOf(b, 'item-child')
          const definition = parentOf(sub, item, min, max)
          const workflow = createWorkflow(definition, { now: () => 0 })
          await invariants(definition, sub, workflow)
          for (const event of sequence) {
            await apply(workflow, event)
            await invariants(definition, sub, workflow)
          }
          const live = workflow.getSnapshot()
          const json = () => JSON.parse(JSON.stringify(getPersistedSnapshot(workflow)))
          const view = (s: typeof live) => [s.step, s.status, s.state, s.history, s.skipped, s.drafts, s.progress, s.upcoming]
          expect(view(replay(definition, json(), { now: () => 0 }).snapshot)).toEqual(view(live))
          const verified = await replay(definition, json(), { now: () => 0, actions: true })
          expect(verified.snapshot.state).toEqual(live.state)
          const resumed = resumeWorkflow(definition, json(), { now: () => 0 })
          expect(view(resumed.getSnapshot())).toEqual(view(live))
          for (const event of sequence.slice(0, 8)) {
            await apply(workflow, event)
            await apply(resumed, event)
            expect(view(resumed.getSnapshot())).toEqual(view(workflow.getSnapshot()))
          }
        },
      ),
      { numRuns: 200 },
    )
  }, 60_000)
})
