import { compile } from '../definition/compile'
import { isPlainObject } from '../plain'
import type { PersistedFrame, PersistedSnapshot, WorkflowDefinition } from '../types'
import { eachDraft } from './drafts'
import type { FlowState, Frame } from './state'

export interface SerializeOptions {
  /**
   * Fields never to store, as dot paths: dropped from inputs, patches and drafts. A path goes through
   * arrays by itself (`'cards.number'` drops the number of every card); `*` matches any one key
   * (`'payments.*.cvc'`).
   * @example
   * { exclude: ['card.number', 'card.cvc', 'dependants.ssn'] }
   */
  readonly exclude?: readonly string[]
  /** The time stored as `savedAt`. */
  readonly at: number
}

/** A JSON-safe snapshot of a state: the completed path with inputs and contributions, drafts and the log. */
export const serialize = (definition: WorkflowDefinition, s: FlowState, { exclude = [], at }: SerializeOptions): PersistedSnapshot => {
  const c = compile(definition)
  const paths = exclude.map((p) => p.split('.'))
  const path: PersistedFrame[] = new Array((s.frame?.depth ?? 0) as number)
  for (let frame: Frame | null = s.frame, i = path.length - 1; frame; frame = frame.prev, i--) {
    path[i] = { step: frame.step, input: omit(frame.input, paths), patch: omit(frame.patch, paths) as PersistedFrame['patch'] }
  }
  const drafts: Record<string, unknown> = {}
  eachDraft(s.drafts, c.shift, (index, draft) => {
    drafts[c.ids[index] as string] = omit(draft, paths)
  })
  const { id, version } = definition
  return {
    workflow: id,
    ...(version === undefined ? {} : { version }),
    path,
    step: s.step,
    done: s.done,
    drafts,
    log: s.log ? s.log.entries() : [],
    savedAt: at,
  }
}

/** A copy of `value` without the fields at the given paths; shares everything it does not change. */
const omit = (value: unknown, paths: readonly string[][]): unknown => {
  let out = value
  for (const path of paths) out = omitPath(out, path, 0)
  return out
}

const omitPath = (value: unknown, keys: readonly string[], i: number): unknown => {
  if (Array.isArray(value)) {
    let changed = false
    const items = value.map((item) => {
      const next = omitPath(item, keys, i)
      changed ||= next !== item
      return next
    })
    return changed ? items : value
  }
  if (!isPlainObject(value) || i >= keys.length) return value
  const key = keys[i] as string
  const names = key === '*' ? Object.keys(value) : Object.hasOwn(value, key) ? [key] : []
  if (names.length === 0) return value
  const copy: Record<string, unknown> = { ...value }
  for (const name of names) {
    if (i === keys.length - 1) delete copy[name]
    else copy[name] = omitPath(value[name], keys, i + 1)
  }
  return copy
}
