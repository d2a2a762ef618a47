// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { createWorkflow } from '@flowkit/core'
import { memoryStorage, persist, type StateStorage } from '@flowkit/core/persist'
import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { StepTransition, useStep, useWorkflow, WorkflowProvider, WorkflowSteps } from '../src'
import { checkout, modes, renderIn } from './fixtures'

function Cart() {
  const { field, title } = useStep()
  return (
    <section>
      <h2>{title}</h2>
      <label htmlFor={field('note').id}>Note</label>
      <input {...field('note')} />
    </section>
  )
}

function Shipping() {
  return <h2>Shipping</h2>
}

const steps = { cart: Cart, shipping: Shipping }

interface Capture {
  readonly types: readonly string[]
  readonly ghost: string | null
  readonly ghostNote: string | undefined
  readonly ghostIds: number
  readonly ghostHidden: boolean
  /** Named controls in the copy: none, so it joins no radio group or form. */
  readonly ghostNamed: number
  /** The new step's first control, if any, is still checked at capture time. */
  readonly liveChecked: boolean | undefined
  readonly liveOpacity: string
  readonly live: string
  readonly direction: string | undefined
}

/**
 * jsdom has no View Transitions API: this gives `document.startViewTransition` the browser's order
 * of events (capture the page as it is, then call the update in a later task, then finish) and
 * records what each capture saw. The real API is exercised in Chromium by the demo's e2e.
 */
const viewTransitions = () => {
  const captures: Capture[] = []
  const start = vi.fn((options: ViewTransitionUpdateCallback | StartViewTransitionOptions) => {
    const update = typeof options === 'function' ? options : (options.update as () => void)
    const ghost = document.querySelector<HTMLElement>('[data-flowkit-ghost]')
    const region = document.querySelector<HTMLElement>('[data-flowkit-transition]')
    const live = region?.firstElementChild as HTMLElement
    captures.push({
      types: typeof options === 'function' ? [] : [...(options.types ?? [])],
      ghost: ghost?.textContent ?? null,
      ghostNote: ghost?.querySelector('input')?.value,
      ghostIds: ghost?.querySelectorAll('[id]').length ?? 0,
      ghostHidden: ghost?.inert === true && ghost.getAttribute('aria-hidden') === 'true',
      ghostNamed: ghost?.querySelectorAll('[name]').length ?? 0,
      liveChecked: live.querySelector('input')?.checked,
      liveOpacity: live.style.opacity,
      live: live.textContent ?? '',
      direction: document.documentElement.dataset.flowkitDirection,
    })
    // The pretend browser runs the update a little later, as a real one does after capturing (a moment to move again in).
    const done = new Promise<undefined>((resolve) => setTimeout(() => resolve(update() as undefined), 20))
    return { ready: done, finished: done, updateCallbackDone: done, skipTransition: vi.fn(), types: new Set() } as unknown as ViewTransition
  })
  Object.defineProperty(document, 'startViewTransition', { value: start, configurable: true, writable: true })
  onTestFinished(() => {
    delete (document as { startViewTransition?: unknown }).startViewTransition
  })
  return { start, captures }
}

const reducedMotion = (reduce: boolean) => {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({ matches: reduce && query === '(prefers-reduced-motion: reduce)', media: query }),
  })
  onTestFinished(() => {
    delete (window as { matchMedia?: unknown }).matchMedia
  })
}

const show = (strict: boolean, workflow: ReturnType<typeof createWorkflow<any, any>>) =>
  renderIn(
    strict,
    <WorkflowProvider workflow={workflow}>
      <StepTransition>
        <WorkflowSteps steps={steps} />
      </StepTransition>
    </WorkflowProvider>,
  )

/** Lets the pretend browser call the update and finish. */
const frame = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)))

describe.each(modes)('<StepTransition> %s', (_, strict) => {
  it('changes steps at once, with no copy left behind, where the View Transitions API is missing', async () => {
    const workflow = createWorkflow(checkout)
    show(strict, workflow)
    await act(() => workflow.next())
    expect(screen.getByRole('heading', { name: 'Shipping' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Cart' })).toBeNull()
    expect(document.querySelector('[data-flowkit-ghost]')).toBeNull()
    expect(document.documentElement.dataset.flowkitDirection).toBeUndefined()
  })

  it('shows the old step, as typed, for the capture and the new one after the update, typed by direction', async () => {
    reducedMotion(false)
    const { start, captures } = viewTransitions()
    const workflow = createWorkflow(checkout)
    show(strict, workflow)
    await userEvent.type(screen.getByLabelText('Note'), 'ring twice')
    await act(() => workflow.next())
    expect(start).toHaveBeenCalledTimes(1)
    expect(captures[0]).toEqual({
      types: ['flowkit-forward'],
      ghost: 'Cart' + 'Note',
      ghostNote: 'ring twice',
      ghostIds: 0,
      ghostHidden: true,
      ghostNamed: 0,
      liveChecked: undefined,
      liveOpacity: '0',
      live: 'Shipping',
      direction: 'forward',
    })
    await frame()
    expect(document.querySelector('[data-flowkit-ghost]')).toBeNull()
    expect(screen.getByRole('heading', { name: 'Shipping' }).closest<HTMLElement>('[data-flowkit-transition] > div')?.style.opacity).toBe(
      '',
    )
    expect(document.documentElement.dataset.flowkitDirection).toBeUndefined()
    expect(document.querySelector<HTMLElement>('[data-flowkit-transition]')?.style.viewTransitionName).toBe('')

    act(() => void workflow.back())
    expect(captures[1]).toMatchObject({ types: ['flowkit-back'], ghost: 'Shipping', direction: 'back', live: 'CartNote' })
    await frame()
    expect(screen.getByLabelText('Note')).toHaveValue('ring twice')
    expect(document.querySelector('[data-flowkit-ghost]')).toBeNull()
  })

  it('starts no transition when the user prefers reduced motion', async () => {
    reducedMotion(true)
    const { start } = viewTransitions()
    const workflow = createWorkflow(checkout)
    show(strict, workflow)
    await act(() => workflow.next())
    act(() => void workflow.back())
    expect(start).not.toHaveBeenCalled()
    expect(screen.getByRole('heading', { name: 'Cart' })).toBeInTheDocument()
    expect(document.querySelector('[data-flowkit-ghost]')).toBeNull()
  })

  it('does not animate changes that are not steps (typing, busy) or a jump back to the same step', async () => {
    reducedMotion(false)
    const { start } = viewTransitions()
    const workflow = createWorkflow(checkout)
    show(strict, workflow)
    await userEvent.type(screen.getByLabelText('Note'), 'x')
    act(() => {
      void workflow.next()
      void workflow.goTo('cart')
    })
    await frame()
    expect(start).not.toHaveBeenCalled()
    expect(document.querySelector('[data-flowkit-ghost]')).toBeNull()
  })

  it('does not animate a restore from storage: the saved step simply appears', async () => {
    reducedMotion(false)
    const { start } = viewTransitions()
    const saved = memoryStorage()
    const before = createWorkflow(checkout, { persist: persist({ key: 'checkout', storage: saved }) })
    await before.next()
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const storage = {
      ...saved,
      getItem: async (key: string) => {
        await gate
        return saved.getItem(key)
      },
    } as StateStorage
    function App() {
      const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout', storage }) })
      return (
        <WorkflowProvider workflow={workflow}>
          <StepTransition>
            <WorkflowSteps steps={steps} />
          </StepTransition>
        </WorkflowProvider>
      )
    }
    renderIn(strict, <App />)
    expect(screen.getByRole('heading', { name: 'Cart' })).toBeInTheDocument()
    await act(async () => release())
    expect(await screen.findByRole('heading', { name: 'Shipping' })).toBeInTheDocument()
    await frame()
    expect(start).not.toHaveBeenCalled()
    expect(document.querySelector('[data-flowkit-ghost]')).toBeNull()
  })

  it('never unchecks a live radio: the copy of the old step is in no radio group or form', async () => {
    reducedMotion(false)
    const { captures } = viewTransitions()
    // Both steps have a checked radio named `choice`, inside one form around the steps.
    const choice = (value: string) =>
      function Choice() {
        return (
          <label>
            <input type="radio" name="choice" value={value} defaultChecked /> {value}
          </label>
        )
      }
    const workflow = createWorkflow(checkout)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <form>
          <StepTransition>
            <WorkflowSteps steps={{ cart: choice('cart'), shipping: choice('shipping') }} />
          </StepTransition>
        </form>
      </WorkflowProvider>,
    )
    await act(() => workflow.next())
    expect(captures[0]).toMatchObject({ ghost: ' cart', ghostNamed: 0, liveChecked: true })
    await frame()
    expect(screen.getByRole('radio', { name: 'shipping' })).toBeChecked()
  })

  it('a move during a transition skips it: one copy for the new capture, none left after', async () => {
    reducedMotion(false)
    const { start, captures } = viewTransitions()
    const workflow = createWorkflow(checkout)
    show(strict, workflow)
    await act(() => workflow.next())
    // Back before the pretend browser ran the first update.
    act(() => void workflow.back())
    expect(start).toHaveBeenCalledTimes(2)
    expect(start.mock.results[0]?.value.skipTransition).toHaveBeenCalled()
    expect(captures[1]).toMatchObject({ ghost: 'Shipping', direction: 'back', liveOpacity: '0' })
    expect(document.querySelectorAll('[data-flowkit-ghost]')).toHaveLength(1)
    await frame()
    expect(document.querySelector('[data-flowkit-ghost]')).toBeNull()
    expect(screen.getByRole('heading', { name: 'Cart' }).closest<HTMLElement>('[data-flowkit-transition] > div')?.style.opacity).toBe('')
    expect(document.documentElement.dataset.flowkitDirection).toBeUndefined()
  })
})
