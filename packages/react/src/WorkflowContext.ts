import type { Workflow } from '@flowkit/core'
import { createContext, useContext } from 'react'
import { fail } from './fail'

/** What a `WorkflowProvider` shares with the hooks and components below it. */
export interface WorkflowContextValue {
  readonly workflow: Workflow
  /** Prefix of element ids (fields, headings), unique per provider. */
  readonly idPrefix: string
  /** Step-change tracking shared by the live region and heading focus. */
  readonly focus: FocusTracker
}

/** Set when the step changes after the first mount (not by rehydration); a step heading consumes it to take focus. */
export interface FocusTracker {
  /** The step on screen (`stepKey`); unset before the first snapshot. */
  key?: string
  moved: boolean
  pending: boolean
  /** The flow opened after the user interacted with the page (in-app navigation, e.g. a landing page's Start): its first heading takes focus too. */
  initial: boolean
}

export const WorkflowContext = createContext<WorkflowContextValue | null>(null)

/**
 * The nearest provider's context, or a clear error saying how to get one. `hook` names the caller in that
 * message: pass it as `process.env.NODE_ENV !== 'production' && 'useStep()'`, so production builds drop the name.
 */
export const useWorkflowContext = (hook: string | false): WorkflowContextValue => {
  const context = useContext(WorkflowContext)
  if (!context) {
    return fail(
      'NO_PROVIDER',
      process.env.NODE_ENV !== 'production' &&
        `${hook} must be used inside <WorkflowProvider workflow={...}>; wrap your wizard in it (const workflow = useWorkflow(definition)).`,
    )
  }
  return context
}

/** The step a `<WorkflowStep>` renders, for `useStep()` and fields below it. */
export const StepContext = createContext<string | null>(null)
