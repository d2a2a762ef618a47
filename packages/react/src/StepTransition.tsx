import { type ReactNode, useLayoutEffect, useRef } from 'react'
import type { StepDirection } from './direction'
import { stepKey } from './stepKey'
import { useSelector } from './useSelector'
import { useStepDirection } from './useStepDirection'
import { useWorkflowContext } from './WorkflowContext'

export interface StepTransitionProps {
  /** The step content to animate: `<WorkflowSteps>`, your `<WorkflowStep>`s, a done screen. */
  readonly children?: ReactNode
  /**
   * The `view-transition-name` the region takes while it animates: style
   * `::view-transition-old(name)` / `::view-transition-new(name)`. Unique per page.
   * @default 'flowkit-step'
   */
  readonly name?: string
  /** Class of the region's element. */
  readonly className?: string
}

/** The copy of the step a change replaces, kept until React has drawn the new one. */
interface Ghost {
  readonly from: string
  readonly node: HTMLElement
}

/** The transition under way; set before the browser can call its update. */
interface Running {
  transition: ViewTransition | null
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)'

/** The browser has the View Transitions API and the user has not asked for reduced motion. */
const canAnimate = (): boolean =>
  typeof document !== 'undefined' &&
  typeof document.startViewTransition === 'function' &&
  !(typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches)

/**
 * A still copy of `live` as the user sees it: what they typed and checked (which `cloneNode` leaves
 * behind), no ids (no duplicates, even for a frame), no field names (in no radio group or form),
 * inert and hidden from assistive technology.
 */
const ghostOf = (live: HTMLElement): HTMLElement => {
  const node = live.cloneNode(true) as HTMLElement
  const sources = live.querySelectorAll('input, textarea, select')
  const copies = node.querySelectorAll('input, textarea, select')
  sources.forEach((source, i) => {
    const copy = copies[i]
    // Out of every radio group and form first: checking a copied radio must never uncheck a live one.
    copy?.removeAttribute('name')
    copy?.removeAttribute('form')
    if (source instanceof HTMLInputElement && copy instanceof HTMLInputElement) {
      copy.checked = source.checked
      if (source.type !== 'file') copy.value = source.value
    } else if ((source instanceof HTMLTextAreaElement || source instanceof HTMLSelectElement) && copy) {
      ;(copy as HTMLTextAreaElement | HTMLSelectElement).value = source.value
    }
  })
  for (const element of node.querySelectorAll('[id]')) element.removeAttribute('id')
  node.removeAttribute('id')
  node.inert = true
  node.setAttribute('aria-hidden', 'true')
  node.dataset.flowkitGhost = ''
  Object.assign(node.style, { position: 'absolute', top: '0', left: '0', right: '0', pointerEvents: 'none' })
  return node
}

/** Starts the transition, with its type (`flowkit-forward`…) where the browser takes types. */
const startTransition = (update: () => void, direction: StepDirection): ViewTransition => {
  try {
    return document.startViewTransition({ update, types: [`flowkit-${direction}`] })
  } catch {
    // Browsers of the first version of the API (Chrome 111 to 124) take only the callback.
    return document.startViewTransition(update)
  }
}

/**
 * Animates step changes with the View Transitions API, in the direction of the move: wrap the step
 * content in it. Where the API is missing, or the user prefers reduced motion, steps change at once
 * and nothing else happens; restores from storage (direction `'none'`) never animate.
 *
 * While a transition runs, the region has `view-transition-name: <name>` and the page's root element
 * `data-flowkit-direction="forward" | "back" | "jump"`; browsers with view transition types also get
 * the type `flowkit-forward`, `flowkit-back` or `flowkit-jump` (`:active-view-transition-type()`).
 * Flowkit ships no CSS: without any, the browser cross-fades.
 *
 * How: the store has changed and React has drawn the new step before the browser can capture the
 * old one, so the old step is copied (as a still, inert image of it) when the store changes, shown
 * for the capture, and removed in the transition's update. State is never held back: the snapshot,
 * focus and the new step's effects are as without the transition.
 * @example
 * <StepTransition>
 *   <WorkflowSteps steps={steps} done={Done} />
 * </StepTransition>
 * // CSS
 * html[data-flowkit-direction='forward']::view-transition-old(flowkit-step) { animation: slide-out-left 0.2s }
 * html[data-flowkit-direction='forward']::view-transition-new(flowkit-step) { animation: slide-in-right 0.2s }
 */
export function StepTransition({ children, name = 'flowkit-step', className }: StepTransitionProps) {
  const { workflow } = useWorkflowContext(process.env.NODE_ENV !== 'production' && '<StepTransition>')
  const key = useSelector(workflow, stepKey)
  const direction = useStepDirection()
  const region = useRef<HTMLDivElement>(null)
  const live = useRef<HTMLDivElement>(null)
  const ghost = useRef<Ghost | null>(null)
  const running = useRef<Running | null>(null)

  // Store listeners run before React draws the change: copy the step the user still sees.
  useLayoutEffect(
    () =>
      workflow.store.subscribe((next, previous) => {
        if (ghost.current || !live.current || stepKey(next) === stepKey(previous) || !canAnimate()) return
        const made: Ghost = { from: stepKey(previous), node: ghostOf(live.current) }
        ghost.current = made
        // React draws a store change soon after it (a busy page may take a few frames); a copy it has not
        // used by then is stale: the next change takes a fresh one.
        setTimeout(() => {
          if (ghost.current === made) ghost.current = null
        }, 300)
      }),
    [workflow],
  )

  useLayoutEffect(() => {
    const made = ghost.current
    const regionElement = region.current
    const liveElement = live.current
    ghost.current = null
    if (!made || made.from === key) return
    if (!regionElement || !liveElement || direction === 'none' || !canAnimate()) return
    running.current?.transition?.skipTransition()
    // The copy of a step whose transition was just skipped is not what the user sees now.
    for (const stale of regionElement.querySelectorAll(':scope > [data-flowkit-ghost]')) stale.remove()
    regionElement.append(made.node)
    regionElement.style.position = 'relative'
    regionElement.style.viewTransitionName = name
    liveElement.style.opacity = '0'
    const root = document.documentElement
    root.dataset.flowkitDirection = direction
    const run: Running = { transition: null }
    running.current = run
    const update = () => {
      made.node.remove()
      // A newer change may already hide the content for its own capture.
      if (running.current === run) liveElement.style.opacity = ''
    }
    const transition = startTransition(update, direction)
    run.transition = transition
    const settle = () => {
      update()
      if (running.current !== run) return
      running.current = null
      regionElement.style.viewTransitionName = ''
      regionElement.style.position = ''
      delete root.dataset.flowkitDirection
    }
    // `ready` rejects when a newer change skips this one: that is expected, not an error.
    transition.ready.catch(() => {})
    transition.finished.then(settle, settle)
  })

  return (
    <div ref={region} className={className} data-flowkit-transition={name}>
      <div ref={live}>{children}</div>
    </div>
  )
}
