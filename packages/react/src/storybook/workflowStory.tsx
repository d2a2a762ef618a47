import type { StateOf, StepIdOf, Workflow, WorkflowDefinition } from '@flowkit/core'
import type { ArgTypes, Decorator, Loader } from '@storybook/react'
import { type ReactNode, useEffect, useState } from 'react'
import { WorkflowProvider } from '../WorkflowProvider'
import { createWorkflowAt } from './createWorkflowAt'
import type { WorkflowSeed } from './snapshotAt'

/** The story args `workflowStory` adds: a seed, and what to submit once the story is shown. */
export interface WorkflowStoryArgs<S extends object = any, K extends string = string> extends WorkflowSeed<S, K> {
  /**
   * Submits the current step once the story is shown: `true` submits its draft, an object submits that
   * input. The story then shows what the engine answers: validation issues, a failed action, or `busy`
   * while an async action runs.
   * @default false
   */
  readonly submit?: boolean | Readonly<Record<string, unknown>>
}

/**
 * The args of stories of one definition: `Meta<WorkflowStoryArgsOf<typeof checkout>>`.
 * @example
 * type Story = StoryObj<WorkflowStoryArgsOf<typeof checkout>>
 */
export type WorkflowStoryArgsOf<D extends WorkflowDefinition<any, any>> = WorkflowStoryArgs<StateOf<D>, StepIdOf<D>>

/** Story annotations to spread into a meta or a story. */
export interface WorkflowStoryAnnotations<S extends object = any, K extends string = string> {
  readonly args: WorkflowStoryArgs<S, K>
  readonly argTypes: Partial<ArgTypes<WorkflowStoryArgs<S, K>>>
  readonly loaders: Loader<any>[]
  readonly decorators: Decorator<any>[]
  readonly parameters: { readonly flowkit: { readonly definition: () => WorkflowDefinition } }
}

const SEED_KEYS = ['at', 'state', 'path', 'drafts', 'done', 'submit'] as const

/** The seed in a story's args; what else the args hold goes to the story's component. */
const split = (args: Record<string, unknown>) => {
  const seed: Record<string, unknown> = {}
  const rest: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(args)) {
    if ((SEED_KEYS as readonly string[]).includes(key)) seed[key] = value
    else rest[key] = value
  }
  return { seed: seed as WorkflowStoryArgs, rest }
}

const submitted = new WeakSet<Workflow>()
const keys = new WeakMap<Workflow, number>()
let counter = 0
const keyOf = (workflow: Workflow) => {
  let key = keys.get(workflow)
  if (key === undefined) {
    key = ++counter
    keys.set(workflow, key)
  }
  return key
}

interface FrameProps {
  readonly definition: WorkflowDefinition
  readonly seed: WorkflowStoryArgs
  /** The instance the loader made; without loaders (a composed story rendered as a component) one is made here. */
  readonly loaded: Workflow | undefined
  readonly children: ReactNode
}

function WorkflowStoryFrame({ definition, seed, loaded, children }: FrameProps) {
  const [own] = useState(() => (loaded ? null : createWorkflowAt(definition, seed)))
  const workflow = loaded ?? (own as Workflow)
  const { submit } = seed
  useEffect(() => {
    // Once per instance, also under StrictMode's second effect run: a submit can call a service.
    if (!submit || submitted.has(workflow)) return
    submitted.add(workflow)
    const { step, drafts } = workflow.getSnapshot()
    void workflow.next(submit === true ? (drafts[step] ?? {}) : submit)
  }, [workflow, submit])
  return (
    <WorkflowProvider key={keyOf(workflow)} workflow={workflow}>
      {children}
    </WorkflowProvider>
  )
}

/**
 * Renders a story inside a running workflow opened at any step: seeded state, path and drafts, resumed
 * through the engine's snapshot restore, so every screen of a flow gets a story without clicking
 * through it. Spread it into a meta (or a story); each story then picks its step and state with args.
 * The `at` control jumps between steps; editing `state` or `drafts` rebuilds the flow live.
 * The workflow is also in the story context as `loaded.workflow`. A story's own `workflowStory(...)`
 * (say, of another definition) replaces its meta's.
 * @example
 * const meta = {
 *   title: 'Checkout/Payment',
 *   render: () => <PaymentStep />,
 *   ...workflowStory(checkout, { at: 'payment', state: { cart } }),
 * } satisfies Meta<WorkflowStoryArgs<CheckoutState>>
 * export const Invalid: StoryObj<typeof meta> = { args: { submit: true } }
 */
export function workflowStory<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  seed: WorkflowStoryArgs<S, K> = {},
): WorkflowStoryAnnotations<S, K> {
  const def = definition as unknown as WorkflowDefinition
  const category = { table: { category: 'workflow' } }
  // A story's own `workflowStory` (another definition) supersedes its meta's: story parameters win.
  // The definition sits behind a function so that Storybook's deep merge of parameters keeps it whole.
  const active = (parameters: Record<string, any>) => {
    const owner = parameters.flowkit?.definition
    return typeof owner !== 'function' || owner() === def
  }
  const loader: Loader = async (context) =>
    active(context.parameters) ? { workflow: createWorkflowAt(def, split(context.args).seed) } : {}
  const decorator: Decorator = (Story, context) => {
    if (!active(context.parameters)) return <Story />
    const { seed: args, rest } = split(context.args)
    return (
      <WorkflowStoryFrame definition={def} seed={args} loaded={context.loaded.workflow as Workflow | undefined}>
        <Story args={rest} />
      </WorkflowStoryFrame>
    )
  }
  return {
    args: seed,
    argTypes: {
      at: {
        control: 'select',
        options: Object.keys(definition.steps),
        description: 'The step shown. The path to it is the one `state` leads along.',
        ...category,
      },
      state: { control: 'object', description: 'What the completed steps contributed; branches and skips read it.', ...category },
      drafts: { control: 'object', description: 'What the user typed, per step.', ...category },
      path: { control: 'object', description: 'The completed steps, in order (optional).', ...category },
      done: { control: 'boolean', description: 'The flow is finished.', ...category },
      submit: { control: 'boolean', description: 'Submit the current step once shown: issues, a failed action or busy.', ...category },
    } as Partial<ArgTypes<WorkflowStoryArgs<S, K>>>,
    loaders: [loader],
    decorators: [decorator],
    parameters: { flowkit: { definition: () => def } },
  }
}
