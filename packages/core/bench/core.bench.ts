/**
 * `npm run bench` (core part): Flowkit beside XState 5 (`createActor`), same workloads, one run.
 * Prints tables with ratios against the baseline in the same run. Numbers vary by machine; the
 * ratios are what to read.
 */
import { createWorkflow, defineWorkflow, type StepDef, type WorkflowDefinition } from '@flowkit/core'
import { Bench, type Task } from 'tinybench'
import { createActor, createMachine } from 'xstate'

const meanMs = (task: Task | undefined) => {
  const result = task?.result
  if (!result || !('latency' in result)) throw new Error(`benchmark task ${task?.name} did not complete`)
  return result.latency.mean
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits })

// 1. Transitions per second, cycling a 3-step flow (a → b → c → back to a), with one subscriber each.
const threeSteps = defineWorkflow({
  id: 'cycle',
  initial: 'a',
  state: { n: 0 },
  steps: { a: { next: 'b' }, b: { next: 'c' }, c: { final: true } },
})
const cycleMachine = createMachine({
  id: 'cycle',
  initial: 'a',
  context: { n: 0 },
  states: { a: { on: { NEXT: 'b' } }, b: { on: { NEXT: 'c' } }, c: { on: { NEXT: 'a' } } },
})
const flowkit = createWorkflow(threeSteps)
flowkit.subscribe(() => {})
const actor = createActor(cycleMachine).start()
actor.subscribe(() => {})
const input = { n: 1 }

const transitions = new Bench({ name: 'transitions', time: 1500, warmupTime: 300 })
transitions
  .add('Flowkit: next, next, reset (3 transitions)', () => {
    void flowkit.next(input)
    void flowkit.next(input)
    flowkit.reset()
  })
  .add('XState 5: send NEXT ×3 (3 transitions)', () => {
    actor.send({ type: 'NEXT' })
    actor.send({ type: 'NEXT' })
    actor.send({ type: 'NEXT' })
  })
await transitions.run()
const [fk, xs] = transitions.tasks.map(meanMs) as [number, number]
console.log('\nTransitions per second, cycling a 3-step flow (goal: Flowkit ≥ 10× XState)')
console.table([
  { library: 'Flowkit', 'transitions/s': fmt(3000 / fk), 'vs XState': `${fmt(xs / fk, 1)}×` },
  { library: 'XState 5 (baseline)', 'transitions/s': fmt(3000 / xs), 'vs XState': '1×' },
])

// 2. A linear flow of n steps, run end to end: the cost per step should not grow with n.
const linear = (n: number, skipEvery = 0): WorkflowDefinition => {
  const steps: Record<string, StepDef<{ i: number }>> = {}
  for (let i = 0; i < n; i++) {
    const skipped = skipEvery > 0 && i % skipEvery === skipEvery - 1 && i < n - 1
    steps[`s${i}`] = {
      ...(i === n - 1 ? { final: true } : { next: `s${i + 1}` }),
      ...(skipped ? { skip: () => true } : {}),
    }
  }
  return defineWorkflow({ id: `linear-${n}-${skipEvery}`, initial: 's0', state: { i: 0 }, steps })
}
const linearMachine = (n: number, skipEvery = 0) => {
  const states: Record<string, object> = {}
  for (let i = 0; i < n; i++) {
    const skipped = skipEvery > 0 && i % skipEvery === skipEvery - 1 && i < n - 1
    states[`s${i}`] = i === n - 1 ? { type: 'final' } : skipped ? { always: `s${i + 1}` } : { on: { NEXT: `s${i + 1}` } }
  }
  return createMachine({ id: `linear-${n}`, initial: 's0', context: { i: 0 }, states: states as never })
}
const runFlowkit = (definition: WorkflowDefinition) => async () => {
  const snapshot = await createWorkflow(definition).run()
  if (snapshot.status !== 'done') throw new Error('flow did not finish')
}
const runXState = (machine: ReturnType<typeof linearMachine>) => () => {
  const a = createActor(machine).start()
  while (a.getSnapshot().status !== 'done') a.send({ type: 'NEXT' })
}

const sizes = [100, 1_000, 10_000]
const scaling = new Bench({ name: 'linear', time: 1500, warmupTime: 200, iterations: 5 })
for (const n of sizes) {
  scaling.add(`Flowkit ${n}`, runFlowkit(linear(n)))
  scaling.add(`XState ${n}`, runXState(linearMachine(n)))
}
await scaling.run()
console.log('\nA linear flow run end to end (goal: cost linear in steps, so µs per step stays flat as n grows)')
console.table(
  sizes.map((n) => {
    const f = meanMs(scaling.getTask(`Flowkit ${n}`))
    const x = meanMs(scaling.getTask(`XState ${n}`))
    const base = meanMs(scaling.getTask(`Flowkit ${sizes[0]}`)) / (sizes[0] as number)
    return {
      steps: fmt(n),
      'Flowkit ms': fmt(f, 2),
      'Flowkit µs/step': fmt((f * 1000) / n, 2),
      'per step vs n=100': `${fmt(f / n / base, 2)}×`,
      'XState ms': fmt(x, 2),
      'Flowkit vs XState': `${fmt(x / f, 1)}×`,
    }
  }),
)

// 3. 200 steps with every second one skipped, beside 100 steps with none (the same shown steps).
const skipping = new Bench({ name: 'skipping', time: 1500, warmupTime: 200 })
skipping
  .add('Flowkit 200 steps, every 2nd skipped', runFlowkit(linear(200, 2)))
  .add('Flowkit 100 steps, none skipped', runFlowkit(linear(100)))
  .add('XState 200 states, every 2nd `always`', runXState(linearMachine(200, 2)))
await skipping.run()
const [skip200, plain100, xs200] = skipping.tasks.map(meanMs) as [number, number, number]
console.log('\nA 200-step flow with every second step skipped')
console.table([
  {
    run: 'Flowkit, 200 steps, 100 skipped',
    ms: fmt(skip200, 3),
    'vs 100 plain steps': `${fmt(skip200 / plain100, 2)}×`,
    'vs XState': `${fmt(xs200 / skip200, 1)}× faster`,
  },
  { run: 'Flowkit, 100 steps (baseline)', ms: fmt(plain100, 3), 'vs 100 plain steps': '1×', 'vs XState': '' },
  { run: 'XState 5, 200 states, 100 `always`', ms: fmt(xs200, 3), 'vs 100 plain steps': '', 'vs XState': '1×' },
])
