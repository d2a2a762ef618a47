import { createWorkflow, defineWorkflow } from '@flowkit/core'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'

const schemas = {
  'zod 4': z.object({
    email: z.string().email('Enter an email address like name@example.com'),
    address: z.object({ zip: z.string().min(4, 'Enter a postcode of at least 4 characters') }),
    age: z.coerce.number(),
  }),
  valibot: v.object({
    email: v.pipe(v.string(), v.email('Enter an email address like name@example.com')),
    address: v.object({ zip: v.pipe(v.string(), v.minLength(4, 'Enter a postcode of at least 4 characters')) }),
    age: v.pipe(v.unknown(), v.transform(Number)),
  }),
}

describe.each(Object.entries(schemas))('validation with %s', (_, schema) => {
  const flow = defineWorkflow({
    id: 'signup',
    initial: 'details',
    state: {} as { email?: string; address?: { zip: string }; age?: number },
    steps: { details: { validate: schema, next: 'done' }, done: { final: true } },
  })

  test('invalid input fills issues per field path and leaves the state unchanged', async () => {
    const workflow = createWorkflow(flow)
    const after = await workflow.next({ email: 'nope', address: { zip: '1' }, age: '3' })
    expect(after.step).toBe('details')
    expect(after.state).toEqual({})
    expect(after.error).toBeNull()
    expect(after.issues).toEqual({
      email: ['Enter an email address like name@example.com'],
      'address.zip': ['Enter a postcode of at least 4 characters'],
    })
    expect(after.drafts.details).toEqual({ email: 'nope', address: { zip: '1' }, age: '3' })
  })

  test('valid input moves on, and the validated (transformed) value is merged', async () => {
    const workflow = createWorkflow(flow)
    const after = await workflow.next({ email: 'ada@example.com', address: { zip: '0150' }, age: '36' })
    expect(after.issues).toEqual({})
    expect(after.step).toBe('done')
    expect(after.state).toEqual({ email: 'ada@example.com', address: { zip: '0150' }, age: 36 })
  })

  test('issues clear on the next attempt that passes', async () => {
    const workflow = createWorkflow(flow)
    await workflow.next({ email: 'x' })
    expect(Object.keys(workflow.getSnapshot().issues).length).toBeGreaterThan(0)
    await workflow.next({ email: 'ada@example.com', address: { zip: '0150' }, age: 1 })
    expect(workflow.getSnapshot().issues).toEqual({})
  })

  test('actions receive the validated value, not the raw input', async () => {
    let received: unknown
    const withAction = defineWorkflow({
      ...flow,
      steps: {
        details: {
          validate: schema,
          actions: [
            ({ input }) => {
              received = input
            },
          ],
          next: 'done',
        },
        done: { final: true },
      },
    })
    await createWorkflow(withAction).next({ email: 'ada@example.com', address: { zip: '0150' }, age: '7' })
    expect(received).toEqual({ email: 'ada@example.com', address: { zip: '0150' }, age: 7 })
  })

  test('run() stops where validation rejects', async () => {
    const after = await createWorkflow(flow).run({ details: { email: 'bad' } })
    expect(after.step).toBe('details')
    expect(after.issues.email).toBeDefined()
  })

  test('run() towards `until` stops quietly at a step it gives nothing, as goTo forward does: no issues for an answer never given', async () => {
    const stopped = await createWorkflow(flow).run({}, { until: 'done' })
    expect([stopped.step, stopped.issues, stopped.error]).toEqual(['details', {}, null])
    // Without `until`, a step given nothing is submitted as it is, and says what is missing.
    expect(Object.keys((await createWorkflow(flow).run({})).issues)).not.toEqual([])
  })
})

test('a field called __proto__ in an issue path is a field, not a prototype', async () => {
  const schema = {
    '~standard': {
      version: 1 as const,
      vendor: 'test',
      validate: () => ({ issues: [{ message: 'bad', path: ['__proto__', { key: 'polluted' }] }] }),
    },
  }
  const flow = defineWorkflow({ id: 'p', initial: 'a', state: {}, steps: { a: { validate: schema, final: true } } })
  const after = await createWorkflow(flow).next({})
  expect(after.issues['__proto__.polluted']).toEqual(['bad'])
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})
