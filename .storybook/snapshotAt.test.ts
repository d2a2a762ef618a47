import { defineWorkflow, resumeWorkflow, WorkflowError } from '@flowkit/core'
import { createWorkflowAt, snapshotAt } from '@flowkit/react/storybook'
import { describe, expect, it } from 'vitest'

/** start → kind (branch: person → name, company → vat) → extras (skipped unless wanted) → confirm. */
const signup = defineWorkflow({
  id: 'signup',
  version: 2,
  initial: 'start',
  state: { kind: null as 'person' | 'company' | null, name: '', vat: '', extras: false },
  steps: {
    start: { title: 'Start', next: 'kind' },
    kind: {
      next: [
        { to: 'name', when: ({ state }) => state.kind === 'person', label: 'a person' },
        { to: 'vat', when: ({ state }) => state.kind === 'company', label: 'a company' },
      ],
    },
    name: { next: 'extras', actions: [() => Promise.reject(new Error('actions never run while seeding'))] },
    vat: { next: 'extras' },
    extras: { skip: ({ state }) => !state.extras, next: 'confirm' },
    confirm: { final: true },
  },
})

const expectError = (fn: () => unknown, code: string, message: RegExp) => {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(WorkflowError)
  expect((caught as WorkflowError).code).toBe(code)
  expect((caught as WorkflowError).message).toMatch(message)
}

describe('snapshotAt', () => {
  it('opens the first step by default, with nothing completed', () => {
    const flow = createWorkflowAt(signup)
    expect(flow.getSnapshot()).toMatchObject({ step: 'start', status: 'idle', history: ['start'] })
  })

  it('walks the path the state leads along, through branches and past skipped steps, without running actions', () => {
    const flow = createWorkflowAt(signup, { at: 'confirm', state: { kind: 'person', name: 'Ada' } })
    const s = flow.getSnapshot()
    expect(s.history).toEqual(['start', 'kind', 'name', 'confirm'])
    expect(s.skipped).toEqual(['extras'])
    expect(s.state).toEqual({ kind: 'person', name: 'Ada', vat: '', extras: false })
    expect(s.progress).toEqual({ position: 4, total: 4, exact: true })
  })

  it('takes the other branch when the state says so', () => {
    expect(createWorkflowAt(signup, { at: 'vat', state: { kind: 'company' } }).getSnapshot().history).toEqual(['start', 'kind', 'vat'])
  })

  it('returns a JSON-safe persisted snapshot that createWorkflow resumes', () => {
    const snapshot = snapshotAt(signup, { at: 'extras', state: { kind: 'company', extras: true }, drafts: { extras: { gift: true } } })
    const copy = JSON.parse(JSON.stringify(snapshot))
    expect(copy).toMatchObject({ workflow: 'signup', version: 2, step: 'extras', done: false, drafts: { extras: { gift: true } } })
    expect(copy.path.map((f: { step: string }) => f.step)).toEqual(['start', 'kind', 'vat'])
    const flow = resumeWorkflow(signup, copy)
    expect(flow.getSnapshot().step).toBe('extras')
    expect(flow.getSnapshot().drafts).toEqual({ extras: { gift: true } })
  })

  it('prefills steps before the current one with their drafts, so going back shows them', () => {
    const flow = createWorkflowAt(signup, { at: 'extras', state: { kind: 'person', extras: true }, drafts: { name: { name: 'Ada' } } })
    flow.back()
    expect(flow.getSnapshot()).toMatchObject({ step: 'name', drafts: { name: { name: 'Ada' } } })
  })

  it('follows an explicit path, each frame with its own contribution, and ends where it leads', () => {
    const flow = createWorkflowAt(signup, {
      path: ['start', { step: 'kind', patch: { kind: 'company' }, input: { kind: 'company' } }, { step: 'vat', patch: { vat: 'IE1' } }],
    })
    expect(flow.getSnapshot()).toMatchObject({ step: 'confirm', state: { kind: 'company', vat: 'IE1' } })
    flow.goTo('kind')
    expect(flow.getSnapshot()).toMatchObject({ state: { kind: null, vat: '' }, drafts: { kind: { kind: 'company' } } })
  })

  it('finishes the flow with done', () => {
    const s = createWorkflowAt(signup, { state: { kind: 'person' }, done: true }).getSnapshot()
    expect(s).toMatchObject({ status: 'done', step: 'confirm' })
  })

  it('leaves the definition as it was', () => {
    const before = JSON.stringify(signup)
    snapshotAt(signup, { at: 'confirm', state: { kind: 'company' } })
    expect(JSON.stringify(signup)).toBe(before)
    expect(signup.steps.name.actions).toHaveLength(1)
  })
})

describe('snapshotAt refuses a seed that does not fit, saying what to change', () => {
  it('names an unknown step and lists the defined ones', () => {
    expectError(
      () => snapshotAt(signup, { at: 'payment' as never }),
      'UNKNOWN_STEP',
      /with step 'payment': there is no such step; defined steps: start, kind, name, vat, extras, confirm/,
    )
    expectError(() => snapshotAt(signup, { at: '__proto__' as never }), 'UNKNOWN_STEP', /with step '__proto__': there is no such step/)
  })

  it('says when the state leaves a branch undecided', () => {
    expectError(
      () => snapshotAt(signup, { at: 'name' }),
      'SNAPSHOT_MISMATCH',
      /step 'kind' has no guard that holds \(a person, a company\).*Give `state` the answers/,
    )
  })

  it('says when the step is not on the path the state leads along', () => {
    expectError(
      () => snapshotAt(signup, { at: 'vat', state: { kind: 'person' } }),
      'SNAPSHOT_MISMATCH',
      /step 'vat' is not on the path this state leads along \(start → kind → name → confirm\)/,
    )
  })

  it('says when a skipped step is asked for', () => {
    expectError(
      () => snapshotAt(signup, { at: 'extras', state: { kind: 'person' } }),
      'SNAPSHOT_MISMATCH',
      /step 'extras' is not on the path/,
    )
  })

  it('refuses state at the first step, where nothing is completed', () => {
    expectError(
      () => snapshotAt(signup, { state: { kind: 'person' } }),
      'SNAPSHOT_MISMATCH',
      /'start' is the first step.*prefill the form with `drafts`/,
    )
  })

  it('says where an explicit path leaves the flow', () => {
    expectError(
      () => snapshotAt(signup, { path: ['start', 'name'] }),
      'SNAPSHOT_MISMATCH',
      /`path` lists 'name' where the flow goes from 'start' to 'kind'/,
    )
    expectError(() => snapshotAt(signup, { path: ['kind'] }), 'SNAPSHOT_MISMATCH', /`path` lists 'kind' where the flow starts at 'start'/)
    expectError(() => snapshotAt(signup, { path: ['start'], at: 'confirm' }), 'SNAPSHOT_MISMATCH', /leads to step 'kind', not 'confirm'/)
  })

  it('refuses a path that goes on after the final step', () => {
    expectError(
      () => snapshotAt(signup, { path: ['start', 'kind', 'name', 'confirm', 'start'], state: { kind: 'person' } }),
      'SNAPSHOT_MISMATCH',
      /goes on after the final step/,
    )
  })

  it('refuses state that is not plain data, naming the problem', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expectError(() => snapshotAt(signup, { at: 'kind', state: { name: cyclic as never } }), 'SNAPSHOT_MISMATCH', /contains a cycle/)
  })
})
