import { createWorkflow, defineWorkflow, getPersistedSnapshot, journeyLog, resumeWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const flow = defineWorkflow({
  id: 'log',
  initial: 'a',
  state: { skipB: true, fail: false },
  steps: {
    a: {
      actions: [
        ({ input }) => {
          if ((input as { fail?: boolean } | undefined)?.fail) throw new Error('nope')
        },
      ],
      next: 'b',
    },
    b: { skip: ({ state }) => state.skipB, next: 'c' },
    c: { final: true },
  },
})

describe('the journey log', () => {
  test('records entered, completed, skipped (with reason), error, back, goto, done, reset with timestamps', async () => {
    let now = 1000
    const workflow = createWorkflow(flow, { now: () => now++, log: journeyLog() })
    await workflow.next({ fail: true })
    await workflow.next()
    workflow.back()
    await workflow.next()
    await workflow.next()
    workflow.goTo('a')
    workflow.reset()
    expect(workflow.getSnapshot().log.map(({ type, step, reason }) => [type, step, reason])).toEqual([
      ['entered', 'a', undefined],
      ['error', 'a', 'ACTION_FAILED'],
      ['completed', 'a', undefined],
      ['skipped', 'b', 'skip returned true'],
      ['entered', 'c', undefined],
      ['back', 'a', undefined],
      ['completed', 'a', undefined],
      ['skipped', 'b', 'skip returned true'],
      ['entered', 'c', undefined],
      ['completed', 'c', undefined],
      ['done', 'c', undefined],
      ['goto', 'a', undefined],
      ['reset', 'a', undefined],
      ['entered', 'a', undefined],
    ])
    const times = workflow.getSnapshot().log.map((e) => e.at)
    expect(times).toEqual([...times].sort((x, y) => x - y))
    expect(times[0]).toBe(1000)
  })

  test('keeps at most `limit` entries, the newest', async () => {
    const workflow = createWorkflow(flow, { log: journeyLog({ limit: 5 }) })
    for (let i = 0; i < 20; i++) {
      await workflow.next()
      workflow.back()
    }
    const { log } = workflow.getSnapshot()
    expect(log).toHaveLength(5)
    expect(log.at(-1)?.type).toBe('back')
  })

  test('an entry read from a snapshot is a copy: changing it changes no later log', async () => {
    const workflow = createWorkflow(flow, { log: journeyLog() })
    const [first] = workflow.getSnapshot().log as readonly { step: string }[]
    if (first) first.step = 'changed'
    await workflow.next()
    expect(workflow.getSnapshot().log.map(({ type, step }) => [type, step])).toEqual([
      ['entered', 'a'],
      ['completed', 'a'],
      ['skipped', 'b'],
      ['entered', 'c'],
    ])
  })

  test('a stale state moved again gets a log of its own; the newer states keep theirs', async () => {
    const workflow = createWorkflow(flow, { log: journeyLog() })
    const start = workflow.getSnapshot()
    await workflow.next()
    workflow.store.setState(start, true)
    workflow.reset()
    expect(workflow.getSnapshot().log.map(({ type }) => type)).toEqual(['entered', 'reset', 'entered'])
  })
})

describe('invalid input in the journey log', () => {
  test('records the field paths that had issues, never the values, and survives a resume', async () => {
    const { z } = await import('zod')
    const form = defineWorkflow({
      id: 'log-invalid',
      initial: 'contact',
      state: {},
      steps: {
        contact: { validate: z.object({ email: z.email(), age: z.number().min(18) }), next: 'done' },
        done: { final: true },
      },
    })
    let now = 5
    const workflow = createWorkflow(form, { now: () => now++, log: journeyLog() })
    await workflow.next({ email: 'not-an-email', age: 3 })
    const entry = workflow.getSnapshot().log.at(-1)
    expect(entry).toEqual({ type: 'invalid', step: 'contact', at: 6, fields: ['email', 'age'] })
    expect(JSON.stringify(workflow.getSnapshot().log)).not.toContain('not-an-email')
    const resumed = resumeWorkflow(form, getPersistedSnapshot(workflow), { log: journeyLog() })
    expect(resumed.getSnapshot().log.at(-1)).toEqual(entry)
  })
})

describe('a workflow without a journey log', () => {
  test('has an empty log, reads no clock per move, and saves and resumes without one', async () => {
    let reads = 0
    const workflow = createWorkflow(flow, { now: () => ++reads })
    await workflow.next()
    workflow.back()
    workflow.reset()
    expect(workflow.getSnapshot().log).toEqual([])
    expect(reads).toBe(0)
    const saved = getPersistedSnapshot(workflow)
    expect(saved.log).toEqual([])
    expect(saved.savedAt).toBe(1)
    expect(resumeWorkflow(flow, saved).getSnapshot().log).toEqual([])
  })

  test('a log saved by a workflow that kept one is dropped by a resume without `log`, and kept by one with it', async () => {
    const workflow = createWorkflow(flow, { log: journeyLog() })
    await workflow.next()
    const saved = getPersistedSnapshot(workflow)
    expect(resumeWorkflow(flow, saved).getSnapshot().log).toEqual([])
    expect(resumeWorkflow(flow, saved, { log: journeyLog() }).getSnapshot().log).toEqual(saved.log)
    expect(resumeWorkflow(flow, saved, { log: journeyLog({ limit: 2 }) }).getSnapshot().log).toEqual(saved.log.slice(-2))
  })

  test('the old `logLimit` option is refused, naming journeyLog', () => {
    expect(() => createWorkflow(flow, { logLimit: 5 } as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining('journeyLog({ limit: 5 })') }),
    )
  })
})
