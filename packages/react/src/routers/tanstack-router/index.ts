'use client'
export type { RouterHistoryOptions } from '../RouterHistoryOptions'
export { useTanStackRouterHistory } from './useTanStackRouterHistory'
