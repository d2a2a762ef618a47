import type { Workflow, WorkflowDefinition } from '@flowkit/core'
import { useWorkflow, useWorkflowHistory, useWorkflowState, WorkflowDone, WorkflowProvider, WorkflowStep } from '@flowkit/react'
import { type ReactNode, useEffect, useState } from 'react'
import { Alert } from '../ui/Alert'
import { Confirmation } from './Confirmation'
import { FLOWS, type FlowConfig, type FlowName } from './flows'
import { type ResumableStorage, resumableStorage } from './resumableStorage'
import { SaveForLater, useSaveStatus } from './SaveForLater'
import { ServerVerification } from './ServerVerification'
import { SidePanel } from './SidePanel'
import { StepFrame } from './StepFrame'
import { useReturnTarget } from './useReturnTarget'

interface FlowPageProps {
  readonly name: FlowName
  readonly panelOpen: boolean
}

/**
 * One flow: a workflow saved to local storage (and, for enrollment, to the Flowkit server) and bound to browser
 * history, with its screens and the inspector.
 */
export function FlowPage({ name, panelOpen }: FlowPageProps) {
  const config = FLOWS[name] as FlowConfig
  const [storage] = useState(() => (config.saveToServer ? resumableStorage({ tokenKey: `${config.storageKey}:resume-token` }) : undefined))
  // Saved progress that cannot be used (corrupt, tampered, from an older version) is reported here; the flow starts fresh.
  const [restoreProblem, setRestoreProblem] = useState<string | null>(null)
  const workflow = useWorkflow(config.definition as WorkflowDefinition, {
    persist: { key: config.storageKey, exclude: config.exclude, ...(storage && { storage }) },
    onError: (error) => {
      if (RESTORE_ERRORS.has(error.code)) setRestoreProblem(error.code)
    },
  })
  // When another tab or device saved first, the server's copy is adopted: the workflow rehydrates from it.
  useEffect(() => storage?.attach(workflow), [storage, workflow])
  // A finished flow stays finished: a reload or the back button keeps the confirmation.
  useWorkflowHistory(workflow)
  return (
    <WorkflowProvider workflow={workflow}>
      <FlowLayout
        config={config}
        workflow={workflow}
        storage={storage}
        panelOpen={panelOpen}
        notice={
          restoreProblem ? (
            <Alert tone="info" title="Your saved progress could not be restored" role="status">
              <p>It was damaged or saved by an older version of this form, so you are starting again. Sorry about that.</p>
              <p className="muted" data-testid="restore-problem">
                Reason: <code>{restoreProblem}</code>
              </p>
            </Alert>
          ) : (
            storage && <ResumeLinkNotice storage={storage} />
          )
        }
      />
    </WorkflowProvider>
  )
}

const RESTORE_ERRORS = new Set(['INVALID_SNAPSHOT', 'SNAPSHOT_MISMATCH', 'SNAPSHOT_EXPIRED', 'STORAGE_FAILED'])

const LINK_PROBLEMS: Record<string, string> = {
  NOT_FOUND: 'It does not match a saved enrollment: it may be incomplete, or the enrollment was deleted.',
  EXPIRED: 'It has expired: links work for 30 days after the last save.',
}

/** Says so when a "continue later" link could not be used (expired, deleted, mistyped). */
function ResumeLinkNotice({ storage }: { readonly storage: ResumableStorage }) {
  useSaveStatus(storage) // re-render when the storage learns the link was refused
  const problem = storage.getLinkProblem()
  if (!problem) return null
  return (
    <Alert tone="info" title="Your saved link could not be used" role="status">
      <p data-testid="link-problem">
        {LINK_PROBLEMS[problem.code] ?? `The server refused it: ${problem.message}`} You are continuing with the answers kept in this
        browser, if any. <code>{problem.code}</code>
      </p>
    </Alert>
  )
}

interface FlowLayoutProps {
  readonly config: FlowConfig
  readonly workflow: Workflow
  readonly storage: ResumableStorage | undefined
  readonly panelOpen: boolean
  readonly notice: ReactNode
}

function FlowLayout({ config, workflow, storage, panelOpen, notice }: FlowLayoutProps) {
  const step = useWorkflowState((s) => s.step)
  const busy = useWorkflowState((s) => s.status === 'busy')
  // The check-answers step a "Change" link left from; submitting the changed step goes back there.
  const [returning, setReturning] = useReturnTarget(config.name)
  useEffect(() => {
    if (step === returning) setReturning(null)
  }, [step, returning, setReturning])
  const titleOf = (id: string) => (workflow.definition.steps as Record<string, { title?: string }>)[id]?.title ?? id

  const startOver = () => {
    setReturning(null)
    storage?.restart()
    workflow.reset()
  }
  return (
    <div className={`app-body${panelOpen ? ' with-panel' : ''}`}>
      <main className="app-main" id="main">
        <div className="container">
          <div className="flow-head">
            <p className="eyebrow">{config.title}</p>
            <button type="button" className="btn btn-ghost" onClick={startOver} disabled={busy} data-testid="start-over">
              Start over
            </button>
          </div>
          {notice}
          {storage && (
            <WorkflowStep name={step}>
              <SaveForLater storage={storage} />
            </WorkflowStep>
          )}
          <WorkflowDone>
            <Confirmation config={config} onStartOver={startOver}>
              {storage && <ServerVerification storage={storage} workflow={workflow} />}
            </Confirmation>
          </WorkflowDone>
          <StepFrame screens={config.screens} returning={returning} setReturning={setReturning} />
        </div>
      </main>
      {panelOpen && <SidePanel workflow={workflow} titleOf={titleOf} />}
    </div>
  )
}
