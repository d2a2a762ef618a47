import { createWorkflow, defineWorkflow, journeyLog } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { loadWorkflow } from '../src/index'

const yaml = `
id: signup
version: 2
initial: account
state:
  plan: solo
  seats: 1
steps:
  account:
    title: Account
    fields:
      email: { type: string, required: true, format: email }
    next:
      - to: team
        when: { field: plan, eq: team }
      - to: done
  team:
    skip: { field: seats, lt: 2 }
    skipReason: one seat needs no team
    next: done
  done:
    final: true
`

describe('loadWorkflow', () => {
  it('loads YAML into a definition the engine runs', async () => {
    const signup = loadWorkflow(yaml)
    expect(signup.id).toBe('signup')
    expect(signup.version).toBe(2)
    const flow = createWorkflow(signup, { log: journeyLog() })
    await flow.next({ email: 'ada@example.com', plan: 'team' })
    expect(flow.getSnapshot().step).toBe('done')
    expect(flow.getSnapshot().skipped).toEqual(['team'])
    expect(flow.getSnapshot().log.find((e) => e.type === 'skipped')?.reason).toBe('one seat needs no team')
  })

  it('loads JSON text and parsed objects alike', () => {
    const file = { id: 'a', initial: 'x', steps: { x: { next: 'y' }, y: { final: true } } }
    const fromText = loadWorkflow(JSON.stringify(file))
    const fromObject = loadWorkflow(file)
    expect(fromText).toEqual(fromObject)
    expect(fromObject.state).toEqual({})
  })

  it('returns what defineWorkflow returns for the same flow written in code', () => {
    const loaded = loadWorkflow({ id: 'a', initial: 'x', state: { n: 1 }, steps: { x: { title: 'X', next: 'y' }, y: { final: true } } })
    const coded = defineWorkflow({ id: 'a', initial: 'x', state: { n: 1 }, steps: { x: { title: 'X', next: 'y' }, y: { final: true } } })
    expect(loaded).toEqual(coded)
    expect(() => createWorkflow(loaded)).not.toThrow()
  })

  it('keeps redo: false, so the step runs its actions again for the same answer after going back', async () => {
    let quotes = 0
    const file = { id: 'q', initial: 'x', steps: { x: { redo: false, actions: ['quote'], next: 'y' }, y: { final: true } } }
    const flow = createWorkflow(loadWorkflow(file, { actions: { quote: () => ({ price: ++quotes }) } }))
    await flow.next({ to: 'Oslo' })
    flow.back()
    await flow.next({ to: 'Oslo' })
    expect(quotes).toBe(2)
    expect(
      loadWorkflow({ ...file, steps: { ...file.steps, x: { actions: ['quote'], next: 'y' } } }, { actions: { quote: () => ({}) } }).steps.x,
    ).not.toHaveProperty('redo')
  })

  it('runs actions from the registry by name, in order', async () => {
    const flow = createWorkflow(
      loadWorkflow(
        { id: 'a', initial: 'x', state: { total: 0 }, steps: { x: { actions: ['add', 'double'], next: 'y' }, y: { final: true } } },
        {
          actions: {
            add: ({ input, state }) => ({ total: state.total + (input as { n: number }).n }),
            double: ({ state }) => ({ total: state.total * 2 }),
          },
        },
      ),
    )
    await flow.next({ n: 5 })
    expect(flow.getSnapshot().state).toEqual({ total: 10 })
  })

  it('decides choices with custom guards from the registry', async () => {
    const definition = loadWorkflow(
      {
        id: 'a',
        initial: 'x',
        state: { orders: 3 },
        steps: { x: { next: [{ to: 'vip', when: { guard: 'isReturning' } }, { to: 'y' }] }, vip: { next: 'y' }, y: { final: true } },
      },
      { guards: { isReturning: ({ state }) => state.orders > 0 } },
    )
    const flow = createWorkflow(definition)
    await flow.next()
    expect(flow.getSnapshot().step).toBe('vip')
  })

  it('labels guarded choices with their condition in words unless the file gives a label', () => {
    const definition = loadWorkflow({
      id: 'a',
      initial: 'x',
      steps: {
        x: {
          next: [
            { to: 'y', when: { field: 'age', gte: 18 } },
            { to: 'z', when: { field: 'age', lt: 18 }, label: 'minor' },
          ],
        },
        y: { final: true },
        z: { final: true },
      },
    })
    const next = definition.steps.x?.next as unknown as { label?: string }[]
    expect(next.map((c) => c.label)).toEqual(['age ≥ 18', 'minor'])
  })

  it('gives each loaded definition its own copy of the initial state', () => {
    const file = { id: 'a', initial: 'x', state: { tags: ['a'] }, steps: { x: { final: true } } }
    const first = loadWorkflow(file)
    ;(first.state as { tags: string[] }).tags.push('b')
    expect(loadWorkflow(file).state).toEqual({ tags: ['a'] })
  })
})
