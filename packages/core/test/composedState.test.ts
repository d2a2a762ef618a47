import { composeWorkflow, createWorkflow, defineWorkflow, type StateOf, WorkflowError } from '@flowkit/core'
import { describe, expect, expectTypeOf, test } from 'vitest'

// The state type composeWorkflow gives a flow is the state it has at run time: each sub-flow's data
// under its key, each repeat's items under its, there once the child has contributed.
const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: { street: '', city: '' },
  steps: { street: { next: 'city' }, city: { final: true } },
})
const invite = defineWorkflow({
  id: 'invite',
  initial: 'email',
  state: { email: '', admin: false },
  steps: { email: { final: true } },
})
type Address = { street: string; city: string }
type Invite = { email: string; admin: boolean }

const team = composeWorkflow({
  id: 'team',
  initial: 'name',
  state: { name: '' },
  steps: {
    name: { next: 'office' },
    office: { flow: address, next: 'invites' },
    invites: {
      repeat: { flow: invite, max: 3 },
      // The parent's guards read the children's data, typed.
      skip: ({ state }) => (state.office?.city === 'remote' ? 'a remote team invites no one' : false),
      next: ({ state }) => (state.invites?.some((i) => i.admin) ? 'admins' : 'done'),
      targets: ['admins', 'done'],
    },
    admins: { next: 'done' },
    done: { final: true },
  },
})

describe("a composed flow's state", () => {
  test("a sub-flow's data lives under its step id, whole, once one of its steps is done", async () => {
    const flow = createWorkflow(team)
    await flow.next({ name: 'Ops' })
    const before: StateOf<typeof team> = flow.getSnapshot().state
    expect(before).toEqual({ name: 'Ops' })
    expect('office' in before).toBe(false)
    await flow.next({ street: '1 High St' })
    const state = flow.getSnapshot().state
    expectTypeOf(state.office).toEqualTypeOf<Address | undefined>()
    expect(state.office).toEqual({ street: '1 High St', city: '' })
    expect(Object.keys(state)).toEqual(['name', 'office'])
  })

  test("a repeat's items are an array of the child's state under its step id", async () => {
    const flow = createWorkflow(team)
    await flow.run({ name: {}, 'office.street': { street: 'a' }, 'office.city': { city: 'Leeds' } }, { until: 'invites' })
    expect(flow.getSnapshot().state.invites).toBeUndefined()
    await flow.next({ action: 'add' })
    await flow.next({ email: 'ada@example.com' })
    await flow.next({ action: 'add' })
    await flow.next({ email: 'alan@example.com', admin: true })
    const { invites } = flow.getSnapshot().state
    expectTypeOf(invites).toEqualTypeOf<readonly Invite[] | undefined>()
    expect(invites).toEqual([
      { email: 'ada@example.com', admin: false },
      { email: 'alan@example.com', admin: true },
    ])
    expect(Object.isFrozen(invites)).toBe(true)
    await flow.next({ action: 'continue' })
    expect(flow.getSnapshot().step).toBe('admins')
  })

  test("the parent's skip sees the sub-flow's data", async () => {
    const flow = createWorkflow(team)
    await flow.run({ name: {}, 'office.street': { street: 'a' }, 'office.city': { city: 'remote' } }, { until: 'done' })
    expect(flow.getSnapshot().step).toBe('done')
    expect(flow.getSnapshot().skipped).toEqual(['invites'])
    expect(flow.getSnapshot().state).toEqual({ name: '', office: { street: 'a', city: 'remote' } })
  })

  test('`key` and `repeat.key` put the data there, and nowhere else', async () => {
    const keyed = composeWorkflow({
      id: 'keyed',
      initial: 'office',
      state: {},
      steps: {
        office: { flow: address, key: 'address', next: 'invites' },
        invites: { repeat: { flow: invite, max: 2, key: 'people' }, next: 'done' },
        done: { final: true },
      },
    })
    expectTypeOf<StateOf<typeof keyed>>().toEqualTypeOf<{ address?: Address; people?: readonly Invite[] }>()
    const flow = createWorkflow(keyed)
    await flow.run(
      { 'office.street': { street: 'a' }, 'office.city': { city: 'b' }, invites: { action: 'add' } },
      { until: 'invites.0.email' },
    )
    await flow.next({ email: 'e' })
    expect(flow.getSnapshot().state).toEqual({ address: { street: 'a', city: 'b' }, people: [{ email: 'e', admin: false }] })
  })

  test("goTo takes a sub-flow's laid-out steps, not the flow: step itself", async () => {
    const flow = createWorkflow(team)
    await flow.run({ name: {}, 'office.street': { street: 'a' } }, { until: 'office.city' })
    expect(flow.goTo('office.street').step).toBe('office.street')
    // @ts-expect-error 'office' is laid out as 'office.street' and 'office.city'
    expect(() => flow.goTo('office')).toThrow(WorkflowError)
  })
})
