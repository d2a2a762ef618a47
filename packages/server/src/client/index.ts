export { type HttpStorage, type HttpStorageOptions, httpStorage } from './httpStorage'
export { type LocalFirstStorage, type LocalFirstStorageOptions, localFirstStorage } from './localFirstStorage'
export { type MergeOutcome, mergeSnapshots } from './mergeSnapshots'
export type { ConflictDetails, SaveState, SaveStatus, SubmitResult, SyncNotice, SyncStatus } from './types'
