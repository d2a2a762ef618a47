import type { WorkflowErrorCode } from '@flowkit/core'
import type { LocalFirstStorage, SaveState, SyncStatus } from '@flowkit/server/client'
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import { Alert } from '../ui/Alert'
import { resumeLinkFor } from './resumeLink'

const BADGE: Record<SaveState, string> = {
  idle: 'Saved in this browser',
  loading: 'Loading saved progress…',
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline: saved in this browser',
  conflict: 'Updated from another device',
  error: 'Not saved to the server',
}

/**
 * Why the server refused to save, said to the person filling in the form. The server's `message` is a diagnostic
 * for developers ("the body is larger than 262144 bytes (maxBodyBytes)…"): the inspector shows it, the page only
 * its code, as a reference.
 */
const SAVE_REFUSALS: Readonly<Partial<Record<WorkflowErrorCode, string>>> = {
  ALREADY_SUBMITTED: 'This enrollment has already been sent, so it cannot be changed here.',
  BODY_TOO_LARGE: 'Your answers are too long to save. Shorten the longest ones and try again.',
  TOO_MANY_INSTANCES: 'Too many forms have been started from this device today. Try again tomorrow.',
  STORAGE_FAILED: 'This browser would not keep your answers: its storage may be full or turned off.',
}
const refusalOf = (error: SyncStatus['error']): string =>
  (error && SAVE_REFUSALS[error.code]) ?? 'Something went wrong on our side, and it was not saved.'

/** What is worth announcing: not every "Saving…" while someone types, only changes they must know about. */
const announcementOf = (status: SyncStatus): string => {
  if (status.state === 'offline')
    return 'The server cannot be reached. Your answers are kept in this browser and will be saved when it is back.'
  if (status.state === 'error') return `Your answers could not be saved to the server. ${refusalOf(status.error)}`
  return ''
}

/** Whether the server has this page's answers: saved, or (after a conflict) holds the copy this page now shows. */
const isOnServer = (status: SyncStatus): boolean => status.state === 'saved' || status.state === 'conflict'

/** The storage's status, read from it (re-renders on every change). */
export const useSaveStatus = (storage: LocalFirstStorage): SyncStatus =>
  useSyncExternalStore(storage.subscribe, storage.getStatus, storage.getStatus)

/** A badge saying where the server copy stands (saving / saved / offline / conflict), announced politely when it matters. */
export function SaveBadge({ storage }: { readonly storage: LocalFirstStorage }) {
  const status = useSaveStatus(storage)
  const [announcement, setAnnouncement] = useState('')
  const wasOffline = useRef(false)
  useEffect(() => {
    const message = announcementOf(status)
    if (message) setAnnouncement(message)
    else if (wasOffline.current && status.state === 'saved') setAnnouncement('Back online: your answers are saved.')
    wasOffline.current = status.state === 'offline' || (wasOffline.current && status.state !== 'saved')
  }, [status])
  return (
    <>
      <span className={`save-badge save-${status.state}`} data-testid="save-status" data-state={status.state}>
        <span className="save-dot" aria-hidden="true" />
        {BADGE[status.state]}
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </>
  )
}

/** "Save and continue later": sends the flow to the server now, then shows a link that resumes it on any device. */
export function SaveForLater({ storage }: { readonly storage: LocalFirstStorage }) {
  const status = useSaveStatus(storage)
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const [copied, setCopied] = useState(false)
  const linkId = useId()
  const panel = useRef<HTMLDivElement>(null)
  const save = async () => {
    setSaving(true)
    setCopied(false)
    setOpen(true)
    // While offline, flush() keeps retrying: show the link as soon as the server has the flow, or say why not.
    await Promise.race([storage.flush(), new Promise((resolve) => setTimeout(resolve, 4_000))])
    setSaving(false)
    requestAnimationFrame(() => panel.current?.focus())
  }
  // The link resumes the server's copy: offer it only once that copy holds every answer (nothing left unsaved).
  const link = status.token && !saving && isOnServer(status) ? resumeLinkFor(status.token) : null
  const copy = async () => {
    if (!link) return
    try {
      await navigator.clipboard.writeText(link)
      setCopied(true)
    } catch {
      // No clipboard permission: select the link so Ctrl+C copies it.
      ;(document.getElementById(linkId) as HTMLInputElement | null)?.select()
    }
  }
  return (
    <div className="save-later">
      <div className="save-later-bar">
        <SaveBadge storage={storage} />
        <button type="button" className="btn btn-secondary" onClick={save} disabled={saving} data-testid="save-later">
          {saving ? 'Saving…' : 'Save and continue later'}
        </button>
      </div>
      {open && !saving && (
        <div ref={panel} tabIndex={-1} className="save-later-panel" data-testid="save-later-panel">
          {link ? (
            <Alert tone="success" title="Your progress is saved" role="status">
              <p>
                Open this link on any device within 30 days to continue where you left off. Anyone with the link can see your answers: keep
                it private.
              </p>
              <div className="copy-link">
                <label className="visually-hidden" htmlFor={linkId}>
                  Link to continue your enrollment
                </label>
                <input
                  id={linkId}
                  className="input"
                  readOnly
                  value={link}
                  data-testid="resume-link"
                  onFocus={(event) => event.currentTarget.select()}
                />
                <button type="button" className="btn btn-secondary" onClick={copy} data-testid="copy-link">
                  {copied ? 'Copied' : 'Copy link'}
                </button>
              </div>
              <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
                Close
              </button>
            </Alert>
          ) : (
            <NotSavedYet status={status} onClose={() => setOpen(false)} />
          )}
        </div>
      )}
    </div>
  )
}

/**
 * Why there is no link yet: the server refused the save, cannot be reached (a request failed: the answers wait on
 * this device), or there is nothing to save yet (no answer given, no request sent) or it is still saving.
 */
function NotSavedYet({ status, onClose }: { readonly status: SyncStatus; readonly onClose: () => void }) {
  const refused = status.state === 'error'
  const offline = status.state === 'offline'
  if (!refused && !offline) {
    const saving = status.state === 'saving' || status.state === 'loading'
    return (
      <Alert tone="info" title={saving ? 'Still saving' : 'Nothing to save yet'} role="status">
        <p data-testid="save-later-pending">
          {saving
            ? 'Your answers are on their way to the server: the link to continue on another device appears here once they are saved.'
            : 'Answer the first question and continue: your progress is then saved as you go, and the link to continue on another device appears here.'}
        </p>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Close
        </button>
      </Alert>
    )
  }
  return (
    <Alert
      tone={refused ? 'danger' : 'info'}
      title={refused ? 'Your progress could not be saved to the server' : 'Not saved to the server yet'}
      role={refused ? 'alert' : 'status'}
    >
      <p>
        {refused ? refusalOf(status.error) : 'The server cannot be reached right now.'} Your answers are kept on this device
        {refused ? '.' : ' and will be saved when the connection is back.'}
      </p>
      {status.error && (
        <p className="muted" data-testid="save-later-reason">
          Reference: <code>{status.error.code}</code>
        </p>
      )}
      <p data-testid="save-later-pending">
        {status.token
          ? 'Your link to continue on another device would not include your latest answers yet: it appears here once they are saved.'
          : 'Your link to continue on another device appears here once your answers are saved.'}
      </p>
      <button type="button" className="btn btn-ghost" onClick={onClose}>
        Close
      </button>
    </Alert>
  )
}
