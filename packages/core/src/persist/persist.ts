import { type PersistStorage, persist as zustandPersist } from 'zustand/middleware'
import type { StateCreator, StoreApi } from 'zustand/vanilla'
import { serialize } from '../kernel/serialize'
import { isPromiseLike } from '../runtime/async'
import type { PersistenceHost, Workflow, WorkflowPersistence } from '../runtime/createWorkflow'
import { resumeState } from '../runtime/resumeWorkflow'
import type { PersistedSnapshot, WorkflowSnapshot } from '../types'
import { WorkflowError } from '../WorkflowError'
import { keepExcluded } from './keepExcluded'
import { memoryStorage } from './memoryStorage'
import { PERSIST_VERSION } from './persistEnvelope'
import type { StateStorage } from './StateStorage'
import { trackHydration } from './trackHydration'
import { webStorage } from './webStorage'

export interface PersistOptions {
  /** The storage key, e.g. `'checkout'`. One per workflow (and per user, if several share a browser). */
  readonly key: string
  /** Where to store. @default webStorage(() => localStorage) where it exists, else memoryStorage() */
  readonly storage?: StateStorage
  /**
   * Dot paths of fields never to store, e.g. `['card.number', 'card.cvc']`. They stay in memory only: when another
   * tab's save arrives (`rehydrate()`), the values this instance holds for them are kept.
   */
  readonly exclude?: readonly string[]
  /** Milliseconds after which a stored snapshot is ignored (and the flow starts fresh). */
  readonly expiresIn?: number
  /** Do not read storage when the workflow is created; call `getPersistApi(workflow).rehydrate()` later (after hydration under SSR). @default false */
  readonly skipHydration?: boolean
}

interface Stored {
  state: unknown
  version: number
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** zustand's JSON storage, except that unreadable data and failing storage are reported instead of thrown. */
const safeJSONStorage = (storage: StateStorage, host: PersistenceHost, key: string): PersistStorage<unknown> => {
  const fail = (what: string, cause: unknown) => {
    host.report(
      new WorkflowError(
        'STORAGE_FAILED',
        process.env.NODE_ENV !== 'production' && `${what} '${key}' failed: ${message(cause)}; the flow goes on, but may not be saved.`,
        {
          category: 'storage',
          cause,
        },
      ),
    )
    return null
  }
  const guard = (what: string, run: () => unknown) => {
    try {
      const result = run()
      return isPromiseLike(result)
        ? Promise.resolve(result).then(
            () => undefined,
            (e) => void fail(what, e),
          )
        : undefined
    } catch (e) {
      fail(what, e)
      return undefined
    }
  }
  const parse = (text: string | null): Stored | null => {
    if (text === null) return null
    try {
      return JSON.parse(text) as Stored
    } catch (cause) {
      host.report(
        new WorkflowError(
          'INVALID_SNAPSHOT',
          process.env.NODE_ENV !== 'production' &&
            `the stored snapshot '${key}' is not valid JSON (${message(cause)}); the flow starts fresh.`,
          { category: 'snapshot', cause },
        ),
      )
      return null
    }
  }
  return {
    getItem: (name) => {
      let text: ReturnType<StateStorage['getItem']>
      try {
        text = storage.getItem(name)
      } catch (e) {
        return fail('reading', e)
      }
      return isPromiseLike(text) ? Promise.resolve(text).then(parse, (e) => fail('reading', e)) : parse(text)
    },
    setItem: (name, value) => guard('writing', () => storage.setItem(name, JSON.stringify(value))) as void,
    removeItem: (name) => guard('removing', () => storage.removeItem(name)) as void,
  } as PersistStorage<unknown>
}

/**
 * Saves every change of a workflow to storage and resumes from it, with zustand's `persist` middleware.
 * Stored snapshots of another definition version go through the workflow's `migrate`; unfit ones are
 * reported to `onError` and the flow starts fresh.
 * Pass it to `createWorkflow` or `useWorkflow`; a bundle that never imports it ships none of it.
 * @example
 * createWorkflow(checkout, { persist: persist({ key: 'checkout', exclude: ['card'] }) })
 * useWorkflow(checkout, { persist: persist({ key: 'checkout' }) })
 */
export const persist = (options: PersistOptions): WorkflowPersistence => {
  if (typeof options?.key !== 'string' || options.key === '') {
    throw new WorkflowError(
      'INVALID_OPTION',
      process.env.NODE_ENV !== 'production' && "persist() needs a `key`, the storage key, e.g. persist({ key: 'checkout' }).",
      {
        category: 'usage',
      },
    )
  }
  const storage = options.storage ?? (typeof localStorage === 'undefined' ? memoryStorage() : webStorage())
  const paths = (options.exclude ?? []).map((p) => p.split('.'))
  return (host) => (creator) => {
    const persisted = zustandPersist(creator, {
      name: options.key,
      version: PERSIST_VERSION,
      // The snapshot carries the definition's version; restore checks it and calls the workflow's `migrate`.
      // Without this, zustand would log a stored value of another middleware version to console.error.
      migrate: (stored) => stored as WorkflowSnapshot,
      storage: safeJSONStorage(storage, host, options.key) as PersistStorage<WorkflowSnapshot>,
      partialize: (snapshot) =>
        serialize(host.definition, host.stateOf(snapshot), {
          exclude: options.exclude,
          at: host.now(),
        }) as unknown as WorkflowSnapshot,
      merge: (stored, current) => {
        if (stored === undefined || stored === null) return current
        // Another tab's save lacks what is never stored; what this instance holds of it stays (the card number).
        const full = paths.length
          ? keepExcluded(stored as PersistedSnapshot, serialize(host.definition, host.stateOf(current), { at: 0 }), paths)
          : stored
        const state = resumeState(host.definition, full, host.options, { expiresIn: options.expiresIn })
        return state ? host.view(state) : current
      },
      // `useWorkflow` defers the read to an effect, whatever the options say (see PersistenceHost.deferHydration).
      skipHydration: host.deferHydration || (options.skipHydration ?? false),
    }) as StateCreator<WorkflowSnapshot>
    // The tracker lives with the plugin, so a UI without persistence ships none of it.
    return (set, get, store) => {
      const initial = persisted(set, get, store)
      trackHydration(store as StoreApi<WorkflowSnapshot> & { persist: PersistApi })
      return initial
    }
  }
}

/** The persistence controls of a workflow created with `persist`: `rehydrate()`, `clearStorage()`, `hasHydrated()`, `onFinishHydration()`. */
export interface PersistApi {
  rehydrate(): Promise<void>
  clearStorage(): void
  hasHydrated(): boolean
  onHydrate(listener: (snapshot: WorkflowSnapshot) => void): () => void
  onFinishHydration(listener: (snapshot: WorkflowSnapshot) => void): () => void
}

/** The persistence controls of `workflow`, or `undefined` when it was created without `persist`. */
export const getPersistApi = (workflow: Pick<Workflow, 'store'>): PersistApi | undefined =>
  (workflow.store as unknown as { persist?: PersistApi }).persist
