import { createWorkflow, defineWorkflow, getPersistedSnapshot, isWorkflowError, journeyLog, refuse, replay } from '@flowkit/core'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'

const registered = new Set(['taken@example.com'])

const signup = defineWorkflow({
  id: 'signup',
  initial: 'email',
  state: { email: '', age: 0, plan: 'solo' as 'solo' | 'family' },
  steps: {
    email: {
      validate: z.object({ email: z.email('Enter an email address') }),
      actions: [
        async ({ input }) => {
          await Promise.resolve()
          if (registered.has(input.email)) throw refuse({ email: 'That email address is already registered: sign in instead' })
          return { email: input.email }
        },
      ],
      next: 'details',
    },
    details: {
      actions: [
        ({ input, state }) => {
          const { age } = input as { age: number }
          if (state.plan === 'family' && age < 18) throw refuse({ age: ['A family plan needs an adult', 'Enter your own age'] })
          return { age }
        },
      ],
      next: 'done',
    },
    done: { final: true },
  },
})

describe('refuse(): an action refuses the input with issues, as a schema does', () => {
  test('the user stays on the step with snapshot.issues, no error, the input kept as the draft, the refusal logged as invalid', async () => {
    const flow = createWorkflow(signup, { log: journeyLog() })
    const before = flow.getSnapshot().state
    const snap = await flow.next({ email: 'taken@example.com' })
    expect(snap.step).toBe('email')
    expect(snap.error).toBeNull()
    expect(snap.issues).toEqual({ email: ['That email address is already registered: sign in instead'] })
    expect(snap.state).toEqual(before)
    expect(snap.drafts.email).toEqual({ email: 'taken@example.com' })
    expect(snap.log.at(-1)).toMatchObject({ type: 'invalid', step: 'email', fields: ['email'] })

    const ok = await flow.next({ email: 'ada@example.com' })
    expect(ok).toMatchObject({ step: 'details', issues: {}, error: null, state: { email: 'ada@example.com' } })
  })

  test('a synchronous action too, with several messages for one field, reading the state', async () => {
    const family = createWorkflow(defineWorkflow({ ...signup, state: { ...signup.state, plan: 'family' as 'solo' | 'family' } }))
    await family.next({ email: 'ada@example.com' })
    await family.next({ age: 12 })
    expect(family.getSnapshot()).toMatchObject({
      step: 'details',
      error: null,
      issues: { age: ['A family plan needs an adult', 'Enter your own age'] },
    })
    await family.next({ age: 40 })
    expect(family.getSnapshot()).toMatchObject({ step: 'done', issues: {}, state: { age: 40 } })
  })

  test('a server replaying a submission whose action now refuses gets the same issues (refused, nothing recorded)', async () => {
    const flow = createWorkflow(signup)
    await flow.next({ email: 'late@example.com' })
    await flow.next({ age: 30 })
    const persisted = getPersistedSnapshot(flow)
    registered.add('late@example.com')
    try {
      await expect(replay(signup, persisted, { actions: true })).rejects.toMatchObject({
        details: { issues: { email: [expect.any(String)] } },
      })
    } finally {
      registered.delete('late@example.com')
    }
  })

  test('refuse() without any issue is a usage error that says what to pass', () => {
    const error = refuse({})
    expect(isWorkflowError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'INVALID_OPTION', category: 'usage' })
    expect(error.message).toContain("refuse({ email: 'That email address is already registered' })")
    expect(refuse({ a: [] as string[] }).code).toBe('INVALID_OPTION')
  })

  test('any other error an action throws is still ACTION_FAILED on snapshot.error', async () => {
    const flow = createWorkflow(
      defineWorkflow({
        id: 'x',
        initial: 'a',
        state: {},
        steps: {
          a: {
            actions: [
              () => {
                throw new Error('service down')
              },
            ],
            next: 'b',
          },
          b: { final: true },
        },
      }),
    )
    const snap = await flow.next({})
    expect(snap.issues).toEqual({})
    expect(snap.error?.code).toBe('ACTION_FAILED')
  })
})
