import { qualifiedStepTitle, type WorkflowSnapshot } from '@flowkit/core'
import {
  type StepperGroupItem,
  type StepperItem,
  StepTransition,
  useWorkflowInstance,
  useWorkflowState,
  WorkflowStep,
  WorkflowStepper,
} from '@flowkit/react'
import { returnTo } from '../flows/returnTo'
import type { StepScreen } from '../screens/StepScreen'
import { ProgressBar } from './ProgressBar'
import { StepView } from './StepView'

interface StepFrameProps {
  readonly screens: Readonly<Record<string, StepScreen<any>>>
  /** The check-answers step a "Change" link left from, or `null`; submitting the changed step goes back there. */
  readonly returning: string | null
  readonly setReturning: (step: string | null) => void
}

/**
 * The first step from the current one on the way to `target` whose screen refuses the answers as they
 * now stand (its `problem`, a rule the flow would refuse with NO_CHOICE), or `target` when none does.
 */
const firstRefusal = (screens: StepFrameProps['screens'], snapshot: WorkflowSnapshot, target: string): string => {
  for (const id of [snapshot.step, ...snapshot.upcoming]) {
    if (id === target) return target
    if (screens[id]?.problem?.(snapshot.state)) return id
  }
  return target
}

/** What the stepper shows for a step or a sub-flow's entry: a ✓ button back to it once visited, else its number as listed. */
function StepperEntry({ entry, busy }: { readonly entry: StepperItem | StepperGroupItem; readonly busy: boolean }) {
  return entry.canJump ? (
    <button type="button" onClick={entry.jump} disabled={busy}>
      <span className="dot" aria-hidden="true">
        ✓
      </span>
      {entry.title}
    </button>
  ) : (
    <span>
      <span className="dot" aria-hidden="true">
        {entry.status === 'done' ? '✓' : entry.number}
      </span>
      {entry.title}
      {entry.status === 'upcoming' && <span className="visually-hidden"> (not yet reached)</span>}
    </span>
  )
}

/** The current step as the demo draws it: progress, the stepper of the path, and the step's screen with its Change links. */
export function StepFrame({ screens, returning, setReturning }: StepFrameProps) {
  const workflow = useWorkflowInstance()
  const step = useWorkflowState((s) => s.step)
  const busy = useWorkflowState((s) => s.status === 'busy')
  // After its sub-flow's or repeat item's title, so the phone's one line tells "Billing address: Name" from the shipping one.
  const title = qualifiedStepTitle(workflow.definition, step)
  const change = (target: string) => {
    setReturning(workflow.getSnapshot().step)
    workflow.goTo(target)
  }
  const afterSubmit = async () => {
    const after = workflow.getSnapshot()
    if (!returning || after.error || Object.keys(after.issues).length > 0) return
    // A changed answer can make a later one wrong (a family plan, and no child among the dependants): the
    // way back stops on that step, as the user would have, instead of replaying it into the flow's refusal.
    const stop = firstRefusal(screens, after, returning)
    const landed = stop === after.step ? after : await returnTo(workflow, stop)
    if (landed.step === returning) setReturning(null)
  }
  const screen = screens[step]
  return (
    <WorkflowStep name={step}>
      <ProgressBar title={title} />
      <WorkflowStepper
        className="stepper"
        label="Steps"
        itemClassName={(item) => `stepper-${item.status}`}
        groupClassName={(group) => `stepper-group stepper-${group.status}`}
        groupChildren={(group) => <StepperEntry entry={group} busy={busy} />}
      >
        {(item) => <StepperEntry entry={item} busy={busy} />}
      </WorkflowStepper>
      {/* The card slides in the direction of the move (View Transitions API; not at all with reduced motion). */}
      <StepTransition>
        <div className="card">
          {screen ? (
            <StepView key={step} screen={screen} change={change} afterSubmit={afterSubmit} returning={returning !== null} />
          ) : (
            <p>This step has no screen yet: {step}</p>
          )}
        </div>
      </StepTransition>
    </WorkflowStep>
  )
}
