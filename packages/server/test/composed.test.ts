import { composeWorkflow, defineWorkflow, type PersistedSnapshot } from '@flowkit/core'
import { createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { api, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: { street: '', city: '' },
  steps: {
    street: { title: 'Street', validate: z.object({ street: z.string().min(1) }), next: 'city' },
    city: { title: 'City', validate: z.object({ city: z.string().min(1) }), final: true },
  },
})

const dependant = defineWorkflow({
  id: 'dependant',
  initial: 'name',
  state: { name: '', age: 0 },
  steps: {
    name: { title: 'Name', validate: z.object({ name: z.string().min(1) }), next: 'age' },
    age: { title: 'Age', validate: z.object({ age: z.number().int().min(0).max(120) }), final: true },
  },
})

/** A sub-flow used twice (delivery and billing address) and a repeat (dependants), verified by the server's replay. */
const household = composeWorkflow({
  id: 'household',
  version: 1,
  initial: 'shipping',
  state: { same: true } as { same: boolean; price?: number },
  steps: {
    shipping: { title: 'Delivery address', flow: address, next: 'same' },
    same: { validate: z.object({ same: z.boolean() }), next: 'billing' },
    billing: { title: 'Billing address', flow: address, skip: ({ state }) => state.same, next: 'dependants' },
    dependants: { title: 'Dependants', repeat: { flow: dependant, min: 1, max: 4 }, next: 'review' },
    review: {
      actions: [({ state }) => ({ price: 10 * (1 + ((state as { dependants?: unknown[] }).dependants?.length ?? 0)) })],
      final: true,
    },
  },
})

const honest = [
  { street: '1 High St' },
  { city: 'Leeds' },
  { same: false },
  { street: '2 Low Rd' },
  { city: 'York' },
  { name: 'Ada' }, // min 1: the summary is passed over to ask for the first dependant
  { age: 7 },
  { action: 'add' },
  { name: 'Bo' },
  { age: 4 },
  { action: 'continue' },
  undefined,
]

const clone = (s: PersistedSnapshot): any => JSON.parse(JSON.stringify(s))
const frame = (s: { path: { step: string }[] }, step: string) => s.path.findIndex((f) => f.step === step)

describe.each(backends)('a composed flow submitted to the server on $name', (backend) => {
  let store: InstanceStore
  let client: ReturnType<typeof api>
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    client = api(createFlowkitHandler({ definitions: [household], store, basePath: '/api' }))
  })
  afterAll(() => store?.close())

  const refuses = async (snapshot: unknown, code: string, message: RegExp) => {
    const token = (await client.start('household')).body.token as string
    const answer = await client.submit(token, 1, snapshot)
    expect(answer.status).toBe(422)
    expect(answer.body.error.code).toBe(code)
    expect(answer.body.error.message).toMatch(message)
    expect((await client.load(token)).body).toMatchObject({ version: 1, status: 'open', result: null })
  }

  it.skipIf(backend.skip)('accepts an honest submission, each address and item in its own place', async () => {
    const snapshot = await snapshotAfter(household, honest)
    expect(snapshot.path.map((f) => f.step)).toContain('dependants.1.age')
    const token = (await client.start('household')).body.token as string
    const answer = await client.submit(token, 1, snapshot)
    expect(answer.status).toBe(200)
    expect(answer.body.result).toMatchObject({
      shipping: { street: '1 High St', city: 'Leeds' },
      billing: { street: '2 Low Rd', city: 'York' },
      dependants: [
        { name: 'Ada', age: 7 },
        { name: 'Bo', age: 4 },
      ],
      price: 30,
    })
  })

  it.skipIf(backend.skip)("refuses an item's data changed in its patch", async () => {
    const tampered = clone(await snapshotAfter(household, honest))
    // A frame's patch is the step's own contribution, in its item's scope.
    tampered.path[frame(tampered, 'dependants.1.name')].patch.name = 'Eve'
    await refuses(tampered, 'STATE_MISMATCH', /step 'dependants\.1\.name' recorded the contribution .*"Eve"/)
  })

  it.skipIf(backend.skip)("refuses a billing address changed in a sub-flow step's patch", async () => {
    const tampered = clone(await snapshotAfter(household, honest))
    tampered.path[frame(tampered, 'billing.city')].patch.city = 'Paris'
    await refuses(tampered, 'STATE_MISMATCH', /step 'billing\.city'/)
  })

  it.skipIf(backend.skip)("refuses a path that skips an item's step", async () => {
    const tampered = clone(await snapshotAfter(household, honest))
    tampered.path.splice(frame(tampered, 'dependants.1.age'), 1)
    await refuses(tampered, 'REQUIRED_STEP_SKIPPED', /skips required step 'dependants\.1\.age'/)
  })

  it.skipIf(backend.skip)('refuses an item input its step validation rejects', async () => {
    const tampered = clone(await snapshotAfter(household, honest))
    const at = tampered.path[frame(tampered, 'dependants.0.age')]
    at.input.age = -1
    at.patch.age = -1
    await refuses(tampered, 'INVALID_INPUT', /input of step 'dependants\.0\.age' is invalid/)
  })

  it.skipIf(backend.skip)('refuses a path with fewer items than the repeat minimum', async () => {
    const one = [...honest.slice(0, 7), { action: 'continue' }, undefined]
    const tampered = clone(await snapshotAfter(household, one))
    tampered.path.splice(frame(tampered, 'dependants.0.name'), 2)
    await refuses(tampered, 'REQUIRED_STEP_SKIPPED', /skips required step 'dependants\.0\.name'/)
  })
})
