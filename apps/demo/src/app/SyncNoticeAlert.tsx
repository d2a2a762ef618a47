import type { LocalFirstStorage, SyncNotice } from '@flowkit/server/client'
import { Alert } from '../ui/Alert'
import { useSaveStatus } from './SaveForLater'

const TITLES: Record<SyncNotice['kind'], (where: string) => string> = {
  updated: (where) => `Updated ${where === 'another tab' ? 'in' : 'on'} ${where}`,
  merged: (where) => `Combined with changes from ${where}`,
  adopted: (where) => `Kept the newer answers from ${where}`,
}

/** Says so when another tab or device changed this flow (followed, merged, or kept over this page's change). */
export function SyncNoticeAlert({ storage }: { readonly storage: LocalFirstStorage }) {
  const { notice } = useSaveStatus(storage)
  if (!notice) return null
  return (
    <div className="sync-notice" data-testid="sync-notice" data-kind={notice.kind} data-source={notice.source}>
      <Alert tone="info" title={TITLES[notice.kind](notice.source === 'tab' ? 'another tab' : 'another device')} role="status">
        <p>{notice.message}</p>
        <button type="button" className="btn btn-ghost" onClick={storage.dismissNotice} data-testid="sync-notice-dismiss">
          OK
        </button>
      </Alert>
    </div>
  )
}
