import {
  createWorkflow,
  defineWorkflow,
  getPersistedSnapshot,
  replay,
  resumeWorkflow,
  type StepDef,
  type Workflow,
  type WorkflowDefinition,
  WorkflowError,
  type WorkflowSnapshot,
} from '@flowkit/core'
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

/** The flow `spec` describes; `calls.n` counts its actions' runs. */
const toDefinition = (spec: StepSpec[], calls = { n: 0 }): WorkflowDefinition<State> | undefined => {
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
      ...(action
        ? {
            actions: [
              ({ state, input }: { state: State; input: unknown }) => {
                calls.n++
                return { ...(input as object), n: state.n + 1 }
              },
            ],
          }
        : {}),
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

/**
 * A reference model of the semantics, written from the spec alone (not from the engine): the path of
 * completed steps with their contributions, the current step, and whether the flow is done.
 */
class Model {
  path: { step: number; patch: object }[] = []
  current = 0
  done = false
  drafts = new Map<number, unknown>()
  constructor(readonly spec: StepSpec[]) {
    this.current = this.reach(0, this.state())
  }
  state(): State {
    return Object.assign({ a: 0, b: 0, n: 0 }, ...this.path.map((f) => f.patch))
  }
  final(step: number) {
    return step === this.spec.length
  }
  skipped(step: number, state: State) {
    const skip = this.spec[step]?.skip
    return !this.final(step) && !!skip && state[skip.field] === skip.value
  }
  successor(step: number, state: State) {
    const kind = (this.spec[step] as StepSpec).kind
    if (kind.type === 'fixed') return kind.to
    if (kind.type === 'guarded') return state[kind.field] === kind.value ? kind.to : kind.otherwise
    return state[kind.field] % 2 === 0 ? kind.targets[0] : kind.targets[1]
  }
  reach(step: number, state: State) {
    let at = step
    while (this.skipped(at, state)) at = this.successor(at, state)
    return at
  }
  targets(step: number): number[] {
    const kind = (this.spec[step] as StepSpec | undefined)?.kind
    if (!kind) return []
    return kind.type === 'fixed' ? [kind.to] : kind.type === 'guarded' ? [kind.to, kind.otherwise] : kind.targets
  }
  canFollow(from: number, step: number) {
    const seen = new Set([from])
    const queue = [from]
    for (let i = 0; i < queue.length; i++) {
      for (const t of this.targets(queue[i] as number)) {
        if (!seen.has(t)) {
          seen.add(t)
          queue.push(t)
        }
      }
    }
    return seen.has(step)
  }
  next(input: { a: number; b: number } | undefined) {
    if (input !== undefined) this.drafts.set(this.current, input)
    const before = this.state()
    const patch = this.spec[this.current]?.action ? { ...input, n: before.n + 1 } : (input ?? {})
    this.path.push({ step: this.current, patch })
    if (this.final(this.current)) this.done = true
    else this.current = this.reach(this.successor(this.current, this.state()), this.state())
  }
  back() {
    const top = this.path.pop()
    if (top) {
      this.current = top.step
      this.done = false
    }
  }
  goTo(step: number) {
    if (step === this.current && !this.done) return
    const i = this.path.map((f) => f.step).lastIndexOf(step)
    if (i < 0 && !this.done && step <= this.spec.length && this.canFollow(this.current, step)) {
      // Forward: complete the steps in between with their drafts, until the step, the end, or a loop.
      for (let hops = 0; this.current !== step && !this.final(this.current) && hops <= (this.spec.length + 1) * 4; hops++) {
        this.next(this.drafts.get(this.current) as { a: number; b: number } | undefined)
      }
      return
    }
    if (i < 0) return
    this.path = this.path.slice(0, i)
    this.current = step
    this.done = false
  }
  reset() {
    this.drafts.clear()
    this.path = []
    this.done = false
    this.current = this.reach(0, this.state())
  }
  history() {
    return [...this.path.map((f) => `s${f.step}`), ...(this.done ? [] : [`s${this.current}`])]
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
const apply = async (workflow: Workflow<State>, event: Event, model?: Model): Promise<boolean> => {
  const before = workflow.getSnapshot()
  if (model) {
    if (event.type === 'next' && !model.done) model.next(event.input)
    else if (event.type === 'back') model.back()
    else if (event.type === 'reset') model.reset()
    else if (event.type === 'goTo') model.goTo(event.pick)
    else if (event.type === 'draft' && !model.done) model.drafts.set(model.current, { a: event.value })
  }
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
    return false
  }
  // A draft keeps the last move's error: only moves set it afresh.
  return event.type !== 'draft'
}

const invariants = (definition: WorkflowDefinition<State>, workflow: Workflow<State>) => {
  const snapshot = workflow.getSnapshot()
  const steps = definition.steps as Record<string, StepDef<State>>
  // The current step is never one that is skipped in the state it was entered with.
  if (snapshot.status !== 'done') expect(steps[snapshot.step]?.skip?.({ state: snapshot.state, step: snapshot.step }) ?? false).toBe(false)
  // state = initial state + the contributions of the steps on the path, in order.
  const persisted = getPersistedSnapshot(workflow)
  expect(snapshot.state).toEqual(Object.assign({}, definition.state, ...persisted.path.map((frame) => frame.patch)))
  // History is the completed path plus the current step.
  expect(snapshot.history).toEqual([...persisted.path.map((f) => f.step), ...(snapshot.status === 'done' ? [] : [snapshot.step])])
  expect(snapshot.progress.position).toBe(snapshot.history.length)
  expect(snapshot.progress.total).toBeGreaterThanOrEqual(snapshot.progress.position)
}

const same = (a: Workflow<State>, b: Workflow<State>, errors = true) => {
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
  if (errors) expect(y.error?.code).toBe(x.error?.code)
}

/** What a user sees of a snapshot (a replayed one is never busy). */
const view = (s: WorkflowSnapshot<State>) => [
  s.step,
  s.status === 'busy' ? 'idle' : s.status,
  s.state,
  s.history,
  s.skipped,
  s.drafts,
  s.progress,
  s.upcoming,
]

describe('properties of random flows under random events', () => {
  test('the engine agrees with a reference model and keeps its invariants after every event, and snapshot → JSON → resume behaves identically', async () => {
    await fc.assert(
      fc.asyncProperty(specs, events, async (spec, sequence) => {
        const definition = toDefinition(spec)
        fc.pre(definition !== undefined)
        if (!definition) return
        const workflow = createWorkflow(definition, { now: () => 0 })
        const model = new Model(spec)
        invariants(definition, workflow)
        for (const event of sequence) {
          await apply(workflow, event, model)
          invariants(definition, workflow)
          // The engine agrees with the reference model.
          const snapshot = workflow.getSnapshot()
          expect([snapshot.step, snapshot.status === 'done', snapshot.history, snapshot.state]).toEqual([
            `s${model.current}`,
            model.done,
            model.history(),
            model.state(),
          ])
        }
        // The one replay rebuilds exactly what the live instance holds.
        const live = workflow.getSnapshot()
        const { snapshot: replayed } = replay(definition, JSON.parse(JSON.stringify(getPersistedSnapshot(workflow))), { now: () => 0 })
        expect(view(replayed)).toEqual(view(live))
        const errors: WorkflowError[] = []
        const resumed = resumeWorkflow(definition, JSON.parse(JSON.stringify(getPersistedSnapshot(workflow))), {
          now: () => 0,
          onError: (e) => errors.push(e),
        })
        expect(errors).toEqual([])
        // The last move's error (FORWARD_BLOCKED, say) belongs to that move and is not part of a snapshot.
        same(workflow, resumed, false)
        for (const event of sequence.slice(0, 8)) {
          const moved = await apply(workflow, event)
          await apply(resumed, event)
          // A refused move (NOT_VISITED…) leaves the last move's error, which a resumed copy never had.
          same(workflow, resumed, moved)
        }
      }),
      { numRuns: 300 },
    )
    // 300 random flows: seconds of work, more on a busy machine.
  }, 60_000)

  test('a round trip over unchanged answers (goTo an earlier step, then goTo where the user was) restores the snapshot and runs no action again', async () => {
    let tried = 0
    await fc.assert(
      fc.asyncProperty(specs, events, fc.nat(), async (spec, sequence, pick) => {
        const calls = { n: 0 }
        const definition = toDefinition(spec, calls)
        fc.pre(definition !== undefined)
        if (!definition) return
        const workflow = createWorkflow(definition, { now: () => 0 })
        for (const event of sequence) await apply(workflow, event)
        const before = workflow.getSnapshot()
        const { history, drafts } = before
        // Going forward never finishes the flow, and goTo a step visited before goes back to it.
        if (before.status === 'done' || history.indexOf(before.step) !== history.length - 1) return
        const { path } = getPersistedSnapshot(workflow)
        // Where the way back is one path: every step from there on visited once, each draft still the answer given.
        const from = path
          .map((_, i) => i)
          .filter(
            (i) =>
              new Set(history.slice(i)).size === history.length - i &&
              path.slice(i).every((frame) => JSON.stringify(drafts[frame.step]) === JSON.stringify(frame.input)),
          )
        if (from.length === 0) return
        tried++
        workflow.goTo(history[from[pick % from.length] as number] as string)
        const ran = calls.n
        expect(view(workflow.goTo(before.step))).toEqual(view(before))
        expect(calls.n).toBe(ran)
      }),
      { numRuns: 300 },
    )
    expect(tried).toBeGreaterThan(50)
  }, 60_000)
})
