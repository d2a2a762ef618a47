import type { Issues } from '@flowkit/core'
import { type ReactNode, useContext, useEffect, useRef } from 'react'
import { fieldId } from './ids'
import { useWorkflowState } from './useWorkflowState'
import { StepContext, useWorkflowContext } from './WorkflowContext'

export interface WorkflowErrorSummaryProps {
  /** The summary's heading. @default 'There is a problem' */
  readonly title?: ReactNode
  readonly className?: string
  /** Turns a field path into the label shown before its message, e.g. `(path) => labels[path]`. @default no label */
  readonly label?: (path: string) => string | undefined
  /** Show every message of a field instead of its first one (GOV.UK shows one per field). @default false */
  readonly all?: boolean
}

/**
 * Lists the step's validation issues, each linked to its field, and takes focus when they appear
 * (GOV.UK's error summary). Renders nothing while there are no issues.
 * @example
 * <WorkflowErrorSummary title="Check your answers" />
 */
export function WorkflowErrorSummary({ title = 'There is a problem', className, label, all = false }: WorkflowErrorSummaryProps) {
  const { idPrefix } = useWorkflowContext(process.env.NODE_ENV !== 'production' && '<WorkflowErrorSummary>')
  const inStep = useContext(StepContext)
  const step = useWorkflowState((s) => inStep ?? s.step)
  const issues: Issues = useWorkflowState((s) => s.issues)
  const ref = useRef<HTMLDivElement>(null)
  const entries = Object.entries(issues).filter(([, messages]) => messages.length > 0)
  const shown = entries.length > 0
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every failed submit, as each brings a new `issues` object
  useEffect(() => {
    if (shown) ref.current?.focus()
  }, [issues, shown])
  if (entries.length === 0) return null
  const titleId = `${idPrefix}${step}-error-summary`
  return (
    <div ref={ref} className={className} role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <ul>
        {entries.flatMap(([path, messages]) =>
          (all ? messages : messages.slice(0, 1)).map((message) => {
            const text = label?.(path) ? `${label(path)}: ${message}` : message
            if (path === '') return <li key={`:${message}`}>{text}</li>
            const id = fieldId(idPrefix, step, path)
            const focusField = (event: { preventDefault(): void }) => {
              const field = document.getElementById(id)
              if (!field) return
              event.preventDefault()
              field.focus()
            }
            return (
              <li key={`${path}:${message}`}>
                <a href={`#${id}`} onClick={focusField}>
                  {text}
                </a>
              </li>
            )
          }),
        )}
      </ul>
    </div>
  )
}
