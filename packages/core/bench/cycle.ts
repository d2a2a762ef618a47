/**
 * The kernel issue's 3-step cycle (next, next, reset), on a Flowkit build and on a zustand store
 * written by hand doing the same three moves: the floor of any store-based wizard. The transitions
 * bench runs it in a process of its own, the growth bench after its large workloads.
 */
import type * as now from '@flowkit/core'
import { createStore } from 'zustand/vanilla'

type Core = typeof import('@flowkit/core')

/** Cycles per run: three transitions each. */
export const CYCLES = 10_000

/** One run of the cycle on a Flowkit build, with a listener subscribed as React would be. */
export const flowkitCycle = (core: Core) => {
  const def = core.defineWorkflow({
    id: 'cycle',
    initial: 'a',
    state: { n: 0 },
    steps: { a: { next: 'b' }, b: { next: 'c' }, c: { final: true } },
  } as never)
  const flow = core.createWorkflow(def as now.WorkflowDefinition)
  flow.subscribe(() => {})
  const input = { n: 1 }
  return () => {
    for (let i = 0; i < CYCLES; i++) {
      void flow.next(input)
      void flow.next(input)
      flow.reset()
    }
  }
}

/** One run of the same moves on the hand-rolled store. */
export const handCycle = () => {
  const order = ['a', 'b', 'c'] as const
  const hand = createStore<{ step: string; state: { n: number }; next: (input: { n: number }) => void; reset: () => void }>((set, get) => ({
    step: 'a',
    state: { n: 0 },
    next: (input) => set({ step: order[order.indexOf(get().step as 'a') + 1] ?? 'c', state: { ...get().state, ...input } }),
    reset: () => set({ step: 'a', state: { n: 0 } }),
  }))
  hand.subscribe(() => {})
  const input = { n: 1 }
  return () => {
    for (let i = 0; i < CYCLES; i++) {
      hand.getState().next(input)
      hand.getState().next(input)
      hand.getState().reset()
    }
  }
}
