'use client'
export type { RouterHistoryOptions } from '../RouterHistoryOptions'
export { useReactRouterHistory } from './useReactRouterHistory'
