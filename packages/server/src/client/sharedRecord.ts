import { EMPTY, type LocalRecord, parseRecord, recordStore } from './localRecord'
import { openTabChannel, type TabChannel } from './tabChannel'

/**
 * One flow's record in this browser's web storage, shared with its other tabs: every write is announced to
 * them with the record's text, and what they write is heard (`onOther`). A tab may read the old value from web
 * storage for a moment after another tab's message arrived, so the message's text is used until it shows.
 */
export const sharedRecord = (
  local: () => Storage | undefined,
  channelName: string,
  onOther: (key: string, text: string | null) => void,
) => {
  const records = recordStore(local)
  let pushed: { readonly key: string; readonly text: string | null; readonly until: number } | null = null
  let channel: TabChannel | null = null
  const textOf = (key: string): string | null => {
    const stored = records.text(key)
    if (pushed && (pushed.key !== key || stored === pushed.text || Date.now() > pushed.until)) pushed = null
    return pushed ? pushed.text : stored
  }
  return {
    read: (key: string | null): LocalRecord => (key === null ? EMPTY : parseRecord(textOf(key))),
    /** Writes `record` as the next revision, tells the other tabs and returns it as written. Throws when web storage refuses (quota). */
    write(key: string, record: LocalRecord): LocalRecord {
      const text = records.write(key, record, parseRecord(textOf(key)).rev)
      pushed = null
      channel?.post(key, text)
      return parseRecord(text)
    },
    remove(key: string) {
      records.remove(key)
      pushed = null
      channel?.post(key, null)
    },
    /** Starts hearing the other tabs (idempotent). */
    listen() {
      channel ??= openTabChannel(channelName, (key, text) => {
        pushed = { key, text, until: Date.now() + 2_000 }
        onOther(key, text)
      })
    },
    close() {
      channel?.close()
      channel = null
    },
  }
}
