import { useWorkflowInstance, useWorkflowState, WorkflowDone, WorkflowStep, WorkflowStepper } from '@flowkit/react'
import { useState } from 'react'
import { Confirmation } from '../../apps/demo/src/app/Confirmation'
import { FLOWS, type FlowName } from '../../apps/demo/src/app/flows'
import { ProgressBar } from '../../apps/demo/src/app/ProgressBar'
import { StepView } from '../../apps/demo/src/app/StepView'
import { returnTo } from '../../apps/demo/src/flows/returnTo'
import { getServiceSettings, type ServiceName, setFailNext, setServiceLatency } from '../../apps/demo/src/services/faults'
import '../../apps/demo/src/styles/tokens.css'
import '../../apps/demo/src/styles/base.css'
import '../../apps/demo/src/styles/layout.css'
import '../../apps/demo/src/styles/components.css'

/**
 * One demo flow as the app draws it (progress, stepper, the step's screen, the confirmation), minus
 * storage and URL: the workflow comes from the story (`workflowStory`), opened at any step.
 */
export function DemoFlow({ flow }: { readonly flow: FlowName }) {
  const config = FLOWS[flow]
  const workflow = useWorkflowInstance()
  const step = useWorkflowState((s) => s.step)
  const busy = useWorkflowState((s) => s.status === 'busy')
  const [returning, setReturning] = useState<string | null>(null)
  const titleOf = (id: string) => (workflow.definition.steps as Record<string, { title?: string }>)[id]?.title ?? id
  const change = (target: string) => {
    setReturning(workflow.getSnapshot().step)
    workflow.goTo(target)
  }
  const afterSubmit = async () => {
    const after = workflow.getSnapshot()
    if (!returning || after.error || Object.keys(after.issues).length > 0) return
    const landed = await returnTo(workflow, returning)
    if (landed.step === returning) setReturning(null)
  }
  const screen = config.screens[step]
  return (
    <main className="app-main">
      <div className="container">
        <p className="eyebrow">{config.title}</p>
        <WorkflowDone>
          <Confirmation config={config} onStartOver={() => workflow.reset()} />
        </WorkflowDone>
        <WorkflowStep name={step}>
          <ProgressBar title={titleOf(step)} />
          <WorkflowStepper className="stepper" label="Steps" itemClassName={(item) => `stepper-${item.status}`}>
            {(item) =>
              item.canJump ? (
                <button type="button" onClick={item.jump} disabled={busy}>
                  <span className="dot" aria-hidden="true">
                    ✓
                  </span>
                  {item.title}
                </button>
              ) : (
                <span>
                  <span className="dot" aria-hidden="true">
                    {item.position}
                  </span>
                  {item.title}
                  {item.status === 'upcoming' && <span className="visually-hidden"> (not yet reached)</span>}
                </span>
              )
            }
          </WorkflowStepper>
          <div className="card">
            {screen && <StepView key={step} screen={screen} change={change} afterSubmit={afterSubmit} returning={returning !== null} />}
          </div>
        </WorkflowStep>
      </div>
    </main>
  )
}

/**
 * Sets the demo's fake services for one story (`beforeEach`), and restores them after: `latency` in ms
 * (a day keeps a step busy), and services whose next call fails.
 */
export const services =
  ({ latency = 20, fail = [] }: { readonly latency?: number; readonly fail?: readonly ServiceName[] } = {}) =>
  () => {
    const before = getServiceSettings()
    setServiceLatency(latency)
    for (const service of fail) setFailNext(service, true)
    return () => {
      setServiceLatency(before.latency)
      for (const service of fail) setFailNext(service, before.failNext[service])
    }
  }

/** Long enough that a story stays busy for as long as anyone looks at it. */
export const FOREVER = 24 * 60 * 60 * 1000
