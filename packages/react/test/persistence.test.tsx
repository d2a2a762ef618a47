import { createWorkflow, getPersistedSnapshot, resumeWorkflow } from '@flowkit/core'
import { memoryStorage, persist } from '@flowkit/core/persist'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useState } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { useStep, useWorkflow, WorkflowProgress, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '../src'
import { checkout, hydrateServerMarkup, modes, renderIn } from './fixtures'

function Page() {
  const { step, field, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <h1>{step}</h1>
      <input aria-label="Email" {...field('email')} />
      <button type="submit">Continue</button>
    </form>
  )
}

function App({ storage }: { storage: ReturnType<typeof memoryStorage> }) {
  const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout', storage }) })
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowProgress />
      <WorkflowStepper />
      <WorkflowSteps steps={{ cart: Page, shipping: Page, address: Page }} />
    </WorkflowProvider>
  )
}

describe.each(modes)('persistence %s', (_, strict) => {
  const wrap = (ui: React.ReactElement) => (strict ? <StrictMode>{ui}</StrictMode> : ui)

  it('resumes at the same step, with the draft, after a reload', async () => {
    const user = userEvent.setup()
    const storage = memoryStorage()
    const first = render(wrap(<App storage={storage} />))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Email'), 'ada@')
    first.unmount()
    render(wrap(<App storage={storage} />))
    expect(await screen.findByRole('heading')).toHaveTextContent('shipping')
    expect(screen.getByLabelText('Email')).toHaveValue('ada@')
  })

  it('hydrates server markup without a mismatch, then resumes from storage', async () => {
    const storage = memoryStorage()
    // A previous visit got to the shipping step.
    const before = render(wrap(<App storage={storage} />))
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    before.unmount()

    const html = renderToString(wrap(<App storage={storage} />))
    expect(html).toContain('<h1>cart</h1>') // the server has no storage: it renders the start
    const { container, errors, recoverable } = await hydrateServerMarkup(html, wrap(<App storage={storage} />))
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    expect(container.querySelector('h1')).toHaveTextContent('shipping')
    expect(container.querySelector('[role=progressbar]')).toHaveTextContent('Step 2 of 5')
    // Restoring a saved step is not a step change: nothing is announced and focus stays where it is.
    expect(container.querySelector('[role=status]')?.textContent).toBe('')
  })
})

function Eager({ storage }: { storage: ReturnType<typeof memoryStorage> }) {
  const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout', storage, skipHydration: false }) })
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ cart: Page, shipping: Page, address: Page }} />
    </WorkflowProvider>
  )
}

function OldOptions() {
  useWorkflow(checkout, { persist: { key: 'checkout' } as never })
  return null
}

function OldResume({ saved }: { saved: unknown }) {
  useWorkflow(checkout, { snapshot: saved } as never)
  return null
}

function Resumed({ saved }: { saved: unknown }) {
  const [flow] = useState(() => resumeWorkflow(checkout, saved))
  return (
    <WorkflowProvider workflow={useWorkflow(flow)}>
      <WorkflowSteps steps={{ cart: Page, shipping: Page, address: Page }} />
    </WorkflowProvider>
  )
}

describe('resuming a saved snapshot in React', () => {
  const saved = async () => {
    const flow = createWorkflow(checkout)
    await flow.next({ email: 'ada@example.com' })
    return JSON.parse(JSON.stringify(getPersistedSnapshot(flow)))
  }

  it('names resumeWorkflow when given the old `snapshot` option', async () => {
    const snapshot = await saved()
    expect(() => renderToString(<OldResume saved={snapshot} />)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining('resumeWorkflow(definition, snapshot)') }),
    )
  })

  it.each(modes)('opens on the saved step with resumeWorkflow and useWorkflow(flow) (%s)', async (_, strict) => {
    const snapshot = await saved()
    renderIn(strict, <Resumed saved={snapshot} />)
    expect(await screen.findByRole('heading')).toHaveTextContent('shipping')
  })
})

describe('the persist option', () => {
  it('reads storage after the first render even when persist() was told to read at once', async () => {
    const storage = memoryStorage()
    const before = render(<App storage={storage} />)
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    before.unmount()
    // The server render (no effects) shows the start: storage was not read while the store was made.
    expect(renderToString(<Eager storage={storage} />)).toContain('<h1>cart</h1>')
    render(<Eager storage={storage} />)
    expect(await screen.findByRole('heading')).toHaveTextContent('shipping')
  })

  it('names the fix when given persist options instead of the plugin', () => {
    const error = (() => {
      try {
        renderToString(<OldOptions />)
      } catch (e) {
        return e as { code?: string; message: string }
      }
    })()
    expect(error?.code).toBe('INVALID_OPTION')
    expect(error?.message).toContain("persist: persist({ key: 'checkout' })")
    expect(error?.message).toContain('@flowkit/core/persist')
  })
})
