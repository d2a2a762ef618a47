import type { Workflow } from '@flowkit/core'
import { useState } from 'react'
import { useWorkflowHistory } from '../../useWorkflowHistory'
import type { RouterHistoryOptions } from '../RouterHistoryOptions'
import { routerAdapter, withKey } from '../routerAdapter'
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect'

/** Where Next.js keeps its own routing state in `history.state`: copied by its patched `pushState`, never by us. */
const NEXT_STATE = ['__NA', '__PRIVATE_NEXTJS_INTERNALS_TREE']

const ownState = (state: unknown) =>
  Object.fromEntries(
    Object.entries(typeof state === 'object' && state !== null ? state : {}).filter(([name]) => !NEXT_STATE.includes(name)),
  )

/** Next.js patches `pushState`/`replaceState` in an effect of its root, which runs after the effects of the page's components. */
const patchedByNext = () => window.history.pushState !== History.prototype.pushState

const writeEntry = (url: URL, mode: 'push' | 'replace', key: string) => {
  // Without Next's own state the patched methods add it and sync `useSearchParams`; with it they would skip both.
  const state = patchedByNext() ? withKey(ownState(window.history.state), key) : withKey(window.history.state, key)
  window.history[mode === 'push' ? 'pushState' : 'replaceState'](state, '', url)
}

/**
 * Binds the flow to the Next.js App Router: the step lives in `?step=` on the current page, written with
 * the browser's History API, which Next.js integrates (`useSearchParams` follows, no server round trip, the
 * page is not remounted). The back and forward buttons move through the flow, a reload keeps the step, and a
 * link to a step not yet reachable lands on the furthest reachable one; a `<Link href="?step=email">` moves
 * the flow too (where the browser has the Navigation API). Needs no Suspense boundary: it does not call
 * `useSearchParams`. Use it in the Client Component that holds the wizard.
 * @example
 * 'use client'
 * const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout' }) })
 * useNextRouterHistory(workflow)
 */
export function useNextRouterHistory(workflow: Workflow<any, any>, { param = 'step' }: RouterHistoryOptions = {}): void {
  const [binding] = useState(() =>
    routerAdapter({
      location: () => window.location,
      step: (at) => new URL(at.href).searchParams.get(param),
      state: () => window.history.state,
      navigate: (at, step, mode, key) => {
        const url = new URL(at.href)
        url.searchParams.set(param, step)
        // Wait for Next's patch when this runs in the first commit, so Next's state stays on every entry.
        if (patchedByNext()) writeEntry(url, mode, key)
        else queueMicrotask(() => writeEntry(url, mode, key))
      },
      go: (delta) => window.history.go(delta),
    }),
  )
  useIsomorphicLayoutEffect(() => {
    binding.changed()
    // Next's own navigations (`<Link href="?step=address">`, `router.push`) fire no popstate; the Navigation API
    // reports them where the browser has it. Next writes history inside its commit, so the flow moves just after.
    const navigation = (window as { navigation?: EventTarget }).navigation
    const afterCommit = () => queueMicrotask(binding.changed)
    window.addEventListener('popstate', binding.changed)
    navigation?.addEventListener('currententrychange', afterCommit)
    return () => {
      window.removeEventListener('popstate', binding.changed)
      navigation?.removeEventListener('currententrychange', afterCommit)
    }
  }, [binding])
  useWorkflowHistory(workflow, { adapter: binding.adapter })
}
