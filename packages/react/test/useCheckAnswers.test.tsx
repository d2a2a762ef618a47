import { composeWorkflow, createWorkflow, type Workflow } from '@flowkit/core'
import { memoryStorage, persist } from '@flowkit/core/persist'
import { act, cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useCheckAnswers, useRepeat, useStep, WorkflowProvider, WorkflowSteps } from '../src'
import { address, type Dependant, family, toFamilyReview } from './composed'
import { modes, renderIn } from './fixtures'

// A check-answers page with "Change" links, as GOV.UK's pattern has it: change an answer, and its
// submit comes back to the page through the answers given in between.

let charges = 0
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** The order flow, its card step running `charge` (a payment provider's call, say); `planDelay` makes the plan step async. */
const orderFlow = (charge: () => void | Promise<void>, planDelay = 0) =>
  composeWorkflow({
    id: 'order',
    initial: 'plan',
    state: { plan: 'basic' as 'basic' | 'team', coupon: '', seats: 1, card: '', home: { street: '', city: '' } },
    steps: {
      plan: {
        title: 'Plan',
        validate: z.object({ plan: z.enum(['basic', 'team']), coupon: z.string().optional() }),
        actions: planDelay > 0 ? [({ input }) => sleep(planDelay).then(() => input)] : [],
        next: [{ to: 'seats', when: ({ state }) => state.plan === 'team' }, { to: 'home' }],
      },
      seats: { title: 'Seats', validate: z.object({ seats: z.coerce.number().int().min(2, 'A team has at least 2 seats') }), next: 'home' },
      home: { title: 'Home', flow: address, next: 'card' },
      card: {
        title: 'Card',
        validate: z.object({ card: z.string().min(4, 'Enter a card number') }),
        actions: [
          async () => {
            await charge()
          },
        ],
        next: 'review',
      },
      review: { title: 'Check your answers', final: true },
    },
  })
const order = orderFlow(() => {
  charges++
})

/** One question per step: a text box named after the step's field, and a button that says where it goes. */
function Question({ name }: { readonly name: string }) {
  const { title, field, submit, issues } = useStep()
  const { returning } = useCheckAnswers()
  return (
    <form onSubmit={submit}>
      <h1>{title}</h1>
      <label>
        {name}
        <input {...field(name)} />
      </label>
      {issues[name]?.map((message) => (
        <p key={message}>{message}</p>
      ))}
      <button type="submit">{returning ? `Save and return to ${returning}` : 'Continue'}</button>
    </form>
  )
}

function Review() {
  const { change, returning } = useCheckAnswers()
  return (
    <section>
      <h1>Check your answers</h1>
      <p data-testid="returning">{String(returning)}</p>
      <button type="button" onClick={() => change('plan')}>
        Change plan
      </button>
      <button type="button" onClick={() => change('home.street')}>
        Change home
      </button>
    </section>
  )
}

/** A review page that hands its `change` to the test. */
let change: ((step: string) => void) | undefined
function Grab() {
  change = useCheckAnswers().change
  return <h1>Check your answers</h1>
}

const steps = {
  plan: () => <Question name="plan" />,
  seats: () => <Question name="seats" />,
  'home.street': () => <Question name="street" />,
  'home.city': () => <Question name="city" />,
  card: () => <Question name="card" />,
  review: Review,
}

const heading = () => screen.getByRole('heading').textContent
const type = async (label: string, value: string) => {
  const box = screen.getByLabelText(label)
  await userEvent.clear(box)
  await userEvent.type(box, value)
}
const press = (name: string | RegExp) => userEvent.click(screen.getByRole('button', { name }))

/** Walks the flow to its check-answers page. */
const toReview = async (workflow: Workflow<any, any>) => {
  await act(async () => {
    await workflow.run(
      {
        plan: { plan: 'basic', coupon: '' },
        'home.street': { street: '1 High St' },
        'home.city': { city: 'Leeds' },
        card: { card: '4242' },
      },
      { until: 'review' },
    )
  })
  expect(heading()).toBe('Check your answers')
}

const app = (workflow: Workflow<any, any>) => (
  <WorkflowProvider workflow={workflow}>
    <WorkflowSteps steps={steps} />
  </WorkflowProvider>
)

afterEach(() => {
  charges = 0
  sessionStorage.clear()
})

describe.each(modes)('changing an answer from a check-answers page %s', (_, strict) => {
  it('goes to the step, says where its submit returns, and comes back with the new answer', async () => {
    const workflow = createWorkflow(order)
    renderIn(strict, app(workflow))
    await toReview(workflow)
    expect(charges).toBe(1)
    await press('Change home')
    expect(heading()).toBe('Street')
    await type('street', '2 Low St')
    await press('Save and return to review')
    // The pages of the sub-flow the change is in are shown in turn.
    expect(heading()).toBe('City')
    expect(screen.getByLabelText('city')).toHaveValue('Leeds')
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
    expect(workflow.getSnapshot().state.home).toEqual({ street: '2 Low St', city: 'Leeds' })
    expect(screen.getByTestId('returning')).toHaveTextContent('null')
  })

  it('puts the steps after an unchanged answer back as they were, without running their actions again', async () => {
    const workflow = createWorkflow(order)
    renderIn(strict, app(workflow))
    await toReview(workflow)
    expect(charges).toBe(1)
    await press('Change plan')
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
    expect(charges).toBe(1)
  })

  it('stops on the step a new answer brings in, with no error, then returns once it is answered', async () => {
    const workflow = createWorkflow(order)
    renderIn(strict, app(workflow))
    await toReview(workflow)
    await press('Change plan')
    await type('plan', 'team')
    await press('Save and return to review')
    expect(heading()).toBe('Seats')
    expect(workflow.getSnapshot().error).toBeNull()
    expect(workflow.getSnapshot().issues).toEqual({})
    // Still on the way back: the button says so.
    await type('seats', '1')
    await press('Save and return to review')
    expect(screen.getByText('A team has at least 2 seats')).toBeInTheDocument()
    await type('seats', '5')
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
    expect(workflow.getSnapshot().state).toMatchObject({ plan: 'team', seats: 5 })
  })

  it('ends the change on arrival by any move, and when the flow is reset', async () => {
    const workflow = createWorkflow(order)
    renderIn(strict, app(workflow))
    await toReview(workflow)
    await press('Change plan')
    expect(screen.getByRole('button', { name: 'Save and return to review' })).toBeInTheDocument()
    // The user goes on by hand (Continue through each step): arriving ends it.
    await act(async () => {
      await workflow.run(workflow.getSnapshot().drafts, { until: 'review' })
    })
    expect(screen.getByTestId('returning')).toHaveTextContent('null')
    await press('Change plan')
    act(() => void workflow.reset())
    expect(heading()).toBe('Plan')
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument()
  })

  it('throws NOT_VISITED for a step the path did not take, and changes nothing', async () => {
    const workflow = createWorkflow(order)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ ...steps, review: Grab }} />
      </WorkflowProvider>,
    )
    await toReview(workflow)
    expect(() => change?.('seats')).toThrow(expect.objectContaining({ code: 'NOT_VISITED' }))
    expect(workflow.getSnapshot().step).toBe('review')
  })
})

describe.each(modes)('a change across a reload %s', (_, strict) => {
  /** A persisted flow at check answers, "Change plan" pressed, and the page left (unmounted). */
  const changedThenLeft = async () => {
    const storage = memoryStorage()
    const persisted = () => createWorkflow(order, { persist: persist({ key: 'order', storage }) })
    const first = persisted()
    const page = renderIn(strict, app(first))
    await toReview(first)
    await press('Change plan')
    expect(heading()).toBe('Plan')
    page.unmount()
    return { storage, persisted }
  }

  it('still returns to the check-answers page when the workflow is persisted', async () => {
    const { persisted } = await changedThenLeft()
    // The page is loaded again: a new workflow from the same storage, and the same tab's session.
    const second = persisted()
    renderIn(strict, app(second))
    expect(heading()).toBe('Plan')
    expect(screen.getByRole('button', { name: 'Save and return to review' })).toBeInTheDocument()
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
  })

  it('is forgotten when the flow starts afresh (its storage cleared)', async () => {
    const { storage, persisted } = await changedThenLeft()
    storage.removeItem('order')
    renderIn(strict, app(persisted()))
    expect(heading()).toBe('Plan')
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument()
  })
})

describe.each(modes)('a change kept in a garbled session %s', (_, strict) => {
  it.each([
    ['an inherited property name', 'constructor', '["dependants.1.name"]'],
    ['a step another version had', 'partner', '["dependants.1.name"]'],
    ['a known target with an unreadable item', 'review', '{not json'],
    ['a known target with an item of unknown steps', 'review', '["__proto__","dependants.9.name"]'],
  ])('%s: read without a crash, and no change is under way on a flow with no answers', async (_, to, item) => {
    const storage = memoryStorage()
    const workflow = createWorkflow(family(), { persist: persist({ key: 'family', storage }) })
    sessionStorage.setItem('flowkit:family:return-to', to)
    sessionStorage.setItem('flowkit:family:return-item', item)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={familySteps} />
      </WorkflowProvider>,
    )
    await act(async () => {
      await workflow.next()
      await workflow.next({ action: 'add' })
    })
    expect(heading()).toBe('Name')
    // No step called 'constructor' or 'partner'; and a flow started afresh forgets a change it could not have had.
    expect(sessionStorage.getItem('flowkit:family:return-to')).toBeNull()
    await type('name', 'Cy')
    await press('Continue')
    expect(heading()).toBe('Age')
  })
})

describe.each(modes)('a double click on the changed step %s', (_, strict) => {
  it('goes back once: an async step on the way runs once, not restarted by the second click', async () => {
    let runs = 0
    const workflow = createWorkflow(
      orderFlow(async () => {
        runs++
        await sleep(20)
      }, 20),
    )
    renderIn(strict, app(workflow))
    await toReview(workflow)
    expect(runs).toBe(1)
    await press('Change plan')
    // A new coupon: the plan step runs (async), and every step after it runs again on the way back.
    act(() => workflow.setDraft('plan', { plan: 'basic', coupon: 'SPRING' }))
    await userEvent.dblClick(screen.getByRole('button', { name: 'Save and return to review' }))
    expect(await screen.findByRole('heading', { name: 'Check your answers' }, { timeout: 2000 })).toBeInTheDocument()
    // Both clicks share the plan step's transition; one way back, so the card step ran once more, not twice.
    expect(runs).toBe(2)
    expect(workflow.getSnapshot().state).toMatchObject({ coupon: 'SPRING' })
  })
})

/** The family flow's pages: a summary with a "Change" link per dependant, each item's name and age, the review. */
const familySteps = {
  about: () => <Question name="about" />,
  dependants: function Dependants() {
    const { items, change, add, continue: next } = useRepeat<Dependant>()
    return (
      <section>
        <h1>Dependants</h1>
        {items.map((d, i) => (
          <button key={d.name} type="button" onClick={() => change(i)}>
            Change {d.name}
          </button>
        ))}
        <button type="button" onClick={() => add()}>
          Add a dependant
        </button>
        <button type="button" onClick={() => next()}>
          Continue
        </button>
      </section>
    )
  },
  ...Object.fromEntries(
    [0, 1, 2].flatMap((i) => [
      [`dependants.${i}.name`, () => <Question name="name" />],
      [`dependants.${i}.age`, () => <Question name="age" />],
    ]),
  ),
  review: function FamilyReview() {
    const { change } = useCheckAnswers()
    const repeat = useRepeat('dependants')
    return (
      <section>
        <h1>Check your answers</h1>
        <button type="button" onClick={() => change('dependants')}>
          Change dependants
        </button>
        <button
          type="button"
          onClick={async () => {
            change('dependants')
            await repeat.change(1, 'dependants.1.name')
          }}
        >
          Change Bob’s name
        </button>
      </section>
    )
  },
}

describe.each(modes)('a change to an item of a repeat %s', (_, strict) => {
  /** The family flow on its check-answers page, with Ada (7) and Bob (5). */
  const familyPage = (workflow: Workflow<any, any>) =>
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={familySteps} />
      </WorkflowProvider>,
    )
  /** `workflow` (the family flow) rendered on its check-answers page, with Ada (7) and Bob (5). */
  const familyAtReview = async (workflow: Workflow<any, any> = createWorkflow(family())) => {
    familyPage(workflow)
    await act(async () => {
      await toFamilyReview(workflow)
    })
    return workflow
  }

  it("opened whole from its summary: shows the item's pages in turn, then returns to the check-answers page", async () => {
    const workflow = await familyAtReview()
    await press('Change dependants')
    await press('Change Bob')
    expect(screen.getByLabelText('name')).toHaveValue('Bob')
    await type('name', 'Bobby')
    await press('Save and return to review')
    // The item is one answer over two pages, as an address is: its age is shown before returning.
    expect(heading()).toBe('Age')
    expect(screen.getByLabelText('age')).toHaveValue('5')
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
    expect(workflow.getSnapshot().state.dependants).toEqual([
      { name: 'Ada', age: 7 },
      { name: 'Bobby', age: 5 },
    ])
  })

  it("opened whole, across a reload on its first page: still shows the item's remaining pages before returning", async () => {
    const storage = memoryStorage()
    const persisted = () => createWorkflow(family(), { persist: persist({ key: 'family', storage }) })
    await familyAtReview(persisted())
    await press('Change dependants')
    await press('Change Bob')
    expect(heading()).toBe('Name')
    cleanup()
    // The page is loaded again in the same tab: a new workflow from the same storage and session.
    const second = persisted()
    familyPage(second)
    expect(screen.getByLabelText('name')).toHaveValue('Bob')
    await type('name', 'Bobby')
    await press('Save and return to review')
    expect(heading()).toBe('Age')
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
    expect(second.getSnapshot().state.dependants?.[1]).toEqual({ name: 'Bobby', age: 5 })
  })

  it('opened at one answer (a per-answer Change link): returns from that answer', async () => {
    const workflow = await familyAtReview()
    await press('Change Bob’s name')
    expect(screen.getByLabelText('name')).toHaveValue('Bob')
    await type('name', 'Bobby')
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
    expect(workflow.getSnapshot().state.dependants?.[1]).toEqual({ name: 'Bobby', age: 5 })
  })

  it('a new item added from the summary is asked page by page, then the way back goes on to the check-answers page', async () => {
    const workflow = await familyAtReview()
    await press('Change dependants')
    await press('Add a dependant')
    await type('name', 'Cy')
    await press('Save and return to review')
    expect(heading()).toBe('Age')
    await type('age', '3')
    await press('Save and return to review')
    expect(heading()).toBe('Check your answers')
    expect(workflow.getSnapshot().state.dependants).toHaveLength(3)
  })
})
