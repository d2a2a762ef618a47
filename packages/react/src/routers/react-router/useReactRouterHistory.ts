import type { Workflow } from '@flowkit/core'
import { useRef, useState } from 'react'
import { type Location, type NavigateFunction, useLocation, useNavigate } from 'react-router'
import { useWorkflowHistory } from '../../useWorkflowHistory'
import type { RouterHistoryOptions } from '../RouterHistoryOptions'
import { routerAdapter, withKey } from '../routerAdapter'
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect'

/**
 * Binds the flow to React Router 7 (declarative `<BrowserRouter>` or a data router): the step lives in
 * `?step=` on the current route, the back and forward buttons move through the flow, a reload keeps the
 * step, and a link to a step not yet reachable lands on the furthest reachable one. Call it inside the router.
 * @example
 * const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout' }) })
 * useReactRouterHistory(workflow)
 */
export function useReactRouterHistory(workflow: Workflow<any, any>, { param = 'step' }: RouterHistoryOptions = {}): void {
  const location = useLocation()
  const navigate = useNavigate()
  const router = useRef<{ location: Location; navigate: NavigateFunction }>({ location, navigate })
  const [binding] = useState(() =>
    routerAdapter<Location>({
      location: () => router.current.location,
      step: (at) => new URLSearchParams(at.search).get(param),
      state: (at) => at.state,
      navigate: (at, step, mode, key) => {
        const search = new URLSearchParams(at.search)
        search.set(param, step)
        void router.current.navigate(
          { pathname: at.pathname, search: `?${search}`, hash: at.hash },
          { replace: mode === 'replace', state: withKey(at.state, key), preventScrollReset: true },
        )
      },
      go: (delta) => void router.current.navigate(delta),
    }),
  )
  useIsomorphicLayoutEffect(() => {
    router.current = { location, navigate }
    binding.changed()
  }, [location, navigate, binding])
  useWorkflowHistory(workflow, { adapter: binding.adapter })
}
