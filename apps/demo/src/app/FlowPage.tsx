import { journeyLog, qualifiedStepTitle, type Workflow, type WorkflowDefinition } from '@flowkit/core'
import { getPersistApi, persist } from '@flowkit/core/persist'
import { useWorkflow, useWorkflowHistory, useWorkflowState, WorkflowDone, WorkflowProvider, WorkflowStep } from '@flowkit/react'
import { type LocalFirstStorage, localFirstStorage } from '@flowkit/server/client'
import { type ReactNode, useEffect, useState } from 'react'
import { Alert } from '../ui/Alert'
import { Confirmation } from './Confirmation'
import { FLOWS, type FlowConfig, type FlowName } from './flows'
import { dropResumeToken, readResumeToken } from './resumeLink'
import { SaveForLater, useSaveStatus } from './SaveForLater'
import { ServerVerification } from './ServerVerification'
import { SidePanel } from './SidePanel'
import { StepFrame } from './StepFrame'
import { SyncNoticeAlert } from './SyncNoticeAlert'

/** Where the demo's Flowkit server answers (proxied by Vite to `@flowkit/server`). */
export const FLOWKIT_API = '/api/flowkit'

interface FlowPageProps {
  readonly name: FlowName
  readonly panelOpen: boolean
}

/**
 * One flow: a workflow kept in this browser first (its tabs follow each other) and, for enrollment, synced with
 * the Flowkit server (`localFirstStorage`), bound to browser history, with its screens and the inspector.
 */
export function FlowPage({ name, panelOpen }: FlowPageProps) {
  const config = FLOWS[name] as FlowConfig
  const [storage] = useState(() => localFirstStorage(config.saveToServer ? { url: FLOWKIT_API, token: readResumeToken() } : {}))
  // The link's token is kept in this browser by the storage: take it out of the address bar (a bearer secret).
  useEffect(() => {
    if (config.saveToServer) dropResumeToken()
  }, [config.saveToServer])
  // Saved progress that cannot be used (corrupt, tampered, from an older version) is reported here; the flow starts fresh.
  const [restoreProblem, setRestoreProblem] = useState<string | null>(null)
  const workflow = useWorkflow(config.definition as WorkflowDefinition, {
    persist: persist({ key: config.storageKey, exclude: config.exclude, storage }),
    // The journey the inspector lists and the server's insights count.
    log: journeyLog(),
    onError: (error) => {
      // Any snapshot problem (damaged, tampered, expired, another version) or failing storage.
      if (error.category === 'snapshot' || error.category === 'storage') setRestoreProblem(error.code)
    },
  })
  // Changes from another tab or device (followed, merged or kept) rehydrate the workflow.
  useEffect(() => storage.attach(workflow), [storage, workflow])
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
            <>
              {config.saveToServer && <ResumeLinkNotice storage={storage} />}
              <SyncNoticeAlert storage={storage} />
            </>
          )
        }
      />
    </WorkflowProvider>
  )
}

const LINK_PROBLEMS: Record<string, string> = {
  NOT_FOUND: 'It does not match a saved enrollment: it may be incomplete, or the enrollment was deleted.',
  EXPIRED: 'It has expired: links work for 30 days after the last save.',
}

/** Says so when a "continue later" link could not be used (expired, deleted, mistyped). */
function ResumeLinkNotice({ storage }: { readonly storage: LocalFirstStorage }) {
  const problem = useSaveStatus(storage).linkProblem
  if (!problem) return null
  return (
    <Alert tone="info" title="Your saved link could not be used" role="status">
      <p data-testid="link-problem">
        {LINK_PROBLEMS[problem.code] ?? 'The server would not open it.'} You are continuing with the answers kept in this browser, if any.{' '}
        <code>{problem.code}</code>
      </p>
    </Alert>
  )
}

interface FlowLayoutProps {
  readonly config: FlowConfig
  readonly workflow: Workflow
  readonly storage: LocalFirstStorage
  readonly panelOpen: boolean
  readonly notice: ReactNode
}

function FlowLayout({ config, workflow, storage, panelOpen, notice }: FlowLayoutProps) {
  const step = useWorkflowState((s) => s.step)
  const busy = useWorkflowState((s) => s.status === 'busy')
  const titleOf = (id: string) => qualifiedStepTitle(workflow.definition, id)

  // A change from elsewhere remounts the step's screen, so its fields show the answers it brought.
  const external = useSaveStatus(storage).notice?.at ?? 0
  const server = config.saveToServer
  const startOver = () => {
    // Forgets this browser's copy and deletes the unsubmitted server copy; the next change starts a new one.
    getPersistApi(workflow)?.clearStorage()
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
          {server && (
            <WorkflowStep name={step}>
              <SaveForLater storage={storage} />
            </WorkflowStep>
          )}
          <WorkflowDone>
            <Confirmation config={config} onStartOver={startOver}>
              {server && <ServerVerification storage={storage} workflow={workflow} />}
            </Confirmation>
          </WorkflowDone>
          <StepFrame key={external} screens={config.screens} />
        </div>
      </main>
      {panelOpen && <SidePanel workflow={workflow} titleOf={titleOf} storage={server ? storage : undefined} />}
    </div>
  )
}
