/**
 * `npm run bench` (core, transitions): the 3-step cycle of the kernel issue beside a hand-rolled
 * zustand store doing the same three moves, in a process of its own, as an app that drives one flow
 * runs it. The growth bench measures the same cycle again after its large workloads (10,000-step
 * paths, 100,000-key states), which leave V8's inline caches megamorphic for every engine: both
 * figures are printed. Rounds alternate the engines; each engine's best round counts (the one least
 * disturbed by other work on the machine and by the other engine's garbage), as in the growth bench.
 * Run with NODE_ENV=production.
 */
import * as now from '@flowkit/core'
import { loadBefore } from './before'
import { CYCLES, flowkitCycle, handCycle } from './cycle'

const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits })

/** Wall time in ms of one call of `run`. */
const once = async (run: () => void) => {
  const t = performance.now()
  run()
  // The promises `next()` returned settle here, inside the measured time.
  await null
  return performance.now() - t
}

const hand = handCycle()
const flowkit = flowkitCycle(now)
for (let i = 0; i < 20; i++) {
  hand()
  flowkit()
}
const handTimes: number[] = []
const flowkitTimes: number[] = []
for (let round = 0; round < 31; round++) {
  handTimes.push(await once(hand))
  flowkitTimes.push(await once(flowkit))
}
const handMs = Math.min(...handTimes)
const flowkitMs = Math.min(...flowkitTimes)
const rows = [
  { engine: 'hand-rolled zustand store (baseline)', 'transitions/s': fmt((3 * CYCLES) / (handMs / 1000), 0), 'vs hand-rolled': '1×' },
  { engine: 'Flowkit', 'transitions/s': fmt((3 * CYCLES) / (flowkitMs / 1000), 0), 'vs hand-rolled': `${fmt(handMs / flowkitMs)}×` },
]
// The engine before the kernel, measured last so that its code cannot slow the two above.
const before = await loadBefore()
if (before) {
  const run = flowkitCycle(before)
  for (let i = 0; i < 20; i++) run()
  const times: number[] = []
  for (let round = 0; round < 15; round++) times.push(await once(run))
  const ms = Math.min(...times)
  rows.push({ engine: 'Flowkit before', 'transitions/s': fmt((3 * CYCLES) / (ms / 1000), 0), 'vs hand-rolled': `${fmt(handMs / ms)}×` })
}
console.log('\nTransitions per second on the 3-step cycle, a process of its own (goal: ≥ 0.75× the hand-rolled store)')
console.table(rows)
