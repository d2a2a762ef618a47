import { qualifiedStepTitle } from '@flowkit/core'
import {
  type StepperGroupItem,
  type StepperItem,
  StepTransition,
  useWorkflowInstance,
  useWorkflowState,
  WorkflowStep,
  WorkflowStepper,
} from '@flowkit/react'
import type { StepScreen } from '../screens/StepScreen'
import { ProgressBar } from './ProgressBar'
import { StepView } from './StepView'

interface StepFrameProps {
  readonly screens: Readonly<Record<string, StepScreen<any>>>
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
export function StepFrame({ screens }: StepFrameProps) {
  const workflow = useWorkflowInstance()
  const step = useWorkflowState((s) => s.step)
  const busy = useWorkflowState((s) => s.status === 'busy')
  // After its sub-flow's or repeat item's title, so the phone's one line tells "Billing address: Name" from the shipping one.
  const title = qualifiedStepTitle(workflow.definition, step)
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
        <div className="card">{screen ? <StepView key={step} screen={screen} /> : <p>This step has no screen yet: {step}</p>}</div>
      </StepTransition>
    </WorkflowStep>
  )
}
