import { createWorkflow, type Workflow, type WorkflowDefinition, type WorkflowOptions, type WorkflowPersistence } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'
import { useEffect, useState } from 'react'
import { fail } from './fail'

/** Options of `useWorkflow(definition, options)`. Read once, when the component mounts. */
export interface UseWorkflowOptions extends WorkflowOptions {
  /**
   * Saves every change to storage and resumes after a reload: `persist({ key })` from
   * `@flowkit/core/persist` (or `httpStorage` through it), as with `createWorkflow`. Storage is read
   * after the first render (in an effect), so server and client render the same markup and
   * hydration never mismatches. An app that does not persist ships none of it.
   * @default undefined (not persisted)
   * @example
   * import { persist } from '@flowkit/core/persist'
   * useWorkflow(checkout, { persist: persist({ key: 'checkout', exclude: ['card'] }) })
   */
  readonly persist?: WorkflowPersistence
}

const isWorkflow = (value: unknown): value is Workflow =>
  typeof value === 'object' && value !== null && 'store' in value && typeof (value as Workflow).next === 'function'

/**
 * Creates one workflow instance for the component's life (StrictMode- and SSR-safe) and returns it,
 * or binds an instance you created with `createWorkflow`. The handle itself does not re-render your
 * component: read state with `useWorkflowState` or the components, under `<WorkflowProvider workflow={handle}>`.
 * @example
 * const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout' }) })
 * return <WorkflowProvider workflow={workflow}><WorkflowSteps steps={{ cart: Cart, payment: Payment }} /></WorkflowProvider>
 */
export function useWorkflow<S extends object, K extends string>(
  source: WorkflowDefinition<S, K> | Workflow<S, K>,
  options: UseWorkflowOptions = {},
): Workflow<S, K> {
  const [owned] = useState(() => {
    if (isWorkflow(source)) return null
    if (typeof source !== 'object' || source === null || !('steps' in source)) {
      return fail(
        'INVALID_WORKFLOW',
        process.env.NODE_ENV !== 'production' &&
          `useWorkflow() needs a definition from defineWorkflow({ ... }) or a workflow from createWorkflow(definition); got ${source === null ? 'null' : typeof source}.`,
      )
    }
    if (process.env.NODE_ENV !== 'production' && (options as { snapshot?: unknown }).snapshot !== undefined) {
      return fail(
        'INVALID_OPTION',
        "useWorkflow() takes no `snapshot`: resume with `const [flow] = useState(() => resumeWorkflow(definition, snapshot))` (from '@flowkit/core'), then `useWorkflow(flow)`.",
      )
    }
    const { persist } = options
    if (persist !== undefined && typeof persist !== 'function') {
      return fail(
        'INVALID_OPTION',
        process.env.NODE_ENV !== 'production' &&
          "useWorkflow()'s `persist` option takes a plugin: `persist: persist({ key: 'checkout' })`, with `import { persist } from '@flowkit/core/persist'`.",
      )
    }
    // Storage is read in the effect below, never during render: the first client render matches the server's.
    return createWorkflow(source, persist ? { ...options, persist: (host) => persist({ ...host, deferHydration: true }) } : options)
  })
  const workflow = owned ?? (source as Workflow<S, K>)
  useEffect(() => {
    if (!owned) return
    void getPersistApi(owned)?.rehydrate()
    // Unmounting aborts a running async action; the instance stays usable (StrictMode remounts it).
    return () => owned.destroy()
  }, [owned])
  return workflow
}
