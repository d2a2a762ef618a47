import type { Action, PersistedSnapshot, WorkflowDefinition } from '@flowkit/core'

/** Whether an instance can still be saved (`open`) or was verified and accepted (`submitted`). */
export type InstanceStatus = 'open' | 'submitted'

/** One saved workflow instance, as a store keeps it. The resume token itself is never stored, only its hash. */
export interface InstanceRecord {
  /** SHA-256 of the resume token, hex. The primary key. */
  readonly tokenHash: string
  /** The definition's id. */
  readonly workflow: string
  /** Who the instance belongs to, as returned by the `authorize` hook on start; `null` for anyone holding the token. */
  readonly owner: string | null
  /** Increases by one on every save; a save must name the version it was based on. */
  readonly version: number
  readonly snapshot: PersistedSnapshot
  readonly status: InstanceStatus
  /** The state the server replayed and accepted on submit (with server-only action patches), else `null`. */
  readonly result: Readonly<Record<string, unknown>> | null
  /** Milliseconds since the epoch. */
  readonly createdAt: number
  readonly updatedAt: number
  readonly expiresAt: number
}

/** A compare-and-set write: applied only when the stored version is still `baseVersion` and the instance has not expired. */
export interface InstanceUpdate {
  readonly baseVersion: number
  readonly snapshot: PersistedSnapshot
  readonly status: InstanceStatus
  readonly result: Readonly<Record<string, unknown>> | null
  readonly updatedAt: number
  readonly expiresAt: number
}

/**
 * Where instances live. Every method may be async. `update` must be atomic (compare-and-set on `version`):
 * that is what makes lost updates impossible.
 */
export interface InstanceStore {
  /** Creates the table if needed. Called once before first use. */
  init(): Promise<void>
  insert(record: InstanceRecord): Promise<void>
  get(tokenHash: string): Promise<InstanceRecord | null>
  /** The updated record, or `null` when the version moved on, the instance expired or is gone. */
  update(tokenHash: string, update: InstanceUpdate): Promise<InstanceRecord | null>
  /** `true` when an instance was deleted. */
  remove(tokenHash: string): Promise<boolean>
  /** Deletes instances that expired before `now`; returns how many. Run it from a timer or a cron job. */
  removeExpired(now: number): Promise<number>
  close(): Promise<void>
}

/** The operations of the handler, as passed to `authorize`. */
export type Operation = 'start' | 'load' | 'save' | 'submit' | 'delete'

/** What `authorize` is asked about. */
export interface AuthorizeDetails {
  readonly request: Request
  readonly operation: Operation
  readonly workflow: string
  /** The instance's owner, as returned on start; `null` on start and for unowned instances. */
  readonly owner: string | null
}

/**
 * `true` to allow, `false` to refuse (404 for an existing instance, so its existence is not revealed; 403 on start),
 * or `{ owner }` on start to tie the new instance to a user.
 */
export type AuthorizeResult = boolean | { readonly owner: string }

/** Server-only actions of one workflow, by step id: they run on submit, after the replay is verified, never in the browser. */
export type ServerActions = Readonly<Record<string, readonly Action<any, any, any>[]>>

/** Any workflow definition, whatever its state and step ids. */
export type AnyDefinition = WorkflowDefinition<any, any>

/** The definitions a handler serves: a list, or an object of them; each is found by its own `id`. */
export type Definitions = Readonly<Record<string, AnyDefinition>> | readonly AnyDefinition[]
