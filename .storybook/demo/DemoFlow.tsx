import { useWorkflowInstance, WorkflowDone } from '@flowkit/react'
import { Confirmation } from '../../apps/demo/src/app/Confirmation'
import { FLOWS, type FlowName } from '../../apps/demo/src/app/flows'
import { StepFrame } from '../../apps/demo/src/app/StepFrame'
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
  return (
    <main className="app-main">
      <div className="container">
        <p className="eyebrow">{config.title}</p>
        <WorkflowDone>
          <Confirmation config={config} onStartOver={() => workflow.reset()} />
        </WorkflowDone>
        <StepFrame screens={config.screens} />
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
