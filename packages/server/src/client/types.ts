import type { PersistedSnapshot } from '@flowkit/core'

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
  readonly error: { readonly code: string; readonly message: string } | null
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
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly step?: string } }
