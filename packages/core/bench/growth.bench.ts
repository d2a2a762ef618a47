/**
 * `npm run bench` (core, growth): what a step, a keystroke and a resume cost as flows, drafts and
 * state grow, for this build beside the engine before the kernel (built from git in the same run)
 * and XState 5. Goals from the kernel issue are printed beside each table; read the ratios.
 * Run with NODE_ENV=production (the dev checks are measured on their own, last).
 */
import * as now from '@flowkit/core'
import { assign, createActor, createMachine } from 'xstate'
import { loadBefore } from './before'
import { flowkitCycle, handCycle } from './cycle'

type Core = typeof import('@flowkit/core')
const before = await loadBefore()
const engines: [string, Core][] = [['Flowkit', now], ...(before ? ([['Flowkit before', before]] as [string, Core][]) : [])]
const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits })
const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`

/** Best wall time in ms of `run` over `times` runs (after one warm-up), or of the runs within `budget` ms: the least disturbed by other work on the machine. */
const time = async (run: () => unknown, { times = 5, budget = 20_000 } = {}): Promise<number> => {
  await run()
  const samples: number[] = []
  const start = performance.now()
  for (let i = 0; i < times && (i < 1 || performance.now() - start < budget); i++) {
    const t = performance.now()
    await run()
    samples.push(performance.now() - t)
  }
  return Math.min(...samples)
}

// The engine before the kernel (built from git) had the method and the option; this one has the functions.
type Old = { getPersistedSnapshot(): unknown }
const saveOf = (core: Core, flow: now.Workflow) =>
  'getPersistedSnapshot' in core ? core.getPersistedSnapshot(flow) : (flow as unknown as Old).getPersistedSnapshot()
const resumeOf = (core: Core, def: now.WorkflowDefinition, persisted: unknown): now.Workflow =>
  'resumeWorkflow' in core ? core.resumeWorkflow(def, persisted) : core.createWorkflow(def, { snapshot: persisted } as never)

const linear = (core: Core, n: number) => {
  const steps: Record<string, object> = {}
  for (let i = 0; i < n; i++) steps[`s${i}`] = i === n - 1 ? { final: true } : { next: `s${i + 1}` }
  return core.defineWorkflow({ id: `linear-${n}`, initial: 's0', state: { answer: 0 }, steps } as never) as now.WorkflowDefinition
}

// 1. A long path with an input per step, reading progress and history after every step (as React does).
const walk = (core: Core, n: number) => {
  const def = linear(core, n)
  return async () => {
    const flow = core.createWorkflow(def)
    for (let i = 0; i < n; i++) {
      const s = await flow.next({ answer: i })
      void s.progress.total
      void s.history.length
    }
    if (flow.getSnapshot().status !== 'done') throw new Error('not done')
  }
}
const xstateWalk = (n: number) => {
  const states: Record<string, object> = {}
  for (let i = 0; i < n; i++) states[`s${i}`] = i === n - 1 ? { type: 'final' } : { on: { NEXT: { target: `s${i + 1}`, actions: 'keep' } } }
  const machine = createMachine(
    { id: 'x', initial: 's0', context: { answers: {} as Record<string, number> }, states: states as never },
    {
      actions: {
        keep: assign({
          answers: ({ context, event }) => ({
            ...context.answers,
            [(event as { step: string }).step]: (event as { answer: number }).answer,
          }),
        }),
      },
    },
  )
  return () => {
    const a = createActor(machine).start()
    for (let i = 0; a.getSnapshot().status !== 'done'; i++) a.send({ type: 'NEXT', step: `s${i}`, answer: i } as never)
  }
}
const walkRows = []
for (const [name, core] of engines) {
  const small = (await time(walk(core, 100), { times: 21 })) / 100
  const large = (await time(walk(core, 10_000), { times: 3, budget: 60_000 })) / 10_000
  walkRows.push({
    engine: name,
    'µs/step at 100': fmt(small * 1000),
    'µs/step at 10,000': fmt(large * 1000),
    '10,000 vs 100': ratio(large, small),
  })
}
{
  const small = (await time(xstateWalk(100), { times: 21 })) / 100
  const large = (await time(xstateWalk(10_000), { times: 3, budget: 60_000 })) / 10_000
  walkRows.push({
    engine: 'XState 5 (assign, answers kept)',
    'µs/step at 100': fmt(small * 1000),
    'µs/step at 10,000': fmt(large * 1000),
    '10,000 vs 100': ratio(large, small),
  })
}
console.log('\n1. A path with an input per step, progress and history read after each (goal: 10,000 vs 100 ≤ 1.5×)')
console.table(walkRows)

// 2. Resuming a snapshot of n completed steps with inputs.
const resumeRows = []
const resumeMs: Record<string, Record<number, number>> = {}
for (const [name, core] of engines) {
  resumeMs[name] = {}
  for (const n of [1_000, 3_000]) {
    const def = linear(core, n + 1)
    const flow = core.createWorkflow(def)
    await flow.run(Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, { answer: i, note: `step ${i}` }])), {
      until: `s${n}` as never,
    })
    const persisted = JSON.parse(JSON.stringify(saveOf(core, flow)))
    ;(resumeMs[name] as Record<number, number>)[n] = await time(() => resumeOf(core, def, persisted).getSnapshot(), {
      times: 9,
    })
  }
  const [a, b] = [resumeMs[name]?.[1_000] as number, resumeMs[name]?.[3_000] as number]
  resumeRows.push({ engine: name, 'ms, 1,000 steps': fmt(a), 'ms, 3,000 steps': fmt(b), '3,000 vs 1,000 (linear: 3×)': ratio(b, a) })
}
if (before)
  resumeRows.push({
    engine: 'speed-up at 1,000 (goal ≥ 20×)',
    'ms, 1,000 steps': ratio(resumeMs['Flowkit before']?.[1_000] as number, resumeMs.Flowkit?.[1_000] as number),
    'ms, 3,000 steps': '',
    '3,000 vs 1,000 (linear: 3×)': '',
  })
console.log('\n2. Resume of a persisted snapshot with an input per step (goal: linear, ≥ 20× faster than before)')
console.table(resumeRows)

// 3. A keystroke: setDraft with 10 and with 10,000 drafts already kept.
const draftRows = []
for (const [name, core] of engines) {
  const perKey = async (drafts: number) => {
    const def = linear(core, Math.max(drafts, 2))
    const flow = core.createWorkflow(def)
    for (let i = 0; i < drafts; i++) flow.setDraft(`s${i}` as never, { text: `draft ${i}` })
    flow.subscribe(() => {})
    const keys = 2_000
    return (
      (await time(
        () => {
          for (let k = 0; k < keys; k++) flow.setDraft('s0' as never, { text: `typed ${k}` })
        },
        { times: 7 },
      )) / keys
    )
  }
  const [few, many] = [await perKey(10), await perKey(10_000)]
  draftRows.push({
    engine: name,
    'µs/keystroke, 10 drafts': fmt(few * 1000),
    'µs/keystroke, 10,000 drafts': fmt(many * 1000),
    '10,000 vs 10': ratio(many, few),
  })
}
console.log('\n3. setDraft per keystroke (goal: 10,000 drafts within 2× of 10)')
console.table(draftRows)

// 4. next() with an empty patch over a large state, and what a 20-step flow over it retains.
const gc = (globalThis as { gc?: () => void }).gc
const heap = () => {
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed
}
const bigState = (keys: number) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]))
const stateRows = []
for (const [name, core] of engines) {
  const perNext = async (keys: number) => {
    const steps: Record<string, object> = {}
    for (let i = 0; i < 21; i++) steps[`s${i}`] = i === 20 ? { final: true } : { next: `s${i + 1}` }
    const def = core.defineWorkflow({ id: `big-${keys}`, initial: 's0', state: bigState(keys), steps } as never) as now.WorkflowDefinition
    return (
      (await time(
        async () => {
          const flow = core.createWorkflow(def)
          for (let i = 0; i < 20; i++) await flow.next({})
        },
        { times: 5 },
      )) / 20
    )
  }
  const [small, large] = [await perNext(10), await perNext(100_000)]
  let retained = '(run with --expose-gc)'
  if (gc) {
    const base = heap()
    const state = bigState(100_000)
    const own = heap() - base
    const steps: Record<string, object> = {}
    for (let i = 0; i < 21; i++) steps[`s${i}`] = i === 20 ? { final: true } : { next: `s${i + 1}` }
    const def = core.defineWorkflow({ id: 'retained', initial: 's0', state, steps } as never) as now.WorkflowDefinition
    const flow = core.createWorkflow(def)
    const snapshots = []
    for (let i = 0; i < 20; i++) snapshots.push(await flow.next({}))
    retained = `${fmt((heap() - base) / own, 2)}× the state`
    void snapshots.length
  }
  stateRows.push({
    engine: name,
    'µs/next, 10 keys': fmt(small * 1000),
    'µs/next, 100,000 keys': fmt(large * 1000),
    '100,000 vs 10': ratio(large, small),
    'retained by 20 steps (kept snapshots)': retained,
  })
}
console.log('\n4. next() with an empty patch over a large state (goal: within 2×; 20 steps retain < 2× the state)')
console.table(stateRows)

// 5. Transitions per second beside a hand-rolled zustand store doing the same three moves, after the large
// workloads above (their megamorphic inline caches slow every engine). The goal's figure is bench/transitions.bench.ts,
// the same cycle in a process of its own.
const handMs = await time(handCycle(), { times: 15 })
const cycleRows = [
  { engine: 'hand-rolled zustand store (baseline)', 'transitions/s': fmt(30_000 / (handMs / 1000), 0), 'vs hand-rolled': '1×' },
]
for (const [name, core] of engines) {
  const ms = await time(flowkitCycle(core), { times: 15 })
  cycleRows.push({ engine: name, 'transitions/s': fmt(30_000 / (ms / 1000), 0), 'vs hand-rolled': ratio(handMs, ms) })
}
console.log(
  '\n5. Transitions per second on the 3-step cycle, after sections 1–4 in this process (the goal is judged in a process of its own: see the transitions table above)',
)
console.table(cycleRows)

// 6. A 10,000-step chain of skippable steps, defined and run in development (checks on).
const env = process.env.NODE_ENV
process.env.NODE_ENV = 'development'
const chainRows = []
for (const [name, core] of engines) {
  const steps: Record<string, object> = { start: { next: 'k0' } }
  for (let i = 0; i < 10_000; i++) steps[`k${i}`] = { skip: () => true, next: i === 9_999 ? 'end' : `k${i + 1}` }
  steps.end = { final: true }
  let result: string
  const t = performance.now()
  try {
    const def = core.defineWorkflow({ id: `chain-${name}`, initial: 'start', state: {}, steps } as never)
    const done = await core.createWorkflow(def as now.WorkflowDefinition).run()
    result = `${done.step}, ${done.skipped.length} skipped`
  } catch (error) {
    result = `failed: ${(error as Error).message.slice(0, 60)}`
  }
  chainRows.push({ engine: name, result, ms: fmt(performance.now() - t) })
}
process.env.NODE_ENV = env
console.log('\n6. A 10,000-step skip chain, defined and run in development (goal: no stack overflow)')
console.table(chainRows)
