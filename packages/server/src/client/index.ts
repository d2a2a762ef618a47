export { type HttpStorage, type HttpStorageOptions, httpStorage } from './httpStorage'
export type { ConflictDetails, SaveState, SaveStatus, SubmitResult } from './types'
