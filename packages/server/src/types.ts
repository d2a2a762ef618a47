import type { PersistedSnapshot, ReplayOptions, WorkflowDefinition } from '@flowkit/core'
import type { InsightsSource, JourneyWrite } from './insights/types'

/**
 * `open`: it can be saved; `submitting`: a verified submission holds it (its server actions are running, saves are
 * refused); `submitted`: accepted, immutable.
 */
export type InstanceStatus = 'open' | 'submitting' | 'submitted'

/** The submission that holds (or held) an instance. */
export interface Submission {
  /** SHA-256 of the submitted base version and steps with their inputs: a retry of the same submission carries the same. */
  readonly fingerprint: string
  /** The base of the idempotency keys its server actions receive (`${key}:${step}:${index}`): instance and attempt. */
  readonly key: string
  /** While `submitting`: the verified snapshot and state, so an expired claim is finished exactly as it began. */
  readonly snapshot?: PersistedSnapshot
  readonly state?: Readonly<Record<string, unknown>>
}

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
  /** The submission claiming or recorded on the instance, else `null`. */
  readonly submission: Submission | null
  /** Who holds the `submitting` claim (a random id), and until when (ms since the epoch); else `null`. */
  readonly claim: string | null
  readonly leaseUntil: number | null
  /** How many submissions of it were refused by a server action (and released): each attempt gets its own keys. */
  readonly attempts: number
  /** Milliseconds since the epoch. */
  readonly createdAt: number
  readonly updatedAt: number
  readonly expiresAt: number
}

/** A save: applied only when the instance runs `workflow`, is `open`, still at `baseVersion` and not expired. */
export interface InstanceUpdate {
  readonly workflow: string
  readonly baseVersion: number
  readonly snapshot: PersistedSnapshot
  readonly updatedAt: number
  readonly expiresAt: number
  /** The journey of the saved snapshot, for insights: the store appends the events it has not recorded yet. */
  readonly journey?: JourneyWrite
}

/** What a save returns: only what changed (no snapshot to read back). */
export type Saved = Pick<InstanceRecord, 'version' | 'status' | 'updatedAt' | 'expiresAt'>

/**
 * Takes an `open` instance at `baseVersion` and `attempts` (not expired at `now`) into `submitting`, held by
 * `claim` until `leaseUntil`.
 */
export interface ClaimRequest {
  readonly baseVersion: number
  readonly attempts: number
  readonly claim: string
  readonly leaseUntil: number
  readonly submission: Submission
  readonly now: number
}

/** Takes over a `submitting` instance whose claim `previous` expired (`leaseUntil <= now`). */
export interface ReclaimRequest {
  readonly previous: string
  readonly claim: string
  readonly leaseUntil: number
  readonly now: number
}

/** Records the result of the submission `claim` holds: `submitting` → `submitted`, version + 1. */
export interface FinishRequest {
  readonly claim: string
  readonly snapshot: PersistedSnapshot
  readonly result: Readonly<Record<string, unknown>>
  readonly submission: Submission
  readonly updatedAt: number
  readonly expiresAt: number
  /** The journey of the submitted snapshot, ending with `submitted`. */
  readonly journey?: JourneyWrite
}

/**
 * Where instances live. Every method may be async. Each write must be one atomic compare-and-set (on `version`,
 * `status` and `claim`): that is what makes lost updates and double submissions impossible. Each returns the
 * record as written, or `null` when its condition no longer holds.
 */
export interface InstanceStore {
  /** Creates the table if needed (and adds columns an older table lacks). Called once before first use. */
  init(): Promise<void>
  /** A new instance, and (for insights) the journey of its first snapshot. */
  insert(record: InstanceRecord, journey?: JourneyWrite): Promise<void>
  get(tokenHash: string): Promise<InstanceRecord | null>
  /** A save; the new version and expiry, or `null` when the version moved on, the instance is not `open`, expired or is gone. */
  update(tokenHash: string, update: InstanceUpdate): Promise<Saved | null>
  claim(tokenHash: string, request: ClaimRequest): Promise<InstanceRecord | null>
  reclaim(tokenHash: string, request: ReclaimRequest): Promise<InstanceRecord | null>
  finish(tokenHash: string, request: FinishRequest): Promise<InstanceRecord | null>
  /** Gives a claim up (its server action failed): `submitting` → `open`, the version unchanged, `attempts` + 1. */
  release(tokenHash: string, claim: string): Promise<InstanceRecord | null>
  /** Deletes an instance whose status is one of `statuses`; `true` when one was deleted. */
  remove(tokenHash: string, statuses: readonly InstanceStatus[]): Promise<boolean>
  /** Deletes instances that expired before `now`; returns how many. Run it from a timer or a cron job. */
  removeExpired(now: number): Promise<number>
  close(): Promise<void>
  /** The journey tables' queries (`queryInsights`, `pruneInsights`); the SQLite and PostgreSQL stores have them. */
  readonly insights?: InsightsSource
}

/** The operations of the handler, as passed to `authorize`. */
export type Operation = 'start' | 'load' | 'save' | 'submit' | 'delete' | 'insights'

/**
 * What `authorize` is asked about. `insights` (`GET /insights/:workflow`) shows every user's journeys in aggregate:
 * it is refused unless `authorize` returns `true` for it (owner and status are `null`).
 */
export interface AuthorizeDetails {
  readonly request: Request
  readonly operation: Operation
  readonly workflow: string
  /** The instance's owner, as returned on start; `null` on start and for unowned instances. */
  readonly owner: string | null
  /**
   * The instance's status (`null` on start). A submitted instance is deleted only when `authorize` returns `true`
   * for `{ operation: 'delete', status: 'submitted' }`; without `authorize` it is kept.
   */
  readonly status: InstanceStatus | null
}

/**
 * `true` to allow, `false` to refuse (404 for an existing instance, so its existence is not revealed; 403 on start),
 * or `{ owner }` on start to tie the new instance to a user.
 */
export type AuthorizeResult = boolean | { readonly owner: string }

/** What a server action is given. */
export interface ServerActionContext<S = any> {
  /** The verified state, with the patches of the server actions before this one. */
  readonly state: Readonly<S>
  /** The input the step was completed with. */
  readonly input: unknown
  readonly step: string
  /** Aborted when the submission's lease runs out (`submitLease`): stop, a later attempt takes over with the same keys. */
  readonly signal: AbortSignal
  /**
   * `${submission key}:${step}:${index}`: the same on every attempt of one submission. Hand it to payment and mail
   * providers (Stripe's `Idempotency-Key`) so a re-run after a crash charges and sends once.
   */
  readonly idempotencyKey: string
}

/** A server-only action: returns a patch for the stored result, or nothing; throwing refuses the submission. */
export type ServerAction<S = any> = (
  context: ServerActionContext<S>,
) => Partial<S> | undefined | void | Promise<Partial<S> | undefined | void>

/** Server-only actions of one workflow, by step id: they run on submit, after the replay is verified, never in the browser. */
export type ServerActions = Readonly<Record<string, readonly ServerAction[]>>

/** Any workflow definition, whatever its state and step ids. */
export type AnyDefinition = WorkflowDefinition<any, any>

/** The definitions a handler serves: a list, or an object of them; each is found by its own `id`. */
export type Definitions = Readonly<Record<string, AnyDefinition>> | readonly AnyDefinition[]

/**
 * Turns a snapshot saved under an older `version` of a definition into one of its current version: core's
 * `migrate(snapshot, fromVersion)`, the same function a browser passes to `createWorkflow`. Return the snapshot at
 * the definition's version; one it cannot convert, return as it is (it is then refused) or throw.
 */
export type Migration = NonNullable<ReplayOptions['migrate']>
