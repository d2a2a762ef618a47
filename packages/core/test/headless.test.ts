import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test, vi } from 'vitest'

// If anything in the core imported React or touched the DOM, these would fail.
vi.mock('react', () => {
  throw new Error('@flowkit/core imported react')
})
vi.mock('react-dom', () => {
  throw new Error('@flowkit/core imported react-dom')
})

describe('the core is headless', () => {
  test('runs a whole flow with no React and no DOM', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
    const { createWorkflow, defineWorkflow } = await import('@flowkit/core')
    const { memoryStorage, persist } = await import('@flowkit/core/persist')
    const flow = defineWorkflow({ id: 'h', initial: 'a', state: { n: 0 }, steps: { a: { next: 'b' }, b: { final: true } } })
    const workflow = createWorkflow(flow, { persist: persist({ key: 'h', storage: memoryStorage() }) })
    expect((await workflow.run({ a: { n: 1 } })).state).toEqual({ n: 1 })
  })

  test('no source file of the core imports react or anything but zustand and Standard Schema types', () => {
    const src = join(import.meta.dirname, '../src')
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    const external = new Set<string>()
    for (const file of files) {
      for (const [, spec] of readFileSync(join(src, file), 'utf8').matchAll(/^(?:import|export) .* from '([^.][^']*)'$/gm))
        external.add(spec as string)
    }
    expect([...external].sort()).toEqual(['@standard-schema/spec', 'zustand/middleware', 'zustand/vanilla'])
  })
})
