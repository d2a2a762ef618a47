import { composeWorkflow, isWorkflowError } from '@flowkit/core'
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStep, useStepGroup, WorkflowProvider, WorkflowSteps } from '../src'
import { createWorkflowAt, snapshotAt } from '../src/storybook'
import { address, type Dependant, dependant, family, order } from './composed'
import { modes, renderIn } from './fixtures'

const ada = { name: 'Ada', age: 7 }
const bob = { name: 'Bob', age: 5 }

describe('seeding at child steps', () => {
  it("opens a sub-flow's step, with each sub-flow's data under its key", () => {
    const shipping = { street: '1 Main St', city: 'Paris' }
    const flow = createWorkflowAt(order, { at: 'billing.city', state: { shipping, billing: { street: '9 Bank Rd', city: '' } } })
    const s = flow.getSnapshot()
    expect(s.step).toBe('billing.city')
    expect(s.history).toEqual(['cart', 'shipping.street', 'shipping.city', 'billing.street', 'billing.city'])
    expect(s.state.shipping).toEqual(shipping)
    flow.back()
    expect(flow.getSnapshot().step).toBe('billing.street')
  })

  it("opens the next new item of a repeat: the summary's move is add", async () => {
    const snapshot = snapshotAt(family(), { at: 'dependants.1.age', state: { dependants: [ada] } })
    expect(snapshot.path.map((f) => [f.step, f.input])).toEqual([
      ['about', undefined],
      ['dependants', { action: 'add' }],
      ['dependants.1.name', undefined],
    ])
    const flow = createWorkflowAt(family(), { at: 'dependants.1.age', state: { dependants: [ada] } })
    await flow.next({ age: 5 })
    expect(flow.getSnapshot().step).toBe('dependants')
    expect(flow.getSnapshot().state.dependants).toEqual([ada, { name: '', age: 5 }])
  })

  it('opens an item of the seeded state to change it; steps past the repeat continue', () => {
    const changing = snapshotAt(family(), { at: 'dependants.0.name', state: { dependants: [ada, bob] } })
    expect(changing.path.at(-1)).toMatchObject({ step: 'dependants', input: { action: 'change', item: 0 } })
    const review = createWorkflowAt(family(), { at: 'review', state: { dependants: [ada, bob] } })
    expect(review.getSnapshot().history).toEqual(['about', 'dependants', 'review'])
    expect(review.getSnapshot().state.dependants).toEqual([ada, bob])
  })

  it('follows summary moves listed in path', () => {
    const flow = createWorkflowAt(family(), {
      path: ['about', { step: 'dependants', input: { action: 'add' } }, { step: 'dependants.0.name', patch: { name: 'Ada' } }],
    })
    expect(flow.getSnapshot().step).toBe('dependants.0.age')
    expect(flow.getSnapshot().state.dependants).toEqual([{ name: 'Ada', age: 0 }])
  })

  it('names an unknown step, in `at` or `path`, with the nearest one', () => {
    expect(() => snapshotAt(family(), { at: 'dependants.0.nam' as never })).toThrow(
      /^seeding workflow 'family' with step 'dependants\.0\.nam': there is no such step; defined steps: about, dependants, .* Did you mean 'dependants\.0\.name'\?$/,
    )
    expect(() => snapshotAt(family(), { path: ['abut' as never] })).toThrow(/with step 'abut': .* Did you mean 'about'\?$/)
  })

  it('says how to fix an item the seeded state cannot reach', () => {
    let error: unknown
    try {
      snapshotAt(family(), { at: 'dependants.2.name', state: { dependants: [ada] } })
    } catch (e) {
      error = e
    }
    expect(isWorkflowError(error) && error.code).toBe('SNAPSHOT_MISMATCH')
    expect((error as Error).message).toMatch(
      /step 'dependants\.2\.name' is item 2 of 'dependants', but `state\.dependants` has 1 item; give it at least 2/,
    )
  })
})

function Item() {
  const { group, item, local } = useStepGroup()
  const { field } = useStep()
  return (
    <label>
      {`${group?.title} ${(item ?? 0) + 1}: ${local}`}
      <input {...field(local)} />
    </label>
  )
}

describe.each(modes)('a seeded item step renders %s', (_, strict) => {
  it("with the item's own answers", () => {
    const workflow = createWorkflowAt(family(), { at: 'dependants.1.name', state: { dependants: [ada, bob] } })
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ 'dependants.*': Item }} />
      </WorkflowProvider>,
    )
    expect(screen.getByLabelText('Dependants 2: name')).toHaveValue('Bob')
  })
})

describe('seeding a flow that opens with a sub-flow', () => {
  const opensWithSubflow = composeWorkflow({
    id: 'opens',
    initial: 'home',
    state: {} as { home?: { street: string; city: string }; dependants?: Dependant[] },
    steps: {
      home: { flow: address, next: 'dependants' },
      dependants: { repeat: { flow: dependant, max: 2 }, next: 'end' },
      end: { final: true },
    },
  })

  it("seeds the sub-flow's own data, and says which keys its steps cannot hold", () => {
    const flow = createWorkflowAt(opensWithSubflow, { at: 'home.city', state: { home: { street: '1 Main St', city: '' } } })
    expect(flow.getSnapshot().state.home).toEqual({ street: '1 Main St', city: '' })
    expect(() => snapshotAt(opensWithSubflow, { at: 'dependants', state: { dependants: [ada] } })).toThrow(
      /`state\.dependants` cannot be seeded: the steps walked \(home\.street → home\.city → dependants\) are a sub-flow's/,
    )
  })
})
