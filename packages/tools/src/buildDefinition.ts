import { type StepDef, type WorkflowDefinition, WorkflowError } from '@flowkit/core'
import { compileCondition, describeCondition, SOURCE } from './conditions'
import { compileFields } from './fieldSchema'
import type { FlowFile, StepFile } from './format'
import { lookup, type WorkflowRegistry } from './registry'

type AnyStep = StepDef<any, string, any>

/** An action named in a file but absent from the registry the CLI checks with: running it fails with a clear error. */
const unregistered = (name: string) => () => {
  throw new WorkflowError('UNKNOWN_ACTION', `action '${name}' is not in the registry; pass it in registry.actions to run this flow.`, {
    category: 'definition',
    details: { action: name },
  })
}

const buildStep = (step: StepFile, registry: WorkflowRegistry | undefined, flows: ReadonlyMap<string, WorkflowDefinition>): AnyStep => {
  const guards = registry?.guards ?? {}
  const out: Record<string, unknown> = {}
  if (step.title !== undefined) out.title = step.title
  if (step.final) out.final = true
  if (step.redo === false) out.redo = false
  if (typeof step.next === 'string') out.next = step.next
  else if (step.next) {
    out.next = step.next.map((choice) =>
      choice.when === undefined
        ? { to: choice.to, ...(choice.label === undefined ? {} : { label: choice.label }) }
        : { to: choice.to, when: compileCondition(choice.when, guards), label: choice.label ?? describeCondition(choice.when) },
    )
  }
  if (step.skip) {
    const holds = compileCondition(step.skip, guards)
    const reason = step.skipReason ?? describeCondition(step.skip)
    out.skip = Object.defineProperty((ctx: Parameters<typeof holds>[0]) => (holds(ctx) ? reason : false), SOURCE, { value: step.skip })
  }
  if (step.actions?.length) out.actions = step.actions.map((name) => lookup(registry?.actions, name) ?? unregistered(name))
  if (step.fields) out.validate = compileFields(step.fields)
  if (step.meta) out.meta = step.meta
  if (step.flow !== undefined) {
    out.flow = flows.get(step.flow)
    if (step.key !== undefined) out.key = step.key
  }
  if (step.repeat) {
    const { flow, min, max, key } = step.repeat
    out.repeat = { flow: flows.get(flow), max, ...(min === undefined ? {} : { min }), ...(key === undefined ? {} : { key }) }
  }
  return out as AnyStep
}

/** The definition object for `composeWorkflow`, from a checked file; `flows` holds its resolved sub-flows by id. */
export const buildDefinition = (
  file: FlowFile,
  registry: WorkflowRegistry | undefined,
  flows: ReadonlyMap<string, WorkflowDefinition> = new Map(),
): WorkflowDefinition => {
  const steps: Record<string, AnyStep> = {}
  for (const [id, step] of Object.entries(file.steps)) steps[id] = buildStep(step, registry, flows)
  return {
    id: file.id,
    ...(file.version === undefined ? {} : { version: file.version }),
    initial: file.initial,
    state: structuredClone(file.state ?? {}),
    steps,
  }
}
