import { defineWorkflow, getPersistedSnapshot, isWorkflowError, type PersistedSnapshot, resumeWorkflow } from '@flowkit/core'
import { createFlowkitHandler, type InstanceStore, type Migration } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

const signupV1 = defineWorkflow({
  id: 'signup',
  version: 1,
  initial: 'account',
  state: { email: '', plan: 'solo' },
  steps: { account: { next: 'plan' }, plan: { next: 'review' }, review: { final: true } },
})

/** Version 2 adds a step between plan and review. */
const signupV2 = defineWorkflow({
  id: 'signup',
  version: 2,
  initial: 'account',
  state: { email: '', plan: 'solo', newsletter: false },
  steps: { account: { next: 'plan' }, plan: { next: 'newsletter' }, newsletter: { next: 'review' }, review: { final: true } },
})

/** Instances started before the newsletter step did not subscribe: their answer is filled in after `plan`. */
const toV2: Migration = (snapshot, fromVersion) =>
  fromVersion === 1
    ? {
        ...snapshot,
        version: 2,
        path: snapshot.path.flatMap((frame) =>
          frame.step === 'plan' ? [frame, { step: 'newsletter', input: { newsletter: false }, patch: { newsletter: false } }] : [frame],
        ),
      }
    : snapshot

const answered = [{ email: 'ada@example.com' }, { plan: 'team' }] as const
const steps = (snapshot: PersistedSnapshot) => snapshot.path.map((frame) => frame.step)

describe.each(backends)('instances of an older definition version on $name', (backend) => {
  let store: InstanceStore
  let before: ReturnType<typeof api>
  let migrated: ReturnType<typeof api>
  let unmigrated: ReturnType<typeof api>
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    // Before the deploy, and after it, with and without the migration: one database.
    before = api(createFlowkitHandler({ definitions: [signupV1], store, basePath: '/api' }))
    migrated = api(createFlowkitHandler({ definitions: [signupV2], store, basePath: '/api', migrations: { signup: toV2 } }))
    unmigrated = api(createFlowkitHandler({ definitions: [signupV2], store, basePath: '/api' }))
  })
  afterAll(() => store?.close())

  /** An instance saved under version 1, halfway: account and plan answered, at review. */
  const savedUnderV1 = async () => {
    const token = (await before.start('signup')).body.token as string
    const v1 = await snapshotAfter(signupV1, answered)
    expect((await before.save(token, 1, v1)).status).toBe(200)
    return { token, v1 }
  }

  it.skipIf(backend.skip)('loads an instance saved under version 1 converted by the migration, and resumes it at version 2', async () => {
    const { token } = await savedUnderV1()
    const loaded = await migrated.load(token)
    expect(loaded).toMatchObject({ status: 200, body: { version: 2, status: 'open', snapshot: { version: 2, step: 'review' } } })
    expect(steps(loaded.body.snapshot)).toEqual(['account', 'plan', 'newsletter'])
    const flow = resumeWorkflow(signupV2, loaded.body.snapshot)
    expect(flow.getSnapshot()).toMatchObject({ step: 'review', state: { plan: 'team', newsletter: false } })
    // The browser, now running version 2, finishes and submits.
    await flow.next()
    const submitted = await migrated.submit(token, 2, getPersistedSnapshot(flow))
    expect(submitted).toMatchObject({ status: 200, body: { status: 'submitted', result: { plan: 'team', newsletter: false } } })
  })

  it.skipIf(backend.skip)('converts a save and a submission sent by a tab still on version 1, and stores them at version 2', async () => {
    const { token, v1 } = await savedUnderV1()
    const saved = await migrated.save(token, 2, v1)
    expect(saved).toMatchObject({ status: 200, body: { version: 3 } })
    // A handler without the migration answers what is stored: already version 2.
    const stored = (await unmigrated.load(token)).body.snapshot as PersistedSnapshot
    expect(stored).toMatchObject({ version: 2, step: 'review' })
    expect(steps(stored)).toEqual(['account', 'plan', 'newsletter'])
    const finished = await snapshotAfter(signupV1, [...answered, undefined])
    const submitted = await migrated.submit(token, 3, finished)
    expect(submitted).toMatchObject({ status: 200, body: { status: 'submitted', result: { plan: 'team', newsletter: false } } })
    expect(submitted.body.snapshot).toMatchObject({ version: 2, done: true })
    expect(steps(submitted.body.snapshot)).toEqual(['account', 'plan', 'newsletter', 'review'])
    expect((await unmigrated.load(token)).body.snapshot).toMatchObject({ version: 2, done: true })
  })

  it.skipIf(backend.skip)('starts an instance from a version 1 snapshot, stored at version 2', async () => {
    const started = await migrated.start('signup', await snapshotAfter(signupV1, answered))
    expect(started).toMatchObject({ status: 201, body: { snapshot: { version: 2, step: 'review' } } })
    expect((await unmigrated.load(started.body.token)).body.snapshot).toMatchObject({ version: 2 })
  })

  it.skipIf(backend.skip)(
    'without a migration, refuses a save and a submission of version 1 saying how to give the handler one',
    async () => {
      const { token, v1 } = await savedUnderV1()
      const how = 'createFlowkitHandler({ definitions, store, migrations: { signup: (snapshot, fromVersion) =>'
      const saved = await unmigrated.save(token, 2, v1)
      expect(saved).toMatchObject({ status: 422, body: { error: { code: 'SNAPSHOT_MISMATCH' } } })
      expect(saved.body.error.message).toContain("saved by version 1 of workflow 'signup', which is now version 2")
      expect(saved.body.error.message).toContain(how)
      expect(saved.body.error.message).not.toContain('pass a `migrate` option')
      const submitted = await unmigrated.submit(token, 2, await snapshotAfter(signupV1, [...answered, undefined]))
      expect(submitted).toMatchObject({ status: 422, body: { error: { code: 'SNAPSHOT_MISMATCH' } } })
      expect(submitted.body.error.message).toContain(how)
      // A load answers the stored snapshot as it is: a browser with its own `migrate` may still convert it.
      expect((await unmigrated.load(token)).body).toMatchObject({ version: 2, status: 'open', snapshot: { version: 1 } })
    },
  )

  it.skipIf(backend.skip)(
    'refuses a save and a load whose migration does not return the current version, and keeps the stored snapshot',
    async () => {
      const { token, v1 } = await savedUnderV1()
      const careless = api(
        createFlowkitHandler({ definitions: [signupV2], store, basePath: '/api', migrations: { signup: (snapshot) => snapshot } }),
      )
      const saved = await careless.save(token, 2, v1)
      expect(saved).toMatchObject({ status: 422, body: { error: { code: 'INVALID_SNAPSHOT' } } })
      expect(saved.body.error.message).toContain('return one of version 2')
      expect(await careless.load(token)).toMatchObject({ status: 422, body: { error: { code: 'INVALID_SNAPSHOT' } } })
      expect((await unmigrated.load(token)).body).toMatchObject({ version: 2, snapshot: { version: 1 } })
    },
  )
})

describe('migrations', () => {
  const store = {} as InstanceStore
  const refusal = (migrations: Record<string, unknown>) => {
    try {
      createFlowkitHandler({ definitions: [signupV2], store, migrations: migrations as never })
    } catch (error) {
      return error
    }
    throw new Error('createFlowkitHandler accepted the migrations')
  }

  it('throws at start-up for a migration of a workflow the handler does not serve, saying which it serves', () => {
    const error = refusal({ sign_up: toV2 })
    expect(isWorkflowError(error) && [error.code, error.category, error.details]).toEqual([
      'INVALID_OPTION',
      'usage',
      { option: 'migrations', workflow: 'sign_up' },
    ])
    expect((error as Error).message).toBe(
      "createFlowkitHandler: migrations names workflow 'sign_up', which the handler does not serve; served: 'signup'. Did you mean 'signup'? Key each migration by its definition's id, and pass that definition in `definitions`.",
    )
  })

  it('throws at start-up for a migration that is not a function, saying what to pass', () => {
    const error = refusal({ signup: 2 })
    expect(isWorkflowError(error) && [error.code, error.category]).toEqual(['INVALID_OPTION', 'usage'])
    expect((error as Error).message).toBe(
      'createFlowkitHandler: migrations.signup is number, not a function; pass (snapshot, fromVersion) => the snapshot at the current version.',
    )
  })
})
