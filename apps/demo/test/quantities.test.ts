import { createWorkflow } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { checkout } from '../src/flows/checkout'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const basket = async (quantities: Record<string, unknown>) => {
  const flow = createWorkflow(checkout)
  const snapshot = await flow.next({ quantities, promo: '' })
  return { flow, snapshot }
}

beforeEach(() => {
  setServiceLatency(1)
  setFailNext('promo', false)
})

describe('basket quantities', () => {
  it.each(['1e3', '2.5', '-3', 'two', '0x2', ' 1 2 ', 'Infinity'])('refuses "%s" with a message instead of rewriting it', async (typed) => {
    const { snapshot } = await basket({ hoodie: typed, stickers: 1 })
    expect(snapshot.step).toBe('cart')
    expect(snapshot.state.cart).toBeNull()
    expect(snapshot.issues).toEqual({ 'quantities.hoodie': ['Enter a whole number from 0 to 10, like 2'] })
  })

  it.each([2.5, -3, 1000])('refuses the number %s as well', async (n) => {
    const { snapshot } = await basket({ hoodie: n, stickers: 1 })
    expect(snapshot.step).toBe('cart')
    expect(snapshot.issues['quantities.hoodie']).toHaveLength(1)
  })

  it('refuses more than 10 of an item, saying the limit', async () => {
    const { snapshot } = await basket({ hoodie: '11' })
    expect(snapshot.issues).toEqual({ 'quantities.hoodie': ['You can buy at most 10 of each item'] })
  })

  it('takes whole numbers as typed or stepped, from 0 to 10, and an emptied field as none', async () => {
    const { snapshot } = await basket({ hoodie: ' 10 ', stickers: 2, license: '', course: '0' })
    expect(snapshot.issues).toEqual({})
    expect(snapshot.state.cart?.lines).toEqual([
      { product: 'hoodie', quantity: 10 },
      { product: 'stickers', quantity: 2 },
    ])
  })

  it('still asks for at least one item when every quantity is 0 or empty', async () => {
    const { snapshot } = await basket({ hoodie: '', stickers: 0 })
    expect(snapshot.issues).toEqual({ quantities: ['Add at least one item to your basket'] })
  })
})
