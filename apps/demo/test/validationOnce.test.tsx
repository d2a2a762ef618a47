// @vitest-environment jsdom
import { createWorkflow, defineWorkflow, type WorkflowDefinition } from '@flowkit/core'
import { WorkflowProvider } from '@flowkit/react'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { FLOWS, type FlowName } from '../src/app/flows'
import { StepFrame } from '../src/app/StepFrame'
import { setFailNext, setServiceLatency } from '../src/services/faults'

beforeAll(() => {
  // React 19 warns unless the test environment says it drives `act()`.
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  // Each step scrolls to its top on arrival; jsdom has no scrolling.
  window.scrollTo = () => {}
})
beforeEach(() => {
  setServiceLatency(1)
  for (const s of ['promo', 'address', 'payment', 'enrollment'] as const) setFailNext(s, false)
})
afterEach(cleanup)

/**
 * The flow's own definition, with each step's schema counted: `~standard.validate` is the one door
 * every Standard Schema consumer goes through (the engine, `validateStep`, a form resolver), so a
 * second parse anywhere (in the screen, in the error summary, in the journey log) shows up here.
 */
const counted = (name: FlowName) => {
  const definition = FLOWS[name].definition as WorkflowDefinition
  const parses: Record<string, number> = {}
  const steps = Object.fromEntries(
    Object.entries(definition.steps as Record<string, { validate?: StandardSchemaV1 }>).map(([id, step]) => {
      if (!step.validate) return [id, step]
      const standard = step.validate['~standard']
      parses[id] = 0
      const validate = (value: unknown) => {
        parses[id] = (parses[id] ?? 0) + 1
        return standard.validate(value)
      }
      // Everything else the schema offers (its JSON Schema for the fields' defaults) stays as it is.
      const spied = new Proxy(standard, { get: (target, key) => (key === 'validate' ? validate : Reflect.get(target, key)) })
      return [id, { ...step, validate: { '~standard': spied } }]
    }),
  )
  return { definition: defineWorkflow({ ...definition, steps } as never) as WorkflowDefinition, parses }
}

/** The demo's step frame (heading, error summary, the step's screen and its buttons) on a fresh workflow of `name`. */
const show = (name: FlowName) => {
  const { definition, parses } = counted(name)
  const workflow = createWorkflow(definition)
  render(
    <WorkflowProvider workflow={workflow}>
      <StepFrame screens={FLOWS[name].screens} />
    </WorkflowProvider>,
  )
  return { workflow, parses }
}

const user = () => userEvent.setup()

/** The checkout's address steps, which a digital-only basket passes over: never parsed. */
const noAddresses = { 'shipping.name': 0, 'shipping.lines': 0, billingSame: 0, 'billing.name': 0, 'billing.lines': 0 }

/** Clicks the step's submit button and waits until the workflow is idle again. */
const submit = async (workflow: ReturnType<typeof createWorkflow>) => {
  await user().click(screen.getByTestId('submit'))
  await vi.waitFor(() => expect(workflow.getSnapshot().status).not.toBe('busy'))
  await act(() => Promise.resolve())
}

/** What the error summary lists: exactly the engine's issues, nothing computed by the screen. */
const summary = () => {
  const box = document.querySelector<HTMLElement>('.error-summary')
  return box
    ? within(box)
        .getAllByRole('link')
        .map((link) => link.textContent)
    : []
}
const engineMessages = (workflow: ReturnType<typeof createWorkflow>) => Object.values(workflow.getSnapshot().issues).map((m) => m[0])

describe('validation once: the demo validates each submit through the engine alone', () => {
  it('checkout: one parse of the step schema per submit, refused or accepted, and the errors shown are the engine issues', async () => {
    const { workflow, parses } = show('checkout')
    // Refused: nothing in the basket.
    await submit(workflow)
    expect(parses).toMatchObject({ cart: 1 })
    expect(summary()).toEqual(['Add at least one item to your basket'])
    expect(summary()).toEqual(engineMessages(workflow))

    // Accepted (an async schema, which calls the promo service): one parse.
    await user().click(screen.getByRole('button', { name: 'One more Flowkit Pro licence' }))
    await submit(workflow)
    expect(workflow.getSnapshot().step).toBe('delivery')
    expect(parses).toEqual({ ...noAddresses, cart: 2, delivery: 0, payment: 0, company: 0 })

    await submit(workflow)
    expect(summary()).toEqual(['Select a delivery method'])
    expect(summary()).toEqual(engineMessages(workflow))
    await user().click(screen.getByRole('radio', { name: /Email/ }))
    await submit(workflow)
    expect(workflow.getSnapshot().step).toBe('payment')
    expect(parses).toEqual({ ...noAddresses, cart: 2, delivery: 2, payment: 0, company: 0 })

    // A card with nothing typed: every field's own message, from one parse.
    await user().click(screen.getByRole('radio', { name: /Card/ }))
    await submit(workflow)
    expect(summary().length).toBeGreaterThanOrEqual(3)
    expect(summary()).toEqual(engineMessages(workflow))
    expect(parses.payment).toBe(1)
    await user().click(screen.getByRole('radio', { name: /Invoice/ }))
    await submit(workflow)
    expect(workflow.getSnapshot().step).toBe('company')
    expect(parses).toEqual({ ...noAddresses, cart: 2, delivery: 2, payment: 2, company: 0 })

    await submit(workflow)
    expect(summary()).toEqual(engineMessages(workflow))
    await user().type(screen.getByLabelText('Company name'), 'Analytical Engines Ltd')
    await user().type(screen.getByLabelText('VAT number'), 'IE6388047V')
    await user().type(screen.getByLabelText('Billing email'), 'accounts@example.com')
    await submit(workflow)
    expect(workflow.getSnapshot().step).toBe('review')
    // Typing parses nothing: only the two submits did.
    expect(parses).toEqual({ ...noAddresses, cart: 2, delivery: 2, payment: 2, company: 2 })
  }, 30_000)

  it('enrollment: one parse per submit on the first steps, the field errors being the engine issues', async () => {
    const { workflow, parses } = show('enrollment')
    await user().type(screen.getByLabelText('Email address'), 'grace@')
    await submit(workflow)
    expect(parses.about).toBe(1)
    expect(summary()).toEqual(engineMessages(workflow))
    expect(summary()).toHaveLength(3)
    // The field's own error, next to it, is the engine's message for that path.
    const emailIssue = workflow.getSnapshot().issues.email?.[0]
    expect(emailIssue).toBeTruthy()
    expect(document.getElementById(`${screen.getByLabelText('Email address').id}-error`)?.textContent).toContain(emailIssue)
    await user().type(screen.getByLabelText('Full name'), 'Grace Hopper')
    await user().clear(screen.getByLabelText('Email address'))
    await user().type(screen.getByLabelText('Email address'), 'grace@example.com')
    await user().type(screen.getByLabelText('Date of birth'), '1990-12-09')
    await submit(workflow)
    expect(workflow.getSnapshot().step).toBe('home.lines')
    expect(parses.about).toBe(2)

    // The home address (the address sub-flow; its name step passed over, named after the applicant).
    await submit(workflow)
    expect(parses['home.lines']).toBe(1)
    expect(summary()).toEqual(engineMessages(workflow))
    await user().type(screen.getByLabelText('Address line 1'), '1 Main Street')
    await user().type(screen.getByLabelText('Town or city'), 'Dublin')
    await user().type(screen.getByLabelText('Postcode'), 'D02 X285')
    await user().selectOptions(screen.getByLabelText('Country'), 'IE')
    await submit(workflow)
    expect(workflow.getSnapshot().step).toBe('eligibility')
    expect(parses).toMatchObject({ 'home.name': 0, 'home.lines': 2 })

    await submit(workflow)
    expect(parses.eligibility).toBe(1)
    await user().click(screen.getByRole('radio', { name: /Student/ }))
    await submit(workflow)
    expect(workflow.getSnapshot().step).toBe('student')
    expect(parses).toMatchObject({ about: 2, eligibility: 2, student: 0, employment: 0 })
  }, 30_000)
})
