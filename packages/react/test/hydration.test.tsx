import { createWorkflow, getPersistedSnapshot, resumeWorkflow } from '@flowkit/core'
import { getPersistApi, memoryStorage, persist, type StateStorage } from '@flowkit/core/persist'
import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { useStep, useWorkflow, useWorkflowHydrated, WorkflowProvider, WorkflowStep, WorkflowSteps } from '../src'
import { checkout, hydrateServerMarkup, modes, renderIn } from './fixtures'

/** A form that reads its values once, at mount, as react-hook-form and TanStack Form do. */
function Shipping() {
  const { getValues, setValue, submit } = useStep<{ email: string }>()
  const [email, setEmail] = useState(() => getValues().email ?? '')
  return (
    <form onSubmit={submit}>
      <h1>shipping</h1>
      <input
        aria-label="Email"
        value={email}
        onChange={(e) => {
          setEmail(e.target.value)
          setValue('email', e.target.value)
        }}
      />
    </form>
  )
}

function Cart() {
  const { submit } = useStep()
  return (
    <form onSubmit={submit}>
      <h1>cart</h1>
      <button type="submit">Continue</button>
    </form>
  )
}

function Status() {
  return <p>{useWorkflowHydrated() ? 'hydrated' : 'reading storage'}</p>
}

function App({ storage, fallback }: { storage: StateStorage; fallback?: string }) {
  const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout', storage }) })
  return (
    <WorkflowProvider workflow={workflow}>
      <Status />
      <WorkflowSteps steps={{ cart: Cart, shipping: Shipping }} fallback={fallback === undefined ? undefined : <p>{fallback}</p>} />
    </WorkflowProvider>
  )
}

/** A storage whose reads wait until `release()`: a slow IndexedDB or a server. */
const slowStorage = (inner: StateStorage) => {
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  return {
    storage: {
      ...inner,
      getItem: async (key: string) => {
        await gate
        return inner.getItem(key)
      },
    } as StateStorage,
    release,
  }
}

/** Storage holding a flow left at the shipping step with `email` typed. */
const storageAtShipping = async (email = 'ada@example.com') => {
  const storage = memoryStorage()
  const before = createWorkflow(checkout, { persist: persist({ key: 'checkout', storage }) })
  await before.next()
  before.setDraft('shipping', { email })
  return storage
}

describe.each(modes)('hydration %s', (_, strict) => {
  it('holds rendering on the fallback until storage is read, then shows the saved step and draft', async () => {
    const { storage, release } = slowStorage(await storageAtShipping())
    renderIn(strict, <App storage={storage} fallback="Loading your answers…" />)
    expect(screen.getByText('Loading your answers…')).toBeInTheDocument()
    expect(screen.getByText('reading storage')).toBeInTheDocument()
    expect(screen.queryByRole('heading')).not.toBeInTheDocument()
    await act(async () => release())
    expect(await screen.findByRole('heading')).toHaveTextContent('shipping')
    expect(screen.getByText('hydrated')).toBeInTheDocument()
    expect(screen.queryByText('Loading your answers…')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com')
  })

  it('server-renders the fallback, so a reload never flashes the first step', async () => {
    const html = renderToString(<App storage={await storageAtShipping()} fallback="Loading your answers…" />)
    expect(html).toContain('Loading your answers…')
    expect(html).toContain('reading storage')
    expect(html).not.toContain('<h1>')
  })

  it('remounts the step when stored values replace the ones it mounted with', async () => {
    const atShipping = createWorkflow(checkout)
    await atShipping.next()
    // This tab shows shipping with nothing typed; storage holds what another tab typed there.
    const workflow = resumeWorkflow(checkout, getPersistedSnapshot(atShipping), {
      persist: persist({ key: 'checkout', storage: await storageAtShipping('restored@example.com'), skipHydration: true }),
    })
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStep name="shipping">
          <Shipping />
        </WorkflowStep>
      </WorkflowProvider>,
    )
    expect(screen.getByLabelText('Email')).toHaveValue('')
    await act(() => getPersistApi(workflow)?.rehydrate())
    expect(screen.getByLabelText('Email')).toHaveValue('restored@example.com')
  })

  it('keeps what the user typed when storage held nothing to restore', async () => {
    const user = userEvent.setup()
    renderIn(strict, <App storage={memoryStorage()} />)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Email'), 'ada@')
    expect(screen.getByLabelText('Email')).toHaveValue('ada@')
    expect(screen.getByText('hydrated')).toBeInTheDocument()
  })

  it('is hydrated from the start without persistence', () => {
    const workflow = createWorkflow(checkout)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <Status />
        <WorkflowSteps steps={{ cart: Cart }} fallback={<p>Loading</p>} />
      </WorkflowProvider>,
    )
    expect(screen.getByText('hydrated')).toBeInTheDocument()
    expect(screen.getByRole('heading')).toHaveTextContent('cart')
  })

  it('says how to call it outside a provider', () => {
    expect(() => renderIn(strict, <Status />)).toThrow(/useWorkflowHydrated\(\) needs a workflow: pass it/)
  })
})

describe('hydration of server markup', () => {
  it('hydrates the server fallback without a mismatch, then shows the saved step', async () => {
    const storage = await storageAtShipping()
    const html = renderToString(<App storage={storage} fallback="Loading your answers…" />)
    const { container, errors, recoverable } = await hydrateServerMarkup(html, <App storage={storage} fallback="Loading your answers…" />)
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    expect(container.querySelector('h1')).toHaveTextContent('shipping')
    expect(container.querySelector('input')).toHaveValue('ada@example.com')
  })
})
