import type { PersistedSnapshot } from '@flowkit/core'
import { mergeSnapshots } from '@flowkit/server/client'
import { describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { snapshotAfter } from './helpers/api'

const contact = { email: 'ada@example.com', name: 'Ada' }
const withDraft = (s: PersistedSnapshot, step: string, draft: unknown, savedAt = s.savedAt + 1): PersistedSnapshot => ({
  ...s,
  drafts: { ...s.drafts, [step]: draft },
  savedAt,
})

describe('mergeSnapshots: the conflict rule', () => {
  it('calls copies with the same answers the same, whatever their savedAt', async () => {
    const base = await snapshotAfter(enrollment, [contact])
    expect(mergeSnapshots(base, { ...base, savedAt: 1 }, { ...base, savedAt: 9e12 })).toEqual({ kind: 'same' })
  })

  it('keeps the copy that changed when the other one did not, even if the unchanged one was saved later', async () => {
    const base = await snapshotAfter(enrollment, [contact])
    const moved = await snapshotAfter(enrollment, [contact, { plan: 'basic' }])
    const later = { ...base, savedAt: moved.savedAt + 60_000 }
    expect(mergeSnapshots(base, moved, later)).toEqual({ kind: 'mine' })
    expect(mergeSnapshots(base, later, moved)).toEqual({ kind: 'theirs' })
  })

  it('is a conflict when both copies moved through the flow, and never decided by the newer clock', async () => {
    const base = await snapshotAfter(enrollment, [contact])
    const basic = await snapshotAfter(enrollment, [contact, { plan: 'basic' }])
    const family = await snapshotAfter(enrollment, [contact, { plan: 'family' }, { dependents: 2 }])
    const outcome = mergeSnapshots(base, { ...basic, savedAt: family.savedAt + 1_000_000 }, family)
    expect(outcome).toEqual({ kind: 'conflict', steps: ['plan', 'dependents'] })
  })

  it('merges a draft on one step with progress on another: the path of the copy that moved, both drafts', async () => {
    const base = await snapshotAfter(enrollment, [contact])
    const moved = await snapshotAfter(enrollment, [contact, { plan: 'family' }])
    const typed = withDraft(base, 'payment', { cardToken: 'tok_' })
    const outcome = mergeSnapshots(base, typed, moved)
    expect(outcome.kind).toBe('merged')
    if (outcome.kind !== 'merged') return
    expect(outcome.mine).toEqual(['payment'])
    expect(outcome.theirs).toEqual(['plan'])
    expect(outcome.snapshot.path).toEqual(moved.path)
    expect(outcome.snapshot.step).toBe('dependents')
    expect(outcome.snapshot.drafts).toEqual({ ...moved.drafts, payment: { cardToken: 'tok_' } })
  })

  it('merges drafts of different steps made on both sides', async () => {
    const base = await snapshotAfter(enrollment, [contact])
    const outcome = mergeSnapshots(base, withDraft(base, 'plan', { plan: 'family' }), withDraft(base, 'payment', { cardToken: 'tok_x' }))
    expect(outcome).toMatchObject({ kind: 'merged', mine: ['plan'], theirs: ['payment'] })
    if (outcome.kind === 'merged')
      expect(outcome.snapshot.drafts).toMatchObject({ plan: { plan: 'family' }, payment: { cardToken: 'tok_x' } })
  })

  it('is a conflict when both changed the same step, a draft on one side and the completed step on the other', async () => {
    const base = await snapshotAfter(enrollment, [contact])
    const completed = await snapshotAfter(enrollment, [contact, { plan: 'basic' }])
    expect(mergeSnapshots(base, withDraft(base, 'plan', { plan: 'family' }), completed)).toEqual({ kind: 'conflict', steps: ['plan'] })
    expect(mergeSnapshots(base, withDraft(base, 'plan', { plan: 'family' }), withDraft(base, 'plan', { plan: 'basic' }))).toEqual({
      kind: 'conflict',
      steps: ['plan'],
    })
  })

  it('treats going back as a change of the path, in conflict with progress elsewhere', async () => {
    const base = await snapshotAfter(enrollment, [contact, { plan: 'basic' }])
    const back = await snapshotAfter(enrollment, [contact])
    const on = await snapshotAfter(enrollment, [contact, { plan: 'basic' }, { cardToken: 'tok_visa' }])
    expect(mergeSnapshots(base, back, on)).toMatchObject({ kind: 'conflict' })
  })

  it('without a common base, different answers are a conflict', async () => {
    const a = await snapshotAfter(enrollment, [contact])
    const b = await snapshotAfter(enrollment, [{ email: 'bob@example.com', name: 'Bob' }])
    expect(mergeSnapshots(null, a, b)).toEqual({ kind: 'conflict', steps: [] })
  })
})
