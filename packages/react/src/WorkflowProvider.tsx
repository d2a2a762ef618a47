import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { type CSSProperties, type ReactNode, useEffect, useId, useMemo, useState } from 'react'
import { type AnnouncementDetails, announcementDetails, defaultAnnouncement } from './announcement'
import { trackDirection } from './direction'
import { isHydrating } from './hydration'
import { stepKey } from './stepKey'
import { useSelector } from './useSelector'
import { type FocusTracker, WorkflowContext, type WorkflowContextValue } from './WorkflowContext'

export interface WorkflowProviderProps {
  /** The instance from `useWorkflow(definition)` or `createWorkflow(definition)`. */
  readonly workflow: Workflow<any, any>
  /**
   * What the polite live region says after a step change, or `false` to render no live region
   * (then announce yourself). Nothing is announced on the first render.
   * @default (d) => `${progressText(d)}: ${d.title}`: "Step 3 of 5: Payment", "Step 2 of at least 5: Plan" while the total is a lower bound (`exact: false`), "Complete" when done
   * @example
   * <WorkflowProvider workflow={workflow} announce={(d) => `Étape ${d.position} sur ${d.total} : ${d.title}`}>
   */
  readonly announce?: false | ((details: AnnouncementDetails) => string)
  readonly children?: ReactNode
}

/** Hidden on screen, read by screen readers (the smallest reliable set of rules). */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
}

/**
 * The page has had a click or key press before the flow mounted: the user navigated to it inside the
 * app, so focus (left on `<body>` by the page that went away) belongs on the step heading. On a fresh
 * page load it stays where the browser put it.
 */
const openedByUser = () => typeof navigator !== 'undefined' && navigator.userActivation?.hasBeenActive === true

/**
 * Shares a workflow with the hooks and components below it, and announces step changes in a polite
 * live region ("Step 3 of 5: Payment").
 * @example
 * <WorkflowProvider workflow={workflow}><WorkflowStep name="cart"><Cart /></WorkflowStep></WorkflowProvider>
 */
export function WorkflowProvider({ workflow, announce = defaultAnnouncement, children }: WorkflowProviderProps) {
  const idPrefix = useId()
  const [focus] = useState<FocusTracker>(() => ({ moved: false, pending: false, initial: openedByUser() }))
  const value = useMemo<WorkflowContextValue>(() => ({ workflow, idPrefix, focus }), [workflow, idPrefix, focus])
  // The selector notes step changes as the store reports them, so the live region and the new step's
  // heading update in the same commit as the step itself.
  const slice = useSelector(workflow, (s: WorkflowSnapshot) => {
    trackDirection(workflow, s) // sees every snapshot, so `useStepDirection` mounted later still gets the last move right
    const key = stepKey(s)
    if (focus.key !== key) {
      if (focus.key !== undefined && !isHydrating(workflow)) {
        focus.moved = true
        focus.pending = true
        focus.initial = false
      }
      focus.key = key
    }
    // The key is part of the slice so that the effect below runs after every step change, announced or not.
    return focus.moved ? `${key}\u0001${announce ? announce(announcementDetails(workflow.definition, s)) : ''}` : ''
  })
  const message = slice.slice(slice.indexOf('\u0001') + 1)
  // Runs after the new step's heading took focus (children's effects run first): a heading mounted later must not steal it.
  useEffect(() => {
    focus.pending = false
  })
  return (
    <WorkflowContext.Provider value={value}>
      {children}
      {announce !== false && (
        <div role="status" aria-live="polite" aria-atomic="true" style={visuallyHidden}>
          {message}
        </div>
      )}
    </WorkflowContext.Provider>
  )
}
