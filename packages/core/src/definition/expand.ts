import { choose } from '../kernel/choose'
import { isPlainObject, toPlain } from '../plain'
import type {
  Action,
  FlowStepDef,
  GuardContext,
  RepeatInput,
  RepeatStepDef,
  RepeatSummary,
  StepDef,
  StepGroup,
  WorkflowDefinition,
} from '../types'
import { WorkflowError } from '../WorkflowError'
import { compile } from './compile'
import { isComposed, isFlowStep, isRepeatStep } from './composed'
import { repeatSummary } from './repeatSummary'
import { scoped } from './scoped'
import { summarySchema } from './summarySchema'

type AnyStep = StepDef<any, string, any>
type Ctx = GuardContext<any, string>
type State = Record<string, unknown>

/** A step of a definition as written: a plain step, a sub-flow or a repeat. */
export type WrittenStep = AnyStep | FlowStepDef<any> | RepeatStepDef<any>

const expanded = new WeakMap<object, WorkflowDefinition>()
const expanding = new Set<object>()

/**
 * Lays a composed definition out flat: each `flow:` step becomes the child's steps (`'shipping.street'`),
 * each `repeat:` step a summary step plus the child's steps per item (`'dependants.0.name'`). The
 * child's guards and actions see the child's data (`state[key]`, or item `i` of it) and contribute to
 * it, so the kernel, replay, checks and diagrams work on plain steps. Pure; one result per definition.
 */
export const expand = (definition: WorkflowDefinition): WorkflowDefinition => {
  if (!isComposed(definition)) return definition
  const known = expanded.get(definition)
  if (known) return known
  if (expanding.has(definition)) {
    throw new WorkflowError(
      'RECURSIVE_SUBFLOW',
      process.env.NODE_ENV !== 'production' && `workflow '${definition.id}' includes itself through its sub-flows, so it would never end.`,
      { category: 'definition' },
    )
  }
  expanding.add(definition)
  try {
    return layOut(definition)
  } finally {
    expanding.delete(definition)
  }
}

const layOut = (definition: WorkflowDefinition): WorkflowDefinition => {
  const written = definition.steps as Record<string, WrittenStep>
  const entries = new Map<string, string>()
  for (const [id, step] of Object.entries(written)) {
    if (isFlowStep(step)) entries.set(id, `${id}.${expand(step.flow).initial}`)
  }
  const rename = (to: string) => entries.get(to) ?? to
  const steps: Record<string, AnyStep> = {}
  for (const [id, step] of Object.entries(written)) {
    if (isFlowStep(step)) inlineFlow(steps, id, step, rename)
    else if (isRepeatStep(step)) inlineRepeat(steps, id, step, rename)
    else steps[id] = renamed(step, rename)
  }
  const out = { ...definition, initial: rename(definition.initial), steps } as WorkflowDefinition
  expanded.set(definition, out)
  expanded.set(out, out)
  return out
}

/** A parent step whose `next` may name a `flow:` step: pointed at that sub-flow's first step instead. */
const renamed = (step: AnyStep, rename: (to: string) => string): AnyStep => {
  const { next } = step
  if (typeof next === 'string') return rename(next) === next ? step : { ...step, next: rename(next) }
  if (Array.isArray(next)) return { ...step, next: next.map((c) => ({ ...c, to: rename(c.to) })) }
  if (typeof next === 'function') {
    return {
      ...step,
      next: (ctx: Ctx) => {
        const to = next(ctx)
        return to === undefined ? undefined : rename(to)
      },
      targets: step.targets?.map(rename),
    }
  }
  return step
}

/** How a child's steps find their data in the parent's state: the levels down to it, a view of it for guards, a merge into it. */
type Scope = ReturnType<typeof scoped>

/** Where a child step goes when the child is done. */
type Exit = { readonly final: true } | { readonly next: AnyStep['next']; readonly targets?: readonly string[] }

interface Inline {
  readonly prefix: string
  readonly child: WorkflowDefinition
  readonly scope: Scope
  readonly group: StepGroup
  readonly exit: Exit
  /** The parent's `skip` for the whole group, checked at the child's first step. */
  readonly skipAll?: (ctx: Ctx) => boolean | string
  readonly exitChoice?: (ctx: Ctx) => string
}

/** The child's initial state as its frozen copy (never the app's own object). */
const childStateOf = (child: WorkflowDefinition): State => compile(child).state as State

const inlineFlow = (steps: Record<string, AnyStep>, id: string, step: FlowStepDef<any>, rename: (to: string) => string) => {
  const child = expand(step.flow)
  const key = step.key ?? id
  const initial = childStateOf(child)
  const scope = scoped([
    {
      key,
      // Without `in`, every instance starts from the one frozen initial state: nothing to copy.
      base: step.in
        ? (outer) => {
            const mapped = step.in?.({ state: outer, step: id })
            return { ...initial, ...(isPlainObject(mapped) ? toPlain(mapped, 'what `in` returned', id) : {}) }
          }
        : () => initial,
    },
  ])
  const parent = renamed(step as unknown as AnyStep, rename)
  const exit: Exit = step.final ? { final: true } : { next: parent.next, targets: parent.targets }
  inlineChild(steps, {
    prefix: `${id}.`,
    child,
    scope,
    group: { step: id, kind: 'flow', title: step.title ?? id, flow: child.id, key, local: '' },
    exit,
    skipAll: step.skip,
    exitChoice: step.final ? undefined : (ctx) => choose(id, parent.next, parent.targets, ctx),
  })
}

const NO_ITEMS: readonly State[] = Object.freeze([])

const itemsOf = (state: State, key: string): readonly State[] => {
  const items = state[key]
  return Array.isArray(items) ? (items as State[]) : []
}

/** A repeat summary's action: refuses an add past `max`, going on below `min`, an item that is not there; does a remove. */
const repeatCheck = (id: string, title: string, key: string, min: number, max: number): Action<any, string, RepeatInput | undefined> => {
  const refuse = (message: string) => {
    throw new WorkflowError('REPEAT_LIMIT', process.env.NODE_ENV !== 'production' && message, { category: 'transition', step: id })
  }
  return ({ state, input }) => {
    const items = itemsOf(state, key)
    const action = input?.action ?? 'continue'
    if (action === 'add' && items.length >= max)
      refuse(`'${title}' has ${items.length} items, the most it takes (repeat.max ${max}); remove one before adding another.`)
    if (action === 'continue' && items.length < min)
      refuse(`'${title}' needs at least ${min} item${min === 1 ? '' : 's'} (repeat.min); add ${min - items.length} more to go on.`)
    if (action === 'change' || action === 'remove') {
      const { item } = input as { item: number }
      if (!(item >= 0 && item < items.length))
        refuse(`'${title}' has no item ${item} to ${action}; it has ${items.length} (0 to ${items.length - 1}).`)
      if (action === 'remove') return { [key]: Object.freeze(items.filter((_, i) => i !== item)) }
    }
    return undefined
  }
}

const inlineRepeat = (steps: Record<string, AnyStep>, id: string, step: RepeatStepDef<any>, rename: (to: string) => string) => {
  const child = expand(step.repeat.flow)
  const { max } = step.repeat
  const min = step.repeat.min ?? 0
  const key = step.repeat.key ?? id
  const initial = childStateOf(child)
  const entry = (item: number) => `${id}.${item}.${child.initial}`
  const parent = renamed(step as unknown as AnyStep, rename)
  const exit = (ctx: Ctx) => choose(id, parent.next, parent.targets, { state: ctx.state, step: id })
  const skipAll = step.skip
  const slots: string[][] = []
  const summary = repeatSummary({ key, min, max, flow: child.id, slots, entry, exit }, id)
  const check = repeatCheck(id, step.title ?? id, key, min, max)
  steps[id] = {
    ...(step.title === undefined ? {} : { title: step.title }),
    ...(step.meta === undefined ? {} : { meta: step.meta }),
    validate: summarySchema,
    actions: [check],
    skip: (ctx) => {
      const all = skipAll?.(ctx)
      if (all) return all
      const count = itemsOf(ctx.state, key).length
      return count < min ? `${count} of at least ${min} items so far` : false
    },
    next: (ctx) => {
      const input = ctx.input as RepeatInput | undefined
      const count = itemsOf(ctx.state, key).length
      if (input === undefined) return skipAll?.(ctx) || count >= min ? exit(ctx) : entry(count)
      if (input.action === 'add') return entry(count)
      if (input.action === 'change') return entry(input.item)
      if (input.action === 'remove') return id
      return exit(ctx)
    },
    targets: [...Array.from({ length: max }, (_, i) => entry(i)), id, ...(parent.targets ?? edgeTargets(parent.next))],
    summary,
  }
  for (let item = 0; item < max; item++) {
    const scope = scoped([
      { key, base: () => NO_ITEMS },
      { key: item, base: () => initial },
    ])
    const group: StepGroup = { step: id, kind: 'repeat', title: step.title ?? id, flow: child.id, key, local: '', item }
    slots.push(inlineChild(steps, { prefix: `${id}.${item}.`, child, scope, group, exit: { next: id } }))
  }
}

/**
 * A wrapper that keeps the marks tools put on the function it wraps (symbol-keyed properties, such as
 * the condition a flow file wrote), so diagrams and analysis still read a child's guards.
 */
const marked = <F extends (...args: never[]) => unknown>(wrapper: F, original: unknown): F => {
  if (typeof original !== 'function') return wrapper
  for (const key of Object.getOwnPropertySymbols(original)) {
    Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(original, key) as PropertyDescriptor)
  }
  return wrapper
}

/** The fixed targets of a `next` (string or guarded list), for a summary's `targets`. */
const edgeTargets = (next: AnyStep['next']): string[] =>
  typeof next === 'string' ? [next] : Array.isArray(next) ? next.map((c: { to: string }) => c.to) : []

/** Adds the child's steps to `steps` under `prefix`, wrapped to see and change the child's data; returns their ids. */
const inlineChild = (steps: Record<string, AnyStep>, inline: Inline): string[] => {
  const { prefix, child } = inline
  const ids: string[] = []
  for (const [local, d] of Object.entries(child.steps as Record<string, AnyStep>)) {
    const id = prefix + local
    steps[id] = wrap(id, local, d, inline, local === child.initial)
    ids.push(id)
  }
  return ids
}

/** What a child's step keeps as it is. Its actions too: the runtime gives them the child's data and merges their patch there. */
const kept = (d: AnyStep, groups: readonly StepGroup[]): Record<string, unknown> => {
  const step: Record<string, unknown> = { groups }
  if (d.title !== undefined) step.title = d.title
  if (d.meta !== undefined) step.meta = d.meta
  if (d.validate !== undefined) step.validate = d.validate
  if (d.actions !== undefined) step.actions = d.actions
  return step
}

const wrap = (id: string, local: string, d: AnyStep, inline: Inline, isEntry: boolean): AnyStep => {
  const { prefix, scope, exit, skipAll, exitChoice } = inline
  const inner = (ctx: Ctx): Ctx => ({ ...ctx, state: scope.view(ctx.state as object), step: local })
  const add = (to: string) => prefix + to
  const ends = Boolean(d.final)
  const groups = [{ ...inline.group, local }, ...(d.groups ?? []).map((g) => ({ ...g, step: prefix + g.step }))]
  const step = kept(d, groups)
  // Where its actions look and its patch goes: the child's data, or deeper (`d.scope`; the child's guards already look there).
  const place = d.scope ? scoped([...scope.scope, ...d.scope]) : scope
  Object.assign(step, place)
  const ownSkip = d.skip
  if (ownSkip || (isEntry && skipAll)) {
    step.skip = marked(
      (ctx: Ctx) => (isEntry && skipAll?.(ctx)) || (ownSkip ? ownSkip(inner(ctx)) : false),
      isEntry && skipAll ? undefined : ownSkip,
    )
  }
  let next: AnyStep['next']
  let targets: readonly string[] | undefined
  if (ends) {
    if ('final' in exit) step.final = true
    else {
      next = exit.next
      targets = exit.targets
    }
  } else if (typeof d.next === 'string') next = add(d.next)
  else if (Array.isArray(d.next)) {
    next = d.next.map((c) => ({
      ...c,
      to: add(c.to),
      ...(c.when ? { when: marked((ctx: Ctx) => (c.when as (x: Ctx) => boolean)(inner(ctx)), c.when) } : {}),
    }))
  } else if (typeof d.next === 'function') {
    const fn = d.next
    next = marked((ctx: Ctx) => {
      const to = fn(inner(ctx))
      return to === undefined ? undefined : add(to)
    }, fn)
    targets = d.targets?.map(add)
  }
  if (isEntry && skipAll && exitChoice && next !== undefined) {
    // The whole group passed over: its first step is skipped and leads straight past the group.
    const inside = next
    const ownTargets = targets ?? edgeTargets(inside)
    next = (ctx: Ctx) => (skipAll(ctx) ? exitChoice(ctx) : choose(id, inside, ownTargets, ctx))
    targets = [
      ...new Set([
        ...ownTargets,
        ...((exit as { targets?: readonly string[] }).targets ?? edgeTargets((exit as { next: AnyStep['next'] }).next)),
      ]),
    ]
  }
  if (next !== undefined) step.next = next
  if (targets !== undefined) step.targets = targets
  if (d.summary) step.summary = prefixed(d.summary, id, prefix, scope, place)
  return step as AnyStep
}

/** A nested repeat's summary at step `id`, seen from the parent: its items are in the data the step sees (`place`). */
const prefixed = (s: RepeatSummary, id: string, prefix: string, scope: Scope, place: Scope): RepeatSummary =>
  repeatSummary(
    {
      ...s,
      slots: s.slots.map((slot) => slot.map((step) => prefix + step)),
      entry: (item) => prefix + s.entry(item),
      exit: (ctx) => prefix + s.exit({ ...ctx, state: scope.view(ctx.state as object) }),
    },
    id,
    place.view,
  )
