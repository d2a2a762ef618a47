import { journeyOf, type Workflow } from '@flowkit/core'
import { useWorkflowState } from '@flowkit/react'
import { WorkflowDiagram } from '@flowkit/react/diagram'
import type { LocalFirstStorage } from '@flowkit/server/client'
import { useSyncExternalStore } from 'react'
import {
  getServiceSettings,
  SERVICE_LABELS,
  type ServiceName,
  setFailNext,
  setServiceLatency,
  subscribeServiceSettings,
} from '../services/faults'
import { useSaveStatus } from './SaveForLater'

interface SidePanelProps {
  readonly workflow: Workflow
  readonly titleOf: (step: string) => string
  /** The storage syncing with the server, whose refusals (code and developer message) the inspector shows. */
  readonly storage?: LocalFirstStorage | undefined
}

/** Where the server copy stands, with the server's own words when it refused (kept out of the page itself). */
function ServerSave({ storage }: { readonly storage: LocalFirstStorage }) {
  const { state, error } = useSaveStatus(storage)
  return (
    <>
      <dt>server</dt>
      <dd data-testid="panel-save">
        {state}
        {error ? ` · ${error.code}: ${error.message}` : ''}
      </dd>
    </>
  )
}

const time = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour12: false })

/** The inspector: live workflow state, the path taken, the journey log, and switches that make services fail. */
export function SidePanel({ workflow, titleOf, storage }: SidePanelProps) {
  // The inspector shows everything, so it re-renders on every change (keystrokes included).
  const snapshot = useWorkflowState((s) => s)
  const services = useSyncExternalStore(subscribeServiceSettings, getServiceSettings, getServiceSettings)
  const { status, progress, log, issues, error } = snapshot
  // The steps shown and skipped in the order taken (a repeat's summary, its items' steps, the summary again).
  const { path } = journeyOf(log)
  const current = status === 'done' ? -1 : path.findLastIndex((entry) => !entry.skipped)
  return (
    <aside className="side-panel" id="inspector" aria-label="Workflow inspector" data-testid="inspector">
      <h2>Inspector</h2>
      <section className="panel-section" aria-labelledby="panel-now">
        <h3 id="panel-now">Now</h3>
        <dl className="kv">
          <dt>step</dt>
          <dd data-testid="panel-step">{snapshot.step}</dd>
          <dt>status</dt>
          <dd data-testid="panel-status">{status}</dd>
          <dt>progress</dt>
          <dd>
            {progress.position} / {progress.total}
            {progress.exact ? '' : '+'}
          </dd>
          <dt>issues</dt>
          <dd>{Object.keys(issues).length === 0 ? 'none' : Object.keys(issues).join(', ')}</dd>
          <dt>error</dt>
          <dd>{error ? error.code : 'none'}</dd>
          {storage && <ServerSave storage={storage} />}
        </dl>
      </section>
      <section className="panel-section" aria-labelledby="panel-path">
        <h3 id="panel-path">Path taken</h3>
        <ol className="path" data-testid="panel-path">
          {path.map(({ step: s, skipped: wasSkipped }, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a step recurs on the path (a repeat's summary, an item changed): its place is its identity
              key={`${i}:${s}`}
              className={wasSkipped ? 'skipped' : i === current ? 'current' : undefined}
              title={titleOf(s)}
            >
              {s}
              {wasSkipped && <span className="visually-hidden"> (skipped)</span>}
            </li>
          ))}
        </ol>
      </section>
      <section className="panel-section" aria-labelledby="panel-diagram">
        <h3 id="panel-diagram">Diagram</h3>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
        <section className="diagram-scroll" aria-label="Flow diagram" tabIndex={0} data-testid="panel-diagram">
          <WorkflowDiagram title={`Diagram of the ${workflow.definition.id} flow, with the path taken`} />
        </section>
      </section>
      <section className="panel-section" aria-labelledby="panel-faults">
        <h3 id="panel-faults">Simulate failures</h3>
        {(Object.keys(SERVICE_LABELS) as ServiceName[]).map((service) => (
          <label className="switch" key={service}>
            <input
              type="checkbox"
              checked={services.failNext[service]}
              onChange={(e) => setFailNext(service, e.target.checked)}
              data-testid={`fail-${service}`}
            />
            Fail next {SERVICE_LABELS[service].toLowerCase()}
          </label>
        ))}
        <label className="switch">
          <input type="checkbox" checked={services.latency > 1000} onChange={(e) => setServiceLatency(e.target.checked ? 2500 : 700)} />
          Slow network (2.5 s per call)
        </label>
      </section>
      <section className="panel-section" aria-labelledby="panel-log">
        <h3 id="panel-log">Journey log</h3>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
        <ol className="log" data-testid="panel-log" aria-label="Journey log, newest first" tabIndex={0}>
          {[...log].reverse().map((entry, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log entries are append-only; position is stable
            <li key={log.length - i}>
              <span className="t">{time(entry.at)}</span>
              <span className={`type-${entry.type}`}>{entry.type}</span>
              <span>
                {entry.step}
                {entry.reason ? ` · ${entry.reason}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section className="panel-section" aria-labelledby="panel-state">
        <h3 id="panel-state">State</h3>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
        <section className="json-scroll" aria-label="Workflow state as JSON" tabIndex={0}>
          <pre className="json" data-testid="panel-state">
            {JSON.stringify(snapshot.state, null, 2)}
          </pre>
        </section>
      </section>
    </aside>
  )
}
