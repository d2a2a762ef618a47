/**
 * `npm run bench` (React part): a 3-step wizard with a stepper, progress text and two fields, built
 * with Flowkit and as a plain `useState` wizard, rendered in jsdom with React's production build.
 * Same workloads, one run: mount, one Next, 20 keystrokes. Read the ratios; absolute numbers vary by machine.
 */
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { JSDOM } from 'jsdom'
import { Bench, type Task } from 'tinybench'

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' })
Object.assign(globalThis, { window: dom.window, document: dom.window.document, HTMLElement: dom.window.HTMLElement })
Object.defineProperty(globalThis, 'navigator', { value: dom.window.navigator, configurable: true })

// React is loaded after the DOM globals exist.
const { createElement: h, useState } = await import('react')
const { flushSync } = await import('react-dom')
const { createRoot } = await import('react-dom/client')
const { useField, useStep, WorkflowProgress, WorkflowProvider, WorkflowStepper, WorkflowSteps } = await import('../src/index.ts')

const wizard = defineWorkflow({
  id: 'bench',
  initial: 'account',
  state: { email: '', name: '', plan: 'solo' },
  steps: {
    account: { title: 'Account', next: 'plan' },
    plan: { title: 'Plan', next: 'review' },
    review: { title: 'Review', final: true },
  },
})

// Both wizards have the same screens: a component per step (Account: email and name; Plan: plan; Review), a
// heading, a "Step n of 3" text and an ordered list of the steps with aria-current.

// Flowkit
function FkField({ path }: { path: string }) {
  return h('input', { 'aria-label': path, ...useField(path).props })
}
const fkStep =
  (...fields: string[]) =>
  () => {
    const { title, submit } = useStep()
    return h(
      'form',
      { onSubmit: submit },
      h('h1', null, title),
      ...fields.map((path) => h(FkField, { key: path, path })),
      h('button', { type: 'submit' }, 'Next'),
    )
  }
const fkSteps = { account: fkStep('email', 'name'), plan: fkStep('plan'), review: fkStep() }
function FlowkitApp() {
  const [workflow] = useState(() => createWorkflow(wizard))
  return h(WorkflowProvider, { workflow }, h(WorkflowProgress), h(WorkflowStepper), h(WorkflowSteps, { steps: fkSteps }))
}

// Plain useState wizard: the usual hand-written one, values lifted to the wizard so they survive Back.
interface PlainStepProps {
  title: string
  values: Record<string, string>
  set: (path: string, value: string) => void
  next: () => void
}
const plainStep =
  (...fields: string[]) =>
  ({ title, values, set, next }: PlainStepProps) =>
    h(
      'form',
      {
        onSubmit: (e: { preventDefault(): void }) => {
          e.preventDefault()
          next()
        },
      },
      h('h1', null, title),
      ...fields.map((path) =>
        h('input', {
          key: path,
          'aria-label': path,
          name: path,
          value: values[path] ?? '',
          onChange: (e: { target: { value: string } }) => set(path, e.target.value),
        }),
      ),
      h('button', { type: 'submit' }, 'Next'),
    )
const plainSteps = [
  { id: 'account', title: 'Account', Step: plainStep('email', 'name') },
  { id: 'plan', title: 'Plan', Step: plainStep('plan') },
  { id: 'review', title: 'Review', Step: plainStep() },
]
function PlainApp() {
  const [index, setIndex] = useState(0)
  const [values, setValues] = useState<Record<string, string>>({})
  const { id, title, Step } = plainSteps[index] as (typeof plainSteps)[number]
  return h(
    'div',
    null,
    h('div', { role: 'progressbar' }, `Step ${index + 1} of 3`),
    h('ol', null, ...plainSteps.map((s, i) => h('li', { key: s.id, 'aria-current': i === index ? 'step' : undefined }, s.title))),
    h(Step, {
      key: id,
      title,
      values,
      set: (path: string, value: string) => setValues((v) => ({ ...v, [path]: value })),
      next: () => setIndex((i) => Math.min(i + 1, 2)),
    }),
  )
}

const mount = (App: () => unknown) => {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  flushSync(() => root.render(h(App as never)))
  const unmount = () => {
    root.unmount()
    container.remove()
  }
  return { container, unmount }
}
const valueSetter = Object.getOwnPropertyDescriptor(dom.window.HTMLInputElement.prototype, 'value')?.set as (
  this: HTMLInputElement,
  v: string,
) => void
const type = (input: HTMLInputElement, text: string) => {
  for (const char of text) {
    flushSync(() => {
      valueSetter.call(input, input.value + char)
      input.dispatchEvent(new dom.window.Event('input', { bubbles: true }))
    })
  }
}
const next = (container: HTMLElement) => flushSync(() => container.querySelector('button')?.click())

const apps = { Flowkit: FlowkitApp, 'useState wizard': PlainApp }
let mounted: ReturnType<typeof mount> | undefined
const fresh = (App: () => unknown) => ({
  beforeEach: () => {
    mounted = mount(App)
  },
  afterEach: () => mounted?.unmount(),
})
const bench = new Bench({ name: 'react', time: 1000, warmupTime: 200 })
for (const [name, App] of Object.entries(apps)) {
  bench.add(`${name}: mount`, () => mount(App).unmount())
  bench.add(`${name}: one Next`, () => next(mounted?.container as HTMLElement), fresh(App))
  bench.add(
    `${name}: 20 keystrokes`,
    () => type(mounted?.container.querySelector('input') as HTMLInputElement, 'ada.lovelace@host.io'),
    fresh(App),
  )
}
await bench.run()

// Check the workloads did what they claim, so a broken wizard cannot post a fast time.
for (const App of Object.values(apps)) {
  const { container, unmount } = mount(App)
  type(container.querySelector('input') as HTMLInputElement, 'ada')
  if ((container.querySelector('input') as HTMLInputElement).value !== 'ada') throw new Error('typing did not reach the input')
  next(container)
  if (container.querySelector('h1')?.textContent !== 'Plan') throw new Error('Next did not reach the Plan step')
  unmount()
}

const mean = (task: Task | undefined) => {
  const result = task?.result
  if (!result || !('latency' in result)) throw new Error(`benchmark task ${task?.name} did not complete`)
  return result.latency.mean
}
const byName = (name: string) => mean(bench.tasks.find((t) => t.name === name))
console.log('\nReact wizard in jsdom (production React): Flowkit vs a plain useState wizard, same run')
console.table(
  ['mount', 'one Next', '20 keystrokes'].map((workload) => {
    const fk = byName(`Flowkit: ${workload}`)
    const plain = byName(`useState wizard: ${workload}`)
    return {
      workload,
      'Flowkit (ms)': fk.toFixed(3),
      'useState wizard (ms)': plain.toFixed(3),
      'Flowkit / useState': `${(fk / plain).toFixed(2)}×`,
    }
  }),
)
