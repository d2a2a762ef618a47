export { memoryStorage } from './memoryStorage'
export { getPersistApi, type PersistApi, type PersistOptions, persist } from './persist'
export type { StateStorage } from './StateStorage'
export { webStorage } from './webStorage'
