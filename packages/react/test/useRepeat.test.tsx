// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { composeWorkflow, createWorkflow, defineWorkflow, isWorkflowError, type Workflow } from '@flowkit/core'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useRepeat, useStep, WorkflowProvider, WorkflowSteps } from '../src'
import { type Dependant, dependant, family } from './composed'
import { modes, renderIn } from './fixtures'

function Summary() {
  const { title, items, count, min, max, canAdd, canContinue, add, change, remove, continue: next } = useRepeat<Dependant>()
  return (
    <section>
      <h1>
        {title}: {count} of {min} to {max}
      </h1>
      <ul>
        {items.map((d, i) => (
          <li key={d.name}>
            {d.name} ({d.age}){' '}
            <button type="button" onClick={() => change(i)}>
              Change {d.name}
            </button>
            <button type="button" onClick={() => remove(i)}>
              Remove {d.name}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={!canAdd} onClick={() => add()}>
        Add a dependant
      </button>
      <button type="button" disabled={!canContinue} onClick={() => next()}>
        Continue
      </button>
    </section>
  )
}

function Field({ name }: { name: 'name' | 'age' }) {
  const { field, submit, step } = useStep()
  return (
    <form onSubmit={submit} aria-label={step}>
      <label>
        {name}
        <input {...field(name)} />
      </label>
      <button type="submit">Save</button>
    </form>
  )
}

function Review() {
  const { items, change } = useRepeat<Dependant>('dependants')
  return (
    <dl>
      {items.map((d, i) => (
        <div key={d.name}>
          <dt>{d.name}</dt>
          <dd>
            <button type="button" onClick={() => change(i)}>
              Change dependant {i + 1}
            </button>
          </dd>
        </div>
      ))}
    </dl>
  )
}

const itemSteps = (max: number) =>
  Object.fromEntries(
    Array.from({ length: max }, (_, i) => [
      [`dependants.${i}.name`, () => <Field name="name" />],
      [`dependants.${i}.age`, () => <Field name="age" />],
    ]).flat(),
  )

const app = (workflow: Workflow<any, any>, max = 3) => (
  <WorkflowProvider workflow={workflow}>
    <WorkflowSteps steps={{ dependants: Summary, review: Review, ...itemSteps(max) }} />
  </WorkflowProvider>
)

const addDependant = async (name: string, age: number) => {
  await userEvent.click(screen.getByRole('button', { name: 'Add a dependant' }))
  await userEvent.type(screen.getByLabelText('name'), name)
  await userEvent.click(screen.getByRole('button', { name: 'Save' }))
  // A new item's age starts at the child flow's initial state (0).
  expect(screen.getByLabelText('age')).toHaveValue('0')
  await userEvent.clear(screen.getByLabelText('age'))
  await userEvent.type(screen.getByLabelText('age'), String(age))
  await userEvent.click(screen.getByRole('button', { name: 'Save' }))
}

/** Adds each dependant through the flow's own moves, no UI. */
const addAll = async (workflow: Workflow<any, any>, dependants: readonly (readonly [string, number])[]) => {
  for (const [name, age] of dependants) {
    await workflow.next({ action: 'add' })
    await workflow.next({ name })
    await workflow.next({ age })
  }
}

/** Renders the flow, standing on its review step; returns what `useRepeat('dependants')` gave that step last. */
const renderReview = (strict: boolean, workflow: Workflow<any, any>) => {
  const grabbed: { repeat?: ReturnType<typeof useRepeat> } = {}
  function Grab() {
    grabbed.repeat = useRepeat('dependants')
    return <h1>review</h1>
  }
  renderIn(
    strict,
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ dependants: Summary, review: Grab, ...itemSteps(3) }} />
    </WorkflowProvider>,
  )
  return grabbed
}

/** `useRepeat('dependants')` rendered outside any step; returns what it gave last. */
const repeatOutsideSteps = (workflow: Workflow<any, any>) => {
  let api: ReturnType<typeof useRepeat> | undefined
  function Grab() {
    api = useRepeat('dependants')
    return null
  }
  render(
    <WorkflowProvider workflow={workflow}>
      <Grab />
    </WorkflowProvider>,
  )
  return () => api as ReturnType<typeof useRepeat>
}

describe.each(modes)('useRepeat %s', (_, strict) => {
  it('adds, changes and removes items from the summary, within max', async () => {
    const workflow = createWorkflow(family(0, 2))
    await workflow.next()
    renderIn(strict, app(workflow, 2))
    expect(screen.getByRole('heading')).toHaveTextContent('Dependants: 0 of 0 to 2')
    await addDependant('Ada', 7)
    expect(screen.getByRole('heading')).toHaveTextContent('Dependants: 1 of 0 to 2')
    await addDependant('Bob', 5)
    expect(screen.getByRole('button', { name: 'Add a dependant' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: 'Change Ada' }))
    expect(workflow.getSnapshot().step).toBe('dependants.0.name')
    expect(screen.getByLabelText('name')).toHaveValue('Ada')
    await userEvent.clear(screen.getByLabelText('name'))
    await userEvent.type(screen.getByLabelText('name'), 'Ada L.')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByLabelText('age')).toHaveValue('7')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await userEvent.click(screen.getByRole('button', { name: 'Remove Bob' }))
    expect(workflow.getSnapshot().state.dependants).toEqual([{ name: 'Ada L.', age: 7 }])
    expect(screen.getByRole('button', { name: 'Add a dependant' })).toBeEnabled()
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().step).toBe('review')
  })

  it('cannot continue below min; the summary is passed over until there are enough', async () => {
    const workflow = createWorkflow(family(1, 3))
    await workflow.next()
    expect(workflow.getSnapshot().step).toBe('dependants.0.name')
    await workflow.next({ name: 'Ada' })
    await workflow.next({ age: 7 })
    renderIn(strict, app(workflow))
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled()
    await userEvent.click(screen.getByRole('button', { name: 'Remove Ada' }))
    // No items left: below min the summary is skipped to ask for the first one again.
    expect(workflow.getSnapshot().step).toBe('dependants.0.name')
  })

  it('changes an item from a later step: back to the summary, then the item, prefilled', async () => {
    const workflow = createWorkflow(family())
    await workflow.next()
    await addAll(workflow, [
      ['Ada', 7],
      ['Bob', 5],
    ])
    await workflow.next({ action: 'continue' })
    renderIn(strict, app(workflow))
    await userEvent.click(screen.getByRole('button', { name: 'Change dependant 2' }))
    expect(workflow.getSnapshot().step).toBe('dependants.1.name')
    expect(screen.getByLabelText('name')).toHaveValue('Bob')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(workflow.getSnapshot().step).toBe('dependants')
    expect(workflow.getSnapshot().state.dependants).toHaveLength(2)
  })

  it("opens an item at one of its steps, through the item's answers: later changes and items kept", async () => {
    const workflow = createWorkflow(family())
    await workflow.next()
    await addAll(workflow, [
      ['Ada', 7],
      ['Bob', 5],
      ['Cy', 3],
    ])
    // Changed since item 1's age step was first visited: a goTo there would go back before this change.
    await workflow.next({ action: 'change', item: 0 })
    await workflow.next({ name: 'Ada L.' })
    await workflow.next({ age: 7 })
    await workflow.next({ action: 'continue' })
    const review = renderReview(strict, workflow)
    await act(() => review.repeat?.change(1, 'dependants.1.age'))
    expect(workflow.getSnapshot().step).toBe('dependants.1.age')
    expect(screen.getByLabelText('age')).toHaveValue('5')
    await userEvent.clear(screen.getByLabelText('age'))
    await userEvent.type(screen.getByLabelText('age'), '6')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(workflow.getSnapshot().state.dependants).toEqual([
      { name: 'Ada L.', age: 7 },
      { name: 'Bob', age: 6 },
      { name: 'Cy', age: 3 },
    ])
    const before = workflow.getSnapshot()
    let error: unknown
    await act(async () => {
      await review.repeat?.change(1, 'dependants.2.age').catch((e: unknown) => {
        error = e
      })
    })
    expect(isWorkflowError(error) && error.code).toBe('INVALID_OPTION')
    expect((error as Error).message).toContain(
      "'dependants.2.age' is not a step of item 1; its steps are dependants.1.name, dependants.1.age",
    )
    expect(workflow.getSnapshot()).toBe(before)
  })

  it("asked for a step the item's answers skip, opens the item at its first page: no walk out of it, no error", async () => {
    const person = defineWorkflow({
      id: 'person',
      initial: 'name',
      state: { name: '', school: '', age: 0 },
      steps: {
        name: { title: 'Name', next: 'school' },
        school: { title: 'School', skip: ({ state }) => state.name === 'Grown', next: 'age' },
        age: { title: 'Age', final: true },
      },
    })
    const people = composeWorkflow({
      id: 'people',
      initial: 'dependants',
      state: {} as { dependants?: { name: string; school: string; age: number }[] },
      steps: { dependants: { repeat: { flow: person, max: 3 }, next: 'review' }, review: { final: true } },
    })
    const workflow = createWorkflow(people)
    await workflow.next({ action: 'add' })
    await workflow.next({ name: 'Grown' })
    await workflow.next({ age: 40 })
    await workflow.next({ action: 'continue' })
    const api = repeatOutsideSteps(workflow)
    let at: { step: string; error: unknown } | undefined
    await act(async () => {
      at = await api().change(0, 'dependants.0.school')
    })
    expect([at?.step, at?.error, workflow.getSnapshot().step]).toEqual(['dependants.0.name', null, 'dependants.0.name'])
  })

  it('opens an item at a step past an async one: resolves there, busy until it arrives', async () => {
    // The name is checked on a server (async); the change walks through it to the age.
    const checked = defineWorkflow({
      ...dependant,
      id: 'checked',
      steps: {
        ...dependant.steps,
        name: { ...dependant.steps.name, actions: [async ({ input }) => ({ name: (input as { name: string }).name })] },
      },
    })
    const workflow = createWorkflow(
      composeWorkflow({
        id: 'family',
        initial: 'dependants',
        state: {} as { dependants?: Dependant[] },
        steps: { dependants: { repeat: { flow: checked, max: 3 }, next: 'review' }, review: { final: true } },
      }),
    )
    await addAll(workflow, [
      ['Ada', 7],
      ['Bob', 5],
    ])
    await workflow.next({ action: 'continue' })
    const review = renderReview(strict, workflow)
    const seen: string[] = []
    const unsubscribe = workflow.subscribe((s) => seen.push(`${s.step}:${s.status}`))
    await act(async () => {
      const at = await review.repeat?.change(1, 'dependants.1.age')
      expect(at?.step).toBe('dependants.1.age')
      expect(at?.status).toBe('idle')
    })
    unsubscribe()
    // Into the item, then one move through the async name to the age: not idle on the way.
    expect(seen).toEqual([
      'dependants:idle',
      'dependants.1.name:idle',
      'dependants.1.name:busy',
      'dependants.1.age:busy',
      'dependants.1.age:idle',
    ])
    expect(screen.getByLabelText('age')).toHaveValue('5')
  })

  it('works inside an item step: the enclosing repeat', async () => {
    const workflow = createWorkflow(family())
    await workflow.next()
    await workflow.next({ action: 'add' })
    function Item() {
      const { step, count, max } = useRepeat()
      return (
        <p>
          {step} {count}/{max}
        </p>
      )
    }
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ 'dependants.0.name': Item }} />
      </WorkflowProvider>,
    )
    expect(screen.getByText('dependants 0/3')).toBeInTheDocument()
  })
})

describe('useRepeat mistakes', () => {
  const codeOf = (ui: React.ReactElement): string | undefined => {
    try {
      render(ui)
    } catch (error) {
      return isWorkflowError(error) ? `${error.code}: ${error.message}` : String(error)
    }
    return undefined
  }
  function Probe({ step }: { step?: string }) {
    useRepeat(step)
    return null
  }

  it('throws INVALID_OPTION on a step that is no repeat, naming the repeats', async () => {
    const workflow = createWorkflow(family())
    const error = codeOf(
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ about: () => <Probe /> }} />
      </WorkflowProvider>,
    )
    expect(error).toMatch(/^INVALID_OPTION: useRepeat\(\): step 'about' .* its repeats: dependants/)
  })

  it('throws NO_STEP outside a step without an id, and UNKNOWN_STEP with the nearest step for an id that is not defined', () => {
    const workflow = createWorkflow(family())
    expect(
      codeOf(
        <WorkflowProvider workflow={workflow}>
          <Probe />
        </WorkflowProvider>,
      ),
    ).toMatch(/^NO_STEP: .*useRepeat\('dependants'\)/)
    expect(
      codeOf(
        <WorkflowProvider workflow={workflow}>
          <Probe step="dependents" />
        </WorkflowProvider>,
      ),
    ).toMatch(
      /^UNKNOWN_STEP: useRepeat\('dependents'\) in workflow 'family': there is no such step; defined steps: about, .* Did you mean 'dependants'\?$/,
    )
  })

  it('from a step before the summary, it goes forward to the summary first', async () => {
    const workflow = createWorkflow(family())
    const api = repeatOutsideSteps(workflow)
    // 'dependants' lies ahead of 'about' (which needs no input): goTo goes forward to it, then adds.
    await act(async () => {
      await api().add()
    })
    expect(workflow.getSnapshot().step).toBe('dependants.0.name')
  })

  it('from a step before the summary, through an async step: waits for the way there, then adds', async () => {
    const slowly = composeWorkflow({
      id: 'family',
      initial: 'about',
      state: {} as { about?: string; dependants?: Dependant[] },
      steps: {
        about: { actions: [async ({ input }) => ({ about: String(input) })], next: 'dependants' },
        dependants: { repeat: { flow: dependant, max: 3 }, next: 'review' },
        review: { final: true },
      },
    })
    const workflow = createWorkflow(slowly)
    workflow.setDraft('about', 'me')
    const api = repeatOutsideSteps(workflow)
    let at: string | undefined
    await act(async () => {
      at = (await api().add()).step
    })
    // The walk to the summary was busy on the async step; the add waited for it rather than stopping there.
    expect([at, workflow.getSnapshot().step, workflow.getSnapshot().state.about]).toEqual(['dependants.0.name', 'dependants.0.name', 'me'])
  })
})

/** A household (intro → kids, a repeat of at least one → pets) used as the sub-flow `home`: the repeat's items are `state.home.kids`. */
const household = composeWorkflow({
  id: 'household',
  initial: 'intro',
  state: {} as { kids?: Dependant[] },
  steps: {
    intro: { title: 'About your home', next: 'kids' },
    kids: { title: 'Children', repeat: { flow: dependant, min: 1, max: 3 }, next: 'pets' },
    pets: { title: 'Pets', final: true },
  },
})
const withHome = composeWorkflow({
  id: 'withHome',
  initial: 'home',
  state: {} as { home?: { kids?: Dependant[] } },
  steps: {
    home: { title: 'Home', flow: household, next: 'done' },
    done: { title: 'Done', final: true },
  },
})

describe.each(modes)('useRepeat inside a sub-flow %s', (_, strict) => {
  it("reads the items from the sub-flow's data, as the engine does", async () => {
    const workflow = createWorkflow(withHome)
    await workflow.next()
    await workflow.next({ name: 'Ada' })
    await workflow.next({ age: 7 })
    expect(workflow.getSnapshot()).toMatchObject({ step: 'home.kids', state: { home: { kids: [{ name: 'Ada', age: 7 }] } } })
    function Kids() {
      const { step, items, count, min, canContinue } = useRepeat<Dependant>('home.kids')
      return <p>{`${step}: ${items.map((d) => d.name).join(', ')} (${count}, min ${min}, ${canContinue ? 'can' : 'cannot'} continue)`}</p>
    }
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <Kids />
      </WorkflowProvider>,
    )
    expect(screen.getByText('home.kids: Ada (1, min 1, can continue)')).toBeInTheDocument()
    await act(async () => {
      await workflow.next({ action: 'add' })
      await workflow.next({ name: 'Bob' })
      await workflow.next({ age: 5 })
    })
    expect(screen.getByText('home.kids: Ada, Bob (2, min 1, can continue)')).toBeInTheDocument()
  })
})
