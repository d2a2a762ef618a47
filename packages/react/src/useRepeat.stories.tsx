import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { household, twoDependants } from '../../../.storybook/flows/household'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { useCheckAnswers } from './useCheckAnswers'
import { useRepeat } from './useRepeat'
import { useStep } from './useStep'
import { useStepGroup } from './useStepGroup'
import { useWorkflowState } from './useWorkflowState'
import { WorkflowStepper } from './WorkflowStepper'
import { WorkflowSteps } from './WorkflowSteps'

/** One screen for every step of a child flow: the group names where it is. */
function ChildStep() {
  const { group, item, local } = useStepGroup()
  const { title, field, submit, issues, back, canGoBack } = useStep()
  const { returning } = useCheckAnswers()
  const heading = group ? `${group.title}${item === undefined ? '' : ` ${item + 1}`}: ${title}` : title
  return (
    <form onSubmit={submit} noValidate>
      <h1>{heading}</h1>
      <label>
        {title}
        <input {...field(local)} />
      </label>
      {issues[local]?.map((m) => (
        <p key={m}>{m}</p>
      ))}
      {canGoBack && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
      <button type="submit">{returning ? 'Save and return to your answers' : 'Continue'}</button>
    </form>
  )
}

/** The repeat's summary, GOV.UK "add another" style. */
function Dependants() {
  const { title, items, canAdd, add, change, remove, continue: next } = useRepeat<{ name: string; age: number }>()
  return (
    <section>
      <h1>{title}</h1>
      <ul>
        {items.map((d, i) => (
          <li key={d.name}>
            {d.name}, {d.age}{' '}
            <button type="button" onClick={() => change(i)}>
              Change {d.name}
            </button>{' '}
            <button type="button" onClick={() => remove(i)}>
              Remove {d.name}
            </button>
          </li>
        ))}
      </ul>
      {canAdd && (
        <button type="button" onClick={() => add()}>
          Add a dependant
        </button>
      )}
      <button type="button" onClick={() => next()}>
        Continue
      </button>
    </section>
  )
}

/** Check your answers: a Change link per answer (`useCheckAnswers`); an item's answer opens that item (`useRepeat`). */
function Review() {
  const { items, change } = useRepeat<{ name: string; age: number }>('dependants')
  const answers = useCheckAnswers()
  const home = useWorkflowState((s) => (s.state as { home?: { street: string; city: string } }).home)
  return (
    <section>
      <h1>Check your answers</h1>
      <p>
        {home?.street}, {home?.city}{' '}
        <button type="button" onClick={() => answers.change('home.street')}>
          Change home address
        </button>
      </p>
      <ul>
        {items.map((d, i) => (
          <li key={d.name}>
            {d.name}, {d.age}{' '}
            <button type="button" onClick={() => change(i)}>
              Change {d.name}
            </button>{' '}
            <button
              type="button"
              onClick={async () => {
                answers.change('dependants')
                await change(i, `dependants.${i}.age`)
              }}
            >
              Change {d.name}’s age
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function Household() {
  return (
    <>
      <nav aria-label="Progress">
        <WorkflowStepper />
      </nav>
      <main>
        <WorkflowSteps steps={{ home: ChildStep, dependants: Dependants, 'dependants.*': ChildStep, review: Review }} />
      </main>
    </>
  )
}

// `useRepeat` and `useStepGroup`: a sub-flow's steps and a repeat's summary and items, seeded at any child step.
const meta: Meta<Args> = {
  title: 'Hooks/useRepeat',
  render: () => <Household />,
  ...workflowStory(household),
}

export default meta
type Args = WorkflowStoryArgsOf<typeof household>
type Story = StoryObj<Args>

/** The second step of the home address sub-flow: the stepper lists the group's steps. */
export const SubflowStep: Story = {
  args: { at: 'home.city', state: { home: { street: '1 Main St', city: '' } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Home address: Town or city')
    const group = canvas.getByRole('list', { name: 'Home address' })
    await expect(group.querySelector('[aria-current="step"]')).toHaveTextContent('Town or city')
    await userEvent.type(canvas.getByLabelText('Town or city'), 'Dublin')
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Dependants' })).toBeInTheDocument()
  },
}

/** The summary with two dependants: change one, and its answers come back. */
export const RepeatSummary: Story = {
  args: { at: 'dependants', state: twoDependants },
  play: async ({ canvas }) => {
    await expect(
      canvas
        .getAllByRole('listitem')
        .map((li) => li.textContent)
        .filter((t) => t?.includes(',')),
    ).toHaveLength(2)
    await userEvent.click(canvas.getByRole('button', { name: 'Change Bob' }))
    await expect(await canvas.findByLabelText('Name')).toHaveValue('Bob')
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Dependants 2: Name')
  },
}

/** Seeded at a new item's second step: the summary added item 2 on the way. */
export const NewItem: Story = {
  args: { at: 'dependants.1.age', state: { ...twoDependants, dependants: [{ name: 'Ada', age: 7 }] } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Dependants 2: Age')
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(await canvas.findByLabelText('Name')).toBeInTheDocument()
  },
}

/** Check answers changes an item: back to the summary, then that item's steps. */
export const ChangeFromReview: Story = {
  args: { at: 'review', state: twoDependants },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Change Ada' }))
    await expect(await canvas.findByLabelText('Name')).toHaveValue('Ada')
  },
}

/** A Change link on check answers: the home address's pages in turn, then straight back to check answers. */
export const ChangeAndReturn: Story = {
  args: { at: 'review', state: twoDependants },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Change home address' }))
    const street = await canvas.findByLabelText('Street')
    await userEvent.clear(street)
    await userEvent.type(street, '2 High St')
    await userEvent.click(canvas.getByRole('button', { name: 'Save and return to your answers' }))
    await expect(await canvas.findByLabelText('Town or city')).toHaveValue('Dublin')
    await userEvent.click(canvas.getByRole('button', { name: 'Save and return to your answers' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument()
    await expect(canvas.getByText(/2 High St, Dublin/)).toBeInTheDocument()
    await expect(canvas.getByText(/Bob, 5/)).toBeInTheDocument()
  },
}

/** One answer of an item: the item opens at that step, and saving it returns to check answers with every item kept. */
export const ChangeAnItemsAnswer: Story = {
  // What a live run keeps: each item step's answer as its draft.
  args: {
    at: 'review',
    state: twoDependants,
    drafts: { 'dependants.1.name': { name: 'Bob' }, 'dependants.1.age': { age: 5 } },
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Change Bob’s age' }))
    const age = await canvas.findByLabelText('Age')
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Dependants 2: Age')
    await userEvent.clear(age)
    await userEvent.type(age, '6')
    await userEvent.click(canvas.getByRole('button', { name: 'Save and return to your answers' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument()
    await expect(canvas.getByText(/Bob, 6/)).toBeInTheDocument()
    await expect(canvas.getByText(/Ada, 7/)).toBeInTheDocument()
  },
}
