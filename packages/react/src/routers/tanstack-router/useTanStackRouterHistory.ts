import type { Workflow } from '@flowkit/core'
import { useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { useWorkflowHistory } from '../../useWorkflowHistory'
import type { RouterHistoryOptions } from '../RouterHistoryOptions'
import { routerAdapter, withKey } from '../routerAdapter'
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect'

/**
 * Binds the flow to TanStack Router: the step lives in the `step` search param of the current route
 * (written through the router, so its search serialization applies), the back and forward buttons move
 * through the flow, a reload keeps the step, and a link to a step not yet reachable lands on the furthest
 * reachable one. A route with `validateSearch` must keep the parameter (e.g. `step: z.string().optional()`).
 * @example
 * const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout' }) })
 * useTanStackRouterHistory(workflow)
 */
export function useTanStackRouterHistory(workflow: Workflow<any, any>, { param = 'step' }: RouterHistoryOptions = {}): void {
  const router = useRouter()
  const [binding] = useState(() =>
    routerAdapter({
      location: () => router.history.location,
      step: (at) => {
        const value = router.options.parseSearch(at.search)[param]
        return typeof value === 'string' ? value : null
      },
      state: (at) => at.state,
      navigate: (_, step, mode, key) => {
        // Typed routes do not know the flow's parameter: this navigation is the same route with one search key set.
        const to: any = {
          to: '.',
          unsafeRelative: 'path',
          search: (previous: Record<string, unknown>) => ({ ...previous, [param]: step }),
          hash: true,
          state: (previous: unknown) => withKey(previous, key),
          replace: mode === 'replace',
          resetScroll: false,
        }
        void router.navigate(to)
      },
      go: (delta) => router.history.go(delta),
    }),
  )
  useIsomorphicLayoutEffect(() => {
    binding.changed()
    return router.history.subscribe(binding.changed)
  }, [router, binding])
  useWorkflowHistory(workflow, { adapter: binding.adapter })
}
