import { EMPTY, type LocalRecord, parseRecord, recordStore } from './localRecord'
import { openTabChannel, type TabChannel } from './tabChannel'

/**
 * One flow's record in this browser's web storage, shared with its other tabs: every write is announced to
 * them with the record's text, and what they write is heard (`onOther`). A tab may read the old value from web
 * storage for a moment after another tab's message arrived, so of the two the record with the higher revision
 * wins. Revisions only grow: removing the flow writes an empty record, not nothing.
 */
export const sharedRecord = (
  local: () => Storage | undefined,
  channelName: string,
  onOther: (key: string, text: string | null) => void,
) => {
  const records = recordStore(local)
  let pushed: { readonly key: string; readonly record: LocalRecord } | null = null
  let channel: TabChannel | null = null
  const current = (key: string): LocalRecord => {
    const stored = parseRecord(records.text(key))
    if (pushed && (pushed.key !== key || stored.rev >= pushed.record.rev)) pushed = null
    return pushed ? pushed.record : stored
  }
  /** Writes `record` as the next revision, tells the other tabs and returns it as written. Throws when web storage refuses (quota). */
  const write = (key: string, record: LocalRecord): LocalRecord => {
    const text = records.write(key, record, current(key).rev)
    pushed = null
    channel?.post(key, text)
    return parseRecord(text)
  }
  return {
    read: (key: string | null): LocalRecord => (key === null ? EMPTY : current(key)),
    write,
    /** Forgets the flow: an empty record of the next revision (when web storage refuses even that, the key goes). */
    remove(key: string) {
      try {
        write(key, EMPTY)
      } catch {
        records.remove(key)
      }
    },
    /** Starts hearing the other tabs (idempotent). */
    listen() {
      channel ??= openTabChannel(channelName, (key, text) => {
        const record = parseRecord(text)
        if (record.rev > current(key).rev) pushed = { key, record }
        onOther(key, text)
      })
    },
    close() {
      channel?.close()
      channel = null
    },
  }
}
