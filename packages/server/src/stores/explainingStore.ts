import type { InstanceRecord, InstanceStore, InstanceUpdate, Saved } from '../types'

/** What `saveOrCurrent` answers: the save, or when it was refused, the instance as it was then (`null`: none). */
export type SaveOutcome =
  | { readonly saved: Saved; readonly current?: undefined }
  | { readonly saved: null; readonly current: InstanceRecord | null }

/**
 * A store whose save answers, when refused, the instance it was refused by, from the same statement (the PostgreSQL
 * store): explaining a conflict then takes no second query. Other stores are asked with `get` after a refusal.
 */
export interface ExplainingStore {
  saveOrCurrent(tokenHash: string, update: InstanceUpdate): Promise<SaveOutcome>
}

export const explainsSaves = (store: InstanceStore): store is InstanceStore & ExplainingStore =>
  typeof (store as Partial<ExplainingStore>).saveOrCurrent === 'function'
