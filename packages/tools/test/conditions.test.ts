import { describe, expect, it } from 'vitest'
import { type Condition, compileCondition, conditionOf, describeCondition, evaluateCondition } from '../src/index'

const holds = (condition: Condition, state: object, guards = {}) => evaluateCondition(condition, { state, step: 's' }, guards)

describe('conditions', () => {
  it('compares a field with eq, ne and in', () => {
    expect(holds({ field: 'plan', eq: 'family' }, { plan: 'family' })).toBe(true)
    expect(holds({ field: 'plan', eq: 'family' }, { plan: 'single' })).toBe(false)
    expect(holds({ field: 'plan', ne: 'family' }, { plan: 'single' })).toBe(true)
    expect(holds({ field: 'country', in: ['DE', 'FR'] }, { country: 'FR' })).toBe(true)
    expect(holds({ field: 'country', in: ['DE', 'FR'] }, { country: 'US' })).toBe(false)
  })

  it('compares numbers with gt, gte, lt and lte, and never holds for a non-number', () => {
    expect(holds({ field: 'age', gt: 17 }, { age: 18 })).toBe(true)
    expect(holds({ field: 'age', gte: 18 }, { age: 18 })).toBe(true)
    expect(holds({ field: 'age', lt: 18 }, { age: 18 })).toBe(false)
    expect(holds({ field: 'age', lte: 18 }, { age: 18 })).toBe(true)
    expect(holds({ field: 'age', gt: 1 }, { age: '20' })).toBe(false)
    expect(holds({ field: 'age', lt: 1 }, {})).toBe(false)
  })

  it('treats undefined, null and the empty string as not set', () => {
    for (const value of [undefined, null, '']) expect(holds({ field: 'coupon', exists: true }, { coupon: value })).toBe(false)
    expect(holds({ field: 'coupon', exists: false }, {})).toBe(true)
    expect(holds({ field: 'coupon', exists: true }, { coupon: 0 })).toBe(true)
  })

  it('combines conditions with all, any and not', () => {
    const adultFamily: Condition = { all: [{ field: 'age', gte: 18 }, { not: { field: 'plan', ne: 'family' } }] }
    expect(holds(adultFamily, { age: 30, plan: 'family' })).toBe(true)
    expect(holds(adultFamily, { age: 10, plan: 'family' })).toBe(false)
    expect(
      holds(
        {
          any: [
            { field: 'a', eq: 1 },
            { field: 'b', eq: 1 },
          ],
        },
        { b: 1 },
      ),
    ).toBe(true)
  })

  it('reads dotted paths into nested objects, own properties only', () => {
    expect(holds({ field: 'address.country', eq: 'DE' }, { address: { country: 'DE' } })).toBe(true)
    expect(holds({ field: 'address.country', exists: true }, { address: null })).toBe(false)
    expect(holds({ field: 'constructor', exists: true }, {})).toBe(false)
    expect(holds({ field: 'plan.length', eq: 6 }, { plan: 'family' })).toBe(false)
  })

  it('treats code-looking values as data, never evaluating them', () => {
    let ran = false
    ;(globalThis as { flowkitPwned?: () => void }).flowkitPwned = () => {
      ran = true
    }
    expect(holds({ field: 'x', eq: 'flowkitPwned()' }, { x: 'flowkitPwned()' })).toBe(true)
    expect(ran).toBe(false)
  })

  it('calls named guards and throws a clear error for a missing one', () => {
    expect(holds({ guard: 'isVip' }, { orders: 9 }, { isVip: ({ state }: { state: { orders: number } }) => state.orders > 5 })).toBe(true)
    expect(() => holds({ guard: 'isVip' }, {})).toThrow(
      "guard 'isVip' is not in the registry passed to loadWorkflow; add it to registry.guards.",
    )
    expect(() => holds({ guard: 'isVip' }, {})).toThrow(expect.objectContaining({ code: 'UNKNOWN_GUARD', category: 'definition' }))
    expect(() => holds({ guard: 'toString' }, {})).toThrow('not in the registry')
  })

  it('describes conditions in words', () => {
    expect(describeCondition({ field: 'plan', eq: 'family' })).toBe('plan is "family"')
    expect(describeCondition({ field: 'c', in: ['DE', 'FR'] })).toBe('c is one of "DE", "FR"')
    expect(describeCondition({ all: [{ field: 'a', gt: 1 }, { any: [{ field: 'b', exists: true }, { guard: 'vip' }] }] })).toBe(
      'a > 1 and (b is set or vip)',
    )
    expect(describeCondition({ not: { field: 'a', lte: 2 } })).toBe('not a ≤ 2')
  })

  it('compiles a condition into a guard that keeps its source', () => {
    const guard = compileCondition({ field: 'plan', eq: 'family' })
    expect(guard({ state: { plan: 'family' }, step: 'x' })).toBe(true)
    expect(conditionOf(guard)).toEqual({ field: 'plan', eq: 'family' })
    expect(conditionOf(() => true)).toBeUndefined()
  })
})
