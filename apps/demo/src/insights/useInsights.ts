import { useEffect, useState } from 'react'
import { fetchInsights, type InsightsProblem } from './fetchInsights'
import type { FlowInsights } from './types'

export type InsightsState =
  | { readonly status: 'loading'; readonly previous: FlowInsights | null }
  | { readonly status: 'ready'; readonly insights: FlowInsights }
  | { readonly status: 'failed'; readonly problem: InsightsProblem }

/**
 * The insights for a flow and a query, fetched again when either changes (or `attempt` grows: "Try again").
 * A late answer for an earlier choice is dropped (the request is aborted).
 */
export function useInsights(workflow: string, query: string, attempt: number): InsightsState {
  const [state, setState] = useState<InsightsState>({ status: 'loading', previous: null })
  useEffect(() => {
    // `attempt` is read so "Try again" refetches the same choice.
    void attempt
    const controller = new AbortController()
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.insights : s.status === 'loading' ? s.previous : null }))
    fetchInsights(workflow, new URLSearchParams(query), controller.signal).then(
      (answer) => setState(answer.ok ? { status: 'ready', insights: answer.insights } : { status: 'failed', problem: answer.problem }),
      () => {}, // aborted: a newer choice is being fetched
    )
    return () => controller.abort()
  }, [workflow, query, attempt])
  return state
}
