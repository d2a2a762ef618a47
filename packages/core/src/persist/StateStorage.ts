/**
 * Where persisted snapshots go: strings by key, sync or async (zustand's `StateStorage`).
 * localStorage and sessionStorage fit as they are; a server or IndexedDB adapter returns promises.
 */
export interface StateStorage {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
}
