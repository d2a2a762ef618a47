import { composeWorkflow, defineWorkflow, qualifiedStepTitle } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { syncNotice } from '../src/client/syncNotice'
import { contact, MemoryWebStorage, tabsOnOneServer, until } from './helpers/browsers'

const dependant = defineWorkflow({
  id: 'dependant',
  initial: 'name',
  state: { name: '' },
  steps: { name: { title: 'Name', validate: z.object({ name: z.string().min(1) }), final: true } },
})

const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: { street: '' },
  steps: { street: { title: 'Street', validate: z.object({ street: z.string().min(1) }), final: true } },
})

const household = composeWorkflow({
  id: 'household',
  initial: 'about',
  state: { email: '', home: { street: '' }, dependants: [] as { name: string }[] },
  steps: {
    about: { title: 'About you', validate: z.object({ email: z.string() }), next: 'home' },
    home: { title: 'Home address', flow: address, next: 'dependants' },
    dependants: { title: 'Dependants', repeat: { flow: dependant, min: 0, max: 3 }, next: 'review' },
    review: { title: 'Check your answers', next: 'untitled' },
    untitled: { final: true },
  },
})

describe('sync notices name the steps as users see them, not by their ids', () => {
  it("uses the steps' titles, after their sub-flow's title or their repeat's with the item's number", () => {
    const notice = syncNotice('updated', 'device', ['about', 'home.street', 'dependants.1.name', 'review'], household)
    expect(notice.message).toBe(
      "This flow was changed on another device ('About you', 'Home address: Street', 'Dependants 2: Name', 'Check your answers'); this page now shows those answers.",
    )
    expect(notice.message).not.toContain('dependants.1.name')
    expect(notice.steps).toEqual(['about', 'home.street', 'dependants.1.name', 'review'])
  })

  it('falls back to the id for a step without a title or when no definition is known', () => {
    expect(qualifiedStepTitle(household, 'untitled')).toBe('untitled')
    expect(qualifiedStepTitle(household, 'nowhere')).toBe('nowhere')
    expect(syncNotice('updated', 'tab', ['untitled', 'about']).message).toContain("('untitled', 'about')")
    expect(syncNotice('merged', 'tab', ['about'], household).message).toContain("('About you')")
    expect(syncNotice('adopted', 'tab', ['about', 'about'], household).message).toContain("same steps ('About you') first")
  })

  it('says "on another device" and "in another tab"', () => {
    expect(syncNotice('updated', 'device', ['about'], household).message).toBe(
      "This flow was changed on another device ('About you'); this page now shows those answers.",
    )
    expect(syncNotice('merged', 'device', ['about'], household).message).toBe(
      "Changes made on another device ('About you') were combined with this page's changes to other steps.",
    )
    expect(syncNotice('updated', 'tab', ['about'], household).message).toBe(
      "This flow was changed in another tab ('About you'); this page now shows those answers.",
    )
    expect(syncNotice('merged', 'tab', [], household).message).toBe(
      "Changes made in another tab were combined with this page's changes to other steps.",
    )
    for (const kind of ['updated', 'merged', 'adopted'] as const) {
      expect(syncNotice(kind, 'device', ['about'], household).message).not.toMatch(/in another device/)
    }
  })

  const { open } = tabsOnOneServer()
  it('a tab following another names the changed step by the title in the attached workflow’s definition', async () => {
    const local = new MemoryWebStorage()
    const first = await open(local, null, {}, 'flowkit-notice-titles')
    const second = await open(local, null, {}, 'flowkit-notice-titles')
    await first.flow.next(contact)
    await until(() => second.flow.getSnapshot().step === 'plan', 'the second tab to follow')
    const notice = second.storage.getStatus().notice
    expect(notice).toMatchObject({ kind: 'updated', source: 'tab', steps: ['contact'] })
    expect(notice?.message).toContain("('Contact')")
    expect(notice?.message).not.toContain("'contact'")
  })
})
