import type { FlowState } from '../kernel/state'
import { frozen } from '../plain'

/** Paths up to this long are copied into a frozen array at once: the copy costs less than the view. */
const COPY_UP_TO = 64

/**
 * `snapshot.history`, read in O(1) on a path of any length: a read-only array that reports its
 * `length` from the state and copies the path (shared along the run) only when something else of it
 * is read. React reads `history.length` on every move (`canGoBack`, the transition direction), so a
 * 10,000-step flow no longer copies its path on every step. It is an `Array` (`Array.isArray`,
 * spreads, JSON, `includes`), frozen, and refuses writes; `snapshot.toJSON()` holds a plain copy.
 */
export const historyView = (s: FlowState): readonly string[] => {
  const depth = s.frame ? s.frame.depth : 0
  const length = s.done ? depth : depth + 1
  const target: string[] = []
  const fill = () => {
    if (!Object.isFrozen(target)) {
      const line = s.frame?.line
      for (let i = 0; i < depth; i++) target.push(line?.[i] as string)
      if (!s.done) target.push(s.step)
      frozen(target)
    }
    return target
  }
  if (length <= COPY_UP_TO) return fill()
  // Long paths: filled and frozen on the first read other than `length`; every other trap goes to the filled array.
  const traps: ProxyHandler<string[]> = { get: (_, key, receiver) => (key === 'length' ? length : Reflect.get(fill(), key, receiver)) }
  for (const name of Object.getOwnPropertyNames(Reflect) as (keyof typeof Reflect)[])
    (traps as Record<string, unknown>)[name] ??= (_: unknown, ...args: unknown[]) =>
      (Reflect[name] as (...a: unknown[]) => unknown)(fill(), ...args)
  return new Proxy(target, traps)
}
