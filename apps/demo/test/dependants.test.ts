import { createWorkflow, isWorkflowError, replay } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { enrollment } from '../src/flows/enrollment'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const about = { fullName: 'Grace Hopper', email: 'grace@example.com', birthDate: '1990-12-09' }
const job = { employer: 'Remington Rand', jobTitle: 'Engineer', employerPays: false }
const partner = { name: 'Vincent Hopper', birthDate: '1988-03-02', relationship: 'partner' }
const child = { name: 'Alan Hopper', birthDate: '2019-05-01', relationship: 'child' }
const other = { name: 'Mary Hopper', birthDate: '1950-01-20', relationship: 'other' }

/** The enrollment at its dependants step on `plan`, and what submitting `dependents` there gives. */
const submitDependants = async (plan: 'couple' | 'family', dependents: unknown[]) => {
  const flow = createWorkflow(enrollment)
  for (const input of [about, { status: 'employed' }, job, { plan, tier: 'plus' }]) await flow.next(input)
  expect(flow.getSnapshot().step).toBe('dependents')
  const before = flow.getSnapshot().state
  const snapshot = await flow.next({ dependents })
  return { before, snapshot }
}

const refusedWith = async (plan: 'couple' | 'family', dependents: unknown[], message: string) => {
  const { before, snapshot } = await submitDependants(plan, dependents)
  expect(snapshot.step).toBe('dependents')
  expect(snapshot.state).toEqual(before)
  expect((snapshot.error?.cause as Error | undefined)?.message).toBe(message)
}

beforeEach(() => {
  setServiceLatency(1)
  setFailNext('enrollment', false)
})

describe('dependants fit the plan', () => {
  it('refuses "Me and a partner" with only a child', async () => {
    await refusedWith(
      'couple',
      [child],
      '“Me and a partner” covers your partner: add them with the relationship Partner, or choose another plan',
    )
  })

  it('refuses "Me and a partner" with a partner and anyone else', async () => {
    await refusedWith(
      'couple',
      [partner, child],
      '“Me and a partner” covers two adults only: remove the other dependants, or choose the Family plan',
    )
  })

  it('refuses two partners on any plan', async () => {
    await refusedWith(
      'family',
      [partner, { ...partner, name: 'Another Partner' }, child],
      'You can add only one partner: change the relationship of the others',
    )
  })

  it('refuses a family plan without a child', async () => {
    await refusedWith('family', [partner, other], 'A family plan covers children: add a child, or choose “Me and a partner”')
  })

  it('takes "Me and a partner" with the partner, and a family plan with children, with or without a partner', async () => {
    expect((await submitDependants('couple', [partner])).snapshot).toMatchObject({ step: 'consents', error: null })
    expect((await submitDependants('family', [partner, child, other])).snapshot).toMatchObject({ step: 'consents', error: null })
    expect((await submitDependants('family', [child])).snapshot.state.dependents).toEqual([child])
  })

  it('makes the server refuse a submission whose recorded partner was changed to a child', async () => {
    const flow = createWorkflow(enrollment)
    for (const input of [about, { status: 'employed' }, job, { plan: 'couple', tier: 'plus' }, { dependents: [partner] }])
      await flow.next(input)
    expect(flow.getSnapshot().step).toBe('consents')
    const persisted = structuredClone(flow.getPersistedSnapshot())
    const frame = persisted.path.find((f) => f.step === 'dependents') as { input: unknown; patch: unknown }
    frame.input = { dependents: [child] }
    frame.patch = { dependents: [child] }
    const outcome = await Promise.resolve(replay(enrollment, persisted, { actions: true })).then(
      () => 'accepted',
      (error: unknown) => (isWorkflowError(error) ? error.code : String(error)),
    )
    expect(outcome).toBe('ACTION_FAILED')
  })
})
