import { defineWorkflow, getPersistedSnapshot, type PersistedSnapshot, resumeWorkflow, type Workflow } from '@flowkit/core'
import { useWorkflow, useWorkflowInstance, useWorkflowState, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { useState } from 'react'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

export const survey = defineWorkflow({
  id: 'survey',
  version: 1,
  initial: 'colour',
  state: { colour: '', animal: '' },
  steps: {
    colour: { title: 'Favourite colour', next: 'animal' },
    animal: { title: 'Favourite animal', next: 'thanks' },
    thanks: { title: 'Thanks', final: true },
  },
})

const steps = {
  colour: () => (
    <StepFrame>
      <TextField name="colour" label="Colour" />
    </StepFrame>
  ),
  animal: () => (
    <StepFrame>
      <TextField name="animal" label="Animal" />
    </StepFrame>
  ),
  thanks: () => <StepFrame submitLabel="Finish">Thanks!</StepFrame>,
}

/** The JSON-safe snapshot of the workflow above it, as it changes, and a button that resumes a copy. */
function Saved({ onResume }: { onResume: (saved: PersistedSnapshot) => void }) {
  const workflow = useWorkflowInstance()
  useWorkflowState((s) => s) // re-render on every change
  const saved = getPersistedSnapshot(workflow)
  return (
    <div className="fk-state">
      <p>getPersistedSnapshot()</p>
      <pre>{JSON.stringify({ ...saved, log: `${saved.log.length} entries`, savedAt: '(a timestamp)' }, null, 1)}</pre>
      <button type="button" onClick={() => onResume(JSON.parse(JSON.stringify(saved)) as PersistedSnapshot)}>
        Resume a copy from this snapshot
      </button>
    </div>
  )
}

export function Snapshots() {
  const workflow = useWorkflow(survey)
  const [copy, setCopy] = useState<Workflow<typeof survey.state, keyof typeof survey.steps> | null>(null)
  return (
    <>
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={steps} done={() => <p>Finished.</p>} />
        <Saved onResume={(saved) => setCopy(resumeWorkflow(survey, saved))} />
      </WorkflowProvider>
      {copy && (
        <section aria-label="The resumed copy" className="fk-copy">
          <p>The resumed copy, a second workflow on the same step with the same answers:</p>
          <WorkflowProvider workflow={copy}>
            <WorkflowSteps steps={steps} done={() => <p>The copy finished.</p>} />
          </WorkflowProvider>
        </section>
      )}
    </>
  )
}
