import type { PersistedSnapshot, WorkflowError } from '@flowkit/core'

/** Where the server copy stands, for a "Saved" / "Saving…" / "Offline" badge. */
export type SaveState = 'idle' | 'loading' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error'

export interface SaveStatus {
  readonly state: SaveState
  /** The resume token once the server has the flow; put it in a "continue later" link. */
  readonly token: string | null
  /** The server's version of the flow last seen. */
  readonly version: number | null
  /** Whether the server accepted a submission; saves are refused afterwards. */
  readonly submitted: boolean
  /** The server's refusal (`error`, `conflict`) or the network failure (`offline`), else `null`. */
  readonly error: WorkflowError | null
  /** When the server last confirmed a save (client clock, ms). */
  readonly savedAt: number | null
}

/** Told when a save was refused because the flow was saved elsewhere (another tab or device). */
export interface ConflictDetails {
  /** What this client tried to save. */
  readonly local: PersistedSnapshot
  /** What the server has. */
  readonly remote: PersistedSnapshot
  readonly remoteVersion: number
}

/** The server's answer to a submission. */
export type SubmitResult =
  | { readonly ok: true; readonly result: Readonly<Record<string, unknown>>; readonly version: number }
  | { readonly ok: false; readonly error: WorkflowError }

/** Something that changed the flow on this page without the user doing it here, for the UI to say. */
export interface SyncNotice {
  /**
   * `updated`: another tab or device moved the flow on and this copy had no changes of its own, so it follows.
   * `merged`: both copies changed different steps; both changes are kept.
   * `adopted`: both changed the same steps; the other copy (newer on the server, or the other tab's) was kept and this one's changes were dropped.
   */
  readonly kind: 'updated' | 'merged' | 'adopted'
  /** Where the other copy came from: another tab of this browser, or the server (another device). */
  readonly source: 'tab' | 'device'
  /** The steps the other copy changed (`updated`, `merged`) or that both changed (`adopted`). */
  readonly steps: readonly string[]
  /** When it happened (client clock, ms); a new notice has a new `at`. */
  readonly at: number
  readonly message: string
}

/** `SaveStatus`, plus what happened to this page's copy. */
export interface SyncStatus extends SaveStatus {
  /** The latest change that came from elsewhere, until `dismissNotice()`. */
  readonly notice: SyncNotice | null
  /** Why the resume token was refused when the flow opened (`NOT_FOUND`, `EXPIRED`, …); the flow went on from this browser's copy. */
  readonly linkProblem: WorkflowError | null
}
