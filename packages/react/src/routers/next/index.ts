'use client'
export type { RouterHistoryOptions } from '../RouterHistoryOptions'
export { useNextRouterHistory } from './useNextRouterHistory'
