import { createWorkflow, defineWorkflow, getPersistedSnapshot, replay } from '@flowkit/core'
import { describe, expect, test, vi } from 'vitest'

const make = () =>
  defineWorkflow({
    id: 'pay',
    initial: 'card',
    state: { paid: false, tags: [] as string[], owner: { name: '' } },
    steps: {
      card: {
        actions: [
          ({ state, input }) => {
            ;(state.tags as string[]).push(String((input as { who: string }).who))
            return { paid: true }
          },
        ],
        next: 'done',
      },
      done: { final: true },
    },
  })

describe('state cannot be changed in place', () => {
  test("an action that mutates ctx.state gets STATE_IMMUTABLE naming the step and the action, and the definition's state stays", async () => {
    const flow = make()
    const workflow = createWorkflow(flow)
    const after = await workflow.next({ who: 'ada' })
    expect(after.error?.code).toBe('STATE_IMMUTABLE')
    expect(after.error?.message).toMatch(/^action #1 of step 'card' changed ctx.state or ctx.input in place/)
    expect(after.error?.message).toContain('Return a patch')
    expect(after.step).toBe('card')
    expect(flow.state.tags).toEqual([])
    // The next user starts clean, and so does reset().
    expect(createWorkflow(flow).getSnapshot().state.tags).toEqual([])
    expect(workflow.reset().state.tags).toEqual([])
  })

  test('an action that mutates ctx.input cannot rewrite the recorded input', async () => {
    const flow = defineWorkflow({
      id: 'input',
      initial: 'a',
      state: { n: 0 },
      steps: {
        a: {
          actions: [
            ({ input }) => {
              ;(input as { n: number }).n = 99
              return { n: 1 }
            },
          ],
          next: 'b',
        },
        b: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    const after = await workflow.next({ n: 5 })
    expect(after.error?.code).toBe('STATE_IMMUTABLE')
    expect(getPersistedSnapshot(workflow).path).toEqual([])
    expect(after.drafts.a).toEqual({ n: 5 })
  })

  test('a throwing action that wrote to ctx.state leaves the state as it was', async () => {
    const flow = defineWorkflow({
      id: 'throw',
      initial: 'a',
      state: { count: 0 },
      steps: {
        a: {
          actions: [
            ({ state }) => {
              ;(state as { count: number }).count = 1
              throw new Error('payment declined')
            },
          ],
          next: 'b',
        },
        b: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    const after = await workflow.next({})
    expect(after.error).not.toBeNull()
    expect(after.state).toEqual({ count: 0 })
  })

  test('snapshot.state, history and drafts are frozen: writing to them throws, and nothing changes', async () => {
    const workflow = createWorkflow(make())
    const s = workflow.getSnapshot()
    expect(() => {
      ;(s.state as { paid: boolean }).paid = true
    }).toThrow(TypeError)
    expect(() => {
      ;(s.state.owner as { name: string }).name = 'eve'
    }).toThrow(TypeError)
    expect(() => (s.history as string[]).push('x')).toThrow(TypeError)
    expect(Object.isFrozen(s.drafts)).toBe(true)
    expect(workflow.getSnapshot().state).toEqual({ paid: false, tags: [], owner: { name: '' } })
  })

  test('instances never share a mutable object: one submission cannot leak into the next instance or a replay', async () => {
    const flow = defineWorkflow({
      id: 'leak',
      initial: 'a',
      state: { profile: { email: '' } },
      steps: { a: { next: 'b' }, b: { final: true } },
    })
    const first = createWorkflow(flow)
    const input = { profile: { email: 'ada@example.com' } }
    await first.next(input)
    input.profile.email = 'changed@example.com'
    expect(first.getSnapshot().state.profile.email).toBe('ada@example.com')
    expect(createWorkflow(flow).getSnapshot().state.profile.email).toBe('')
    expect(replay(flow, getPersistedSnapshot(first)).state.profile.email).toBe('ada@example.com')
  })
})

describe('in production', () => {
  test('an action that writes to its state changes neither the definition, another instance nor the state after a throw; each input is copied', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.resetModules()
    try {
      const core = await import('@flowkit/core')
      const write = (state: { list: string[]; n: number }) => {
        try {
          state.list.push('leak')
          state.n = 99
        } catch {
          // A frozen object refuses the write (strict mode): the point of the test.
        }
      }
      const flow = core.defineWorkflow({
        id: 'prod',
        initial: 'a',
        state: { list: [] as string[], n: 0 },
        steps: {
          a: {
            actions: [
              ({ state }) => {
                write(state)
                return { n: 1 }
              },
            ],
            next: 'b',
          },
          b: {
            actions: [
              ({ state }) => {
                write(state)
                throw new Error('declined')
              },
            ],
            next: 'c',
          },
          c: { final: true },
        },
      })
      const input = { note: 'typed' }
      const first = core.createWorkflow(flow)
      const after = await first.next(input)
      input.note = 'changed later'
      expect(after.state).toEqual({ list: [], n: 1 })
      expect(getPersistedSnapshot(first).path[0]?.input).toEqual({ note: 'typed' })
      await first.next({}).catch(() => {})
      expect(first.getSnapshot().state).toEqual({ list: [], n: 1 })
      expect(core.createWorkflow(flow).getSnapshot().state).toEqual({ list: [], n: 0 })
      expect(Object.isFrozen(after.state)).toBe(true)
    } finally {
      vi.unstubAllEnvs()
      vi.resetModules()
    }
  })
})
