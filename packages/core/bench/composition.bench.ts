/**
 * `npm run bench` (core, composition): what sub-flows and repeats cost beside the same number of
 * plain steps, in the same run. Goals from the composable-flows issue: a repeat of N items of 3
 * steps costs per step within 1.5× of a flat 3N-step flow (and stays linear as N grows), and 3
 * levels of nested sub-flows cost less than 1.5× the flat flow with the same steps.
 * Each run walks the whole flow with an input per step, reading progress and history after every
 * step (as React does), then resumes it from its persisted snapshot.
 */
import {
  composeWorkflow,
  createWorkflow,
  defineWorkflow,
  getPersistedSnapshot,
  resumeWorkflow,
  type WorkflowDefinition,
} from '@flowkit/core'

const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits })

const time = async (run: () => unknown, times = 15): Promise<number> => {
  await run()
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t = performance.now()
    await run()
    samples.push(performance.now() - t)
  }
  return Math.min(...samples)
}

const chain = (id: string, n: number, prefix = 's') => {
  const steps: Record<string, object> = {}
  for (let i = 0; i < n; i++) steps[`${prefix}${i}`] = i === n - 1 ? { final: true } : { next: `${prefix}${i + 1}` }
  return defineWorkflow({ id, initial: `${prefix}0`, state: { answer: 0 }, steps } as never) as WorkflowDefinition
}

/** A flat flow of n steps then a final step. */
const flat = (n: number) => chain(`flat-${n}`, n + 1)

/** A repeat of `items` items of 3 steps each, then a final step. */
const repeated = (items: number) => {
  const item = defineWorkflow({
    id: 'item',
    initial: 'a',
    state: { answer: 0 },
    steps: { a: { next: 'b' }, b: { next: 'c' }, c: { final: true } },
  })
  return composeWorkflow({
    id: `repeat-${items}`,
    initial: 'list',
    state: {},
    steps: { list: { repeat: { flow: item, min: items, max: items }, next: 'end' }, end: { final: true } },
  }) as WorkflowDefinition
}

/** 3 levels: a parent of `width` sub-flows, each of `width` sub-flows, each of `width` plain steps. */
const nested = (width: number) => {
  const leaf = chain('leaf', width + 1)
  const wrap = (id: string, child: WorkflowDefinition) => {
    const steps: Record<string, object> = {}
    for (let i = 0; i < width; i++) steps[`f${i}`] = { flow: child, next: i === width - 1 ? 'end' : `f${i + 1}` }
    steps.end = { final: true }
    return composeWorkflow({ id, initial: 'f0', state: {}, steps } as never) as WorkflowDefinition
  }
  return wrap('top', wrap('middle', leaf))
}

/** Walks the flow to the end (an input per step; a repeat's summary gets "continue"), then resumes it. Returns the steps walked. */
const walk = (definition: WorkflowDefinition) => async () => {
  const flow = createWorkflow(definition)
  let steps = 0
  while (flow.getSnapshot().status !== 'done') {
    const s = await flow.next(definition.steps[flow.getSnapshot().step]?.summary ? undefined : { answer: steps })
    if (s.error) throw s.error
    void s.progress.total
    void s.history.length
    steps++
  }
  const resumed = resumeWorkflow(definition, getPersistedSnapshot(flow))
  if (resumed.getSnapshot().status !== 'done') throw new Error('resume lost the end')
  return steps
}

const rows: string[][] = []
const row = async (label: string, definition: WorkflowDefinition, baseline?: number) => {
  const steps = (await walk(definition)()) as number
  const ms = await time(walk(definition))
  const perStep = (ms * 1000) / steps
  rows.push([label, fmt(steps, 0), fmt(ms), fmt(perStep), baseline === undefined ? '1×' : `${fmt(perStep / baseline)}×`])
  return perStep
}

for (const items of [10, 100, 300]) {
  const base = await row(`flat, ${items * 3} steps`, flat(items * 3))
  await row(`repeat, ${items} items × 3 steps`, repeated(items), base)
}
for (const width of [4, 7]) {
  const steps = width * width * (width + 1)
  const base = await row(`flat, ${steps} steps`, flat(steps))
  await row(`3-level sub-flows, ${width}×${width}×${width + 1}`, nested(width), base)
}
const header = ['flow', 'steps walked', 'walk + resume ms', 'µs per step', 'per step vs flat']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`
console.log(
  '\nComposition: per-step cost beside a flat flow of the same steps (goal: repeat ≤ 1.5×, stays flat as items grow; 3 levels < 1.5×)\n',
)
console.log(line(header))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const r of rows) console.log(line(r))
