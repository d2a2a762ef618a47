import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { WorkflowError } from './WorkflowError'

/** What `skip`, a `next` function and guards receive: the state as it is now, and the step asked about. */
export interface GuardContext<S, K extends string = string> {
  readonly state: S
  readonly step: K
  /**
   * For a `next` choice: the input the step was just completed with (after validation's copy), so a
   * step can branch on its own answer. `undefined` when the step is passed over, and when the path
   * ahead is predicted (choices on input then count as undecided only if they return `undefined`).
   */
  readonly input?: unknown
}

/** What an action receives. `input` is the validated input of `next(input)`; `signal` aborts when the user navigates away. */
export interface ActionContext<S, K extends string = string, I = unknown> {
  readonly state: S
  readonly input: I
  readonly step: K
  readonly signal: AbortSignal
}

/** A patch merges shallowly into the state, like zustand's `setState`. */
export type Patch<S> = Partial<S>

/**
 * Turns a step's input into state: returns a patch (or nothing), sync or async.
 * Several actions run in order, each seeing the state with the previous patches applied.
 */
export type Action<S, K extends string = string, I = unknown> = (ctx: ActionContext<S, K, I>) => Patch<S> | void | Promise<Patch<S> | void>

/** One guarded choice: go `to` this step `when` the guard holds. Leave out `when` for the fallback ("otherwise"). */
export interface GuardedNext<S, K extends string = string> {
  readonly to: K
  readonly when?: (ctx: GuardContext<S, K>) => boolean
  /** Shown in errors and diagrams, e.g. `'plan is family'`. */
  readonly label?: string
}

/**
 * A step's successor:
 * - a step id (a fixed successor);
 * - a function of the state returning one of `targets` (a choice), or `undefined` when it cannot decide yet;
 * - a list of guarded choices, of which exactly one `when` must hold.
 */
export type Next<S, K extends string = string> = K | ((ctx: GuardContext<S, K>) => K | undefined) | readonly GuardedNext<S, K>[]

/** One step of a workflow. */
export interface StepDef<S, K extends string = string, I = unknown> {
  /** A human title, used by progress announcements, steppers and diagrams. */
  readonly title?: string
  /** Run in order when the step completes; each may return a patch. Without actions, the validated input is merged. */
  readonly actions?: readonly Action<S, K, I>[]
  /** A Standard Schema (zod, valibot, arktype…) that checks the input before any action runs. */
  readonly validate?: StandardSchemaV1<unknown, I>
  /** When the step is reached and this returns `true` (or a reason string), the step is passed over. */
  readonly skip?: (ctx: GuardContext<S, K>) => boolean | string
  /** The successor; required unless `final`. */
  readonly next?: Next<S, K>
  /** The steps a `next` function may return, so that tools can draw and check the flow. */
  readonly targets?: readonly K[]
  /** Completing a final step ends the flow (`status: 'done'`). */
  readonly final?: boolean
  /**
   * After going back, completing this step again with the same answer on the same path puts its
   * earlier completion back, without running `validate` and `actions` again (so a card is not
   * charged twice). `false` runs them every time, for actions whose result can change with the same
   * answer (a fresh quote, an availability check).
   * @default true
   */
  readonly redo?: boolean
  /** Anything the app wants to attach (icons, analytics names…). */
  readonly meta?: Readonly<Record<string, unknown>>
  /** Set by `composeWorkflow` on the steps a sub-flow or repeat brought in: where each comes from, outermost first. */
  readonly groups?: readonly StepGroup[]
  /** Set by `composeWorkflow` on a repeat's summary step. */
  readonly summary?: RepeatSummary
  /**
   * Set by `composeWorkflow` on the steps a sub-flow or repeat brought in: where the child's data lives
   * in the flow's state, outermost first. The step's actions see that data and contribute to it.
   */
  readonly scope?: readonly ScopeLevel[]
  /**
   * Set by `composeWorkflow` beside `scope`: the child's data in the flow's state, what the step's
   * guards and actions see (`viewOf` calls it). Without it a step sees the flow's state.
   */
  readonly view?: (state: object) => object
  /**
   * Set by `composeWorkflow` beside `scope`: the flow's state with the step's contribution merged into
   * the child's data at its place (`mergeAt` calls it). Without it the patch merges into the state.
   */
  readonly merge?: (state: object, patch: Readonly<Record<string, unknown>>) => object
}

/** One level down to a child's data: a key of an object or an index of an array, and what it starts from when absent. */
export interface ScopeLevel {
  readonly key: string | number
  /** The value the level starts from (the child's initial state, with `in`; `[]` for a repeat's items), given the level above. */
  readonly base: (outer: Readonly<Record<string, unknown>>) => object
}

/**
 * Where a step of a composed flow comes from: the `flow:` or `repeat:` step of the parent that
 * included it. A step inside nested sub-flows has one group per level, outermost first.
 */
export interface StepGroup {
  /** The parent's step that includes the child, e.g. `'shipping'` or `'dependants'` (its id in the flattened flow). */
  readonly step: string
  readonly kind: 'flow' | 'repeat'
  /** The including step's title, or its id. */
  readonly title: string
  /** The child definition's id, e.g. `'address'`. */
  readonly flow: string
  /** Where the child's data lives in the parent's state (an object for a sub-flow, an array of items for a repeat). */
  readonly key: string
  /** The step's id inside the child definition, e.g. `'postcode'`. */
  readonly local: string
  /** For a repeat: the item's index (0-based) in the `key` array. */
  readonly item?: number
}

/** What a repeat's summary step knows: see `RepeatStepDef`. */
/** A completed step on the path, as a repeat's summary reads it (see `RepeatSummary.draftsBack`). */
export interface PathFrame {
  readonly step: string
  readonly input: unknown
  readonly prev: PathFrame | null
}

export interface RepeatSummary {
  readonly key: string
  readonly min: number
  readonly max: number
  /** The child definition's id. */
  readonly flow: string
  /** The steps of each item, by item index: `slots[i]` lists item i's step ids in the flattened flow. */
  readonly slots: readonly (readonly string[])[]
  /** The first step of item `i`. */
  entry(item: number): string
  /** Where the flow goes on once the user continues past the summary (the repeat step's own `next`). */
  exit(ctx: GuardContext<any, string>): string
  /**
   * The path ahead from the summary, for predicting it on `state` (the flow's state) in `definition` (the
   * laid-out flow). Passed over as a whole (the repeat's `skip`, or its group's), it leads on past the
   * repeat (`after`, `count` 0). With fewer items
   * than `min`, the summary is passed over into the next item's first step (`after`, `count` 0): the
   * prediction walks the item's steps and comes back. Else the summary itself (`count` 1, passed to
   * `visit` when given) and the step after it (`after`; undefined when it cannot be told yet).
   * `from` is the step the path comes from: an item's step means that item and those before it are
   * on the path already, whether or not the state holds their data yet.
   */
  ahead(
    state: object,
    visit: ((step: string) => void) | undefined,
    from: string | undefined,
    definition: WorkflowDefinition,
  ): { readonly count: number; readonly after: string | undefined }
  /**
   * The drafts once the summary step is completed with `input` (a `RepeatInput`) over `state` (the
   * flow's state after it): removing item `i` moves the drafts of items i+1… down one item with their
   * data (and the record below counts one item fewer when it counted item `i`), and going on records the summary's own draft, `{ items: n }`, how many items there were (see
   * `walkInput`). `keys` places a step's draft (the compiled definition's `index` and `shift`).
   */
  draftsAfter(
    input: unknown,
    drafts: readonly unknown[],
    keys: { readonly index: ReadonlyMap<string, number>; readonly shift: number },
    state: object,
  ): readonly unknown[]
  /**
   * Whether completing the summary with `input`, on the same path, does again what its `recorded` input
   * did, so it can be redone: the same add, or going on (`undefined` goes on, as `{ action: 'continue' }`
   * does: a forward walk's last visit of it). A remove or change moves drafts, so it runs again.
   */
  redoes(recorded: unknown, input: unknown): boolean
  /**
   * The drafts once `back` undoes a completion of the summary with `input` over `state` (the flow's
   * state after it), `path` the path before it: a remove is taken back (the items after the removed one
   * move up again, the removed one gets back its answers on `path`, and the summary's record counts it
   * again); an add taken back records the items there are (`{ items: n }`, see `walkInput`), so the
   * abandoned item's drafts do not bring it back. Other commands leave `drafts` as they are. Made of
   * what a snapshot keeps (the drafts and the path's inputs), so a resumed flow undoes the same.
   * `goTo(target)` undoes the same when `target` is the summary or an item's step (the browser's Back
   * within the repeat); a step before the repeat keeps the latest answers, which a forward walk gives again.
   */
  draftsBack(
    input: unknown,
    drafts: readonly unknown[],
    path: PathFrame | null,
    keys: { readonly index: ReadonlyMap<string, number>; readonly shift: number },
    state: object,
    target?: string,
  ): readonly unknown[]
  /**
   * What a forward walk (`goTo` a step further on, `run(drafts)`) gives the summary on `state`:
   * `{ action: 'add' }` while there are fewer items than when the user last went on past it (its draft's
   * `items`; without one, while the drafts hold the next item's first answer), else `undefined` (go on).
   * The walk passes the summary until then, even when it is the target. A walk to `target`, a step of
   * the next item, adds it (the browser's Forward to a new item's page).
   */
  walkInput(
    state: object,
    drafts: readonly unknown[],
    keys: { readonly index: ReadonlyMap<string, number>; readonly shift: number },
    target?: string,
  ): RepeatInput | undefined
}

/**
 * The input of a repeat's summary step: add an item, change or remove item `item`, or go on.
 * `undefined` (or `{ action: 'continue' }`) goes on.
 */
export type RepeatInput =
  | { readonly action: 'add' }
  | { readonly action: 'change'; readonly item: number }
  | { readonly action: 'remove'; readonly item: number }
  | { readonly action: 'continue' }

/**
 * A step that runs another definition as part of this one (a sub-flow). Its steps join this flow's
 * path as `'<step>.<child step>'`; the child's data lives in `state[key]` (path-scoped like any
 * step's); back and `goTo` cross the boundary both ways. The same definition can be used in several
 * flows, and several times in one.
 * @example
 * shipping: { title: 'Delivery address', flow: address, next: 'billing' },
 * billing: { flow: address, skip: ({ state }) => state.sameAddress, next: 'payment' },
 */
export interface FlowStepDef<S, K extends string = string, C extends object = any, Ids = unknown> {
  readonly title?: string
  /** The child definition (from `defineWorkflow` or `composeWorkflow`). */
  readonly flow: WorkflowDefinition<C, any> & { readonly '~ids'?: { readonly flow: Ids } }
  /** The state key the child's data lives under. @default the step's id */
  readonly key?: string
  /** Values the child starts with, from this flow's state (merged over the child's initial state). */
  readonly in?: (ctx: GuardContext<S, K>) => Partial<C>
  /** Passes over the whole sub-flow. */
  readonly skip?: (ctx: GuardContext<S, K>) => boolean | string
  /** Where to go once the child is done; required unless `final`. */
  readonly next?: Next<S, K>
  readonly targets?: readonly K[]
  /** The sub-flow ends this flow. */
  readonly final?: boolean
  readonly meta?: Readonly<Record<string, unknown>>
}

/**
 * A step that asks a group of steps once per item ("add another"): the child definition's steps run
 * for each item as `'<step>.<i>.<child step>'`, and the step itself is the summary, where the user adds,
 * changes and removes items (`RepeatInput`) and goes on. Items are an array in `state[key]`, each
 * item's data path-scoped. Fewer than `min` items: the summary is passed over to ask for another.
 * @example
 * dependants: { title: 'Dependants', repeat: { flow: dependant, min: 0, max: 6 }, next: 'review' },
 */
export interface RepeatStepDef<S, K extends string = string, C extends object = any, Ids = unknown> {
  readonly title?: string
  readonly repeat: {
    /** The steps asked per item (a definition from `defineWorkflow` or `composeWorkflow`; its final step ends the item). */
    readonly flow: WorkflowDefinition<C, any> & { readonly '~ids'?: { readonly repeat: Ids } }
    /** @default 0 */
    readonly min?: number
    /** At most this many items (1 to 1000): the flow's steps are laid out for each. */
    readonly max: number
    /** The state key of the items array. @default the step's id */
    readonly key?: string
  }
  readonly skip?: (ctx: GuardContext<S, K>) => boolean | string
  readonly next?: Next<S, K>
  readonly targets?: readonly K[]
  readonly final?: boolean
  readonly meta?: Readonly<Record<string, unknown>>
}

/** A checked workflow definition, as returned by `defineWorkflow` (or `composeWorkflow`, laid out flat). */
export interface WorkflowDefinition<S extends object = any, K extends string = string> {
  readonly id: string
  readonly version?: number | string
  readonly initial: K
  /** The initial state. */
  readonly state: S
  readonly steps: { readonly [P in K]: StepDef<S, K, any> }
  /** Type-level only (never set): the step ids and the state, so that `composeWorkflow` can name a sub-flow's steps and type its data. */
  readonly '~ids'?: { readonly flow: SubflowIds<K, S>; readonly repeat: RepeatIds<K, S> }
}

/** Type-level marks: the ids and the state of a sub-flow's and a repeat's child definition. */
export interface SubflowIds<K, S = unknown> {
  readonly '~subflow': K
  readonly '~state': S
}
export interface RepeatIds<K, S = unknown> {
  readonly '~repeat': K
  readonly '~state': S
}

/**
 * Required of a step whose `next` is a function (`WorkflowConfig` and `ComposedWorkflowConfig` ask for it
 * when a step's `next` is one): the steps it may return, so that checks, progress and diagrams can
 * follow it. Without them `defineWorkflow` throws `MISSING_TARGETS`.
 */
export interface TargetsOfNext<K extends string> {
  readonly targets: readonly K[]
}

/**
 * Type-level, for the configs: each step's `next` as written (`Nexts` is inferred from it), so that a
 * step whose `next` is a function is asked for `TargetsOfNext`. A step typed `StepDef` is not: its `next`
 * may be any kind, and `defineWorkflow` checks it.
 */
export type WrittenNexts<Nexts> = { readonly [P in keyof Nexts]: { readonly next?: Inferred<Nexts[P]> } }
/** `T` to infer from, `unknown` to check against (so that errors show the step's own `next` type only). */
type Inferred<T> = [T] extends [never] ? T : unknown
export type TargetsIfChosen<Nexts, P, K extends string> = [P extends keyof Nexts ? Nexts[P] : unknown] extends [(...args: never) => unknown]
  ? TargetsOfNext<K>
  : unknown

/** Step ids of a definition. */
export type StepIdOf<D> = D extends WorkflowDefinition<any, infer K> ? K : never
/** State type of a definition. */
export type StateOf<D> = D extends WorkflowDefinition<infer S, any> ? S : never

export type WorkflowStatus = 'idle' | 'busy' | 'done'

/** Where the user is on the predicted path. `exact: false` means a choice ahead cannot be decided yet and `total` is a lower bound. */
export interface Progress {
  readonly position: number
  readonly total: number
  readonly exact: boolean
}

/** Validation messages by field path (`'address.zip'`; `''` for the input as a whole). */
export type Issues = Readonly<Record<string, readonly string[]>>

/** `invalid`: a submitted input did not validate (its `fields` name the field paths with issues, never the values). */
export type LogEntryType = 'entered' | 'completed' | 'skipped' | 'back' | 'goto' | 'reset' | 'error' | 'invalid' | 'done'

/** One entry of the journey log. */
export interface LogEntry<K extends string = string> {
  readonly type: LogEntryType
  readonly step: K
  /** Milliseconds since the epoch (from the `now` option). */
  readonly at: number
  /** Why a step was skipped, or the error code. */
  readonly reason?: string
  /** For `invalid`: the field paths that had issues (`''` for the input as a whole). Never the values. */
  readonly fields?: readonly string[]
}

/** The state of a running workflow. Immutable: every change makes a new snapshot. */
export interface WorkflowSnapshot<S = any, K extends string = string> {
  /** The definition's id. */
  readonly id: string
  /** The current step. When `status` is `'done'`, the final step that was completed. */
  readonly step: K
  /** The initial state plus the contributions of the completed steps on the current path. */
  readonly state: S
  readonly status: WorkflowStatus
  /** The steps visited on the current path, oldest first, ending with the current step. Skipped steps are not in it. */
  readonly history: readonly K[]
  /** Steps passed over on the current path. */
  readonly skipped: readonly K[]
  /**
   * The steps predicted to follow the current one, skipped ones left out, with skips and choices
   * evaluated on the current state. Stops before a choice that cannot be decided yet
   * (then `progress.exact` is false). Empty when done.
   */
  readonly upcoming: readonly K[]
  readonly progress: Progress
  /** What went wrong in the last transition (a failed action, no matching choice…), or `null`. */
  readonly error: WorkflowError | null
  /** Validation issues of the last submitted input, by field path. Empty when valid. */
  readonly issues: Issues
  /** Journey log: entered, completed, skipped, back, error… with timestamps. */
  readonly log: readonly LogEntry<K>[]
  /** Input per step: what the user last submitted or typed, kept to prefill a step when they return. */
  readonly drafts: Readonly<Partial<Record<K, unknown>>>
}

/** One completed step in a persisted snapshot. */
export interface PersistedFrame {
  readonly step: string
  readonly input: unknown
  readonly patch: Readonly<Record<string, unknown>>
}

/** A JSON-safe snapshot to store and resume from. */
export interface PersistedSnapshot {
  readonly workflow: string
  readonly version?: number | string | undefined
  /** The completed steps on the current path, in order. */
  readonly path: readonly PersistedFrame[]
  readonly step: string
  readonly done: boolean
  readonly drafts: Readonly<Record<string, unknown>>
  readonly log: readonly LogEntry[]
  readonly savedAt: number
}

/** Details passed to `onError` when a snapshot or stored state could not be used. */
export interface ResumeErrorDetails {
  readonly error: WorkflowError
}
