import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeWorkflow } from '../src/analyze/index'
import { toMermaid } from '../src/diagram/index'
import { checkWorkflow } from '../src/index'

/** File i includes the files `includes[i]`, each used by one step (a sub-flow, or a repeat for odd ids). */
const fileText = (i: number, includes: readonly number[]) => {
  const uses = [...new Set(includes)]
  const ids = [...uses.map((j) => `u${j}`), 'end']
  const steps = uses.map((j, k) =>
    j % 2 === 0 ? `  u${j}: { flow: f${j}, next: ${ids[k + 1]} }` : `  u${j}: { repeat: { flow: f${j}, max: 2 }, next: ${ids[k + 1]} }`,
  )
  const flows = uses.length === 0 ? '' : `flows: { ${uses.map((j) => `f${j}: ./f${j}.flow.yaml`).join(', ')} }\n`
  return `id: f${i}\ninitial: ${ids[0]}\n${flows}steps:\n${[...steps, '  end: { final: true }'].join('\n')}\n`
}

/** Whether a file reachable from file 0 includes itself, by a depth-first search of the include graph. */
const hasCycle = (includes: readonly (readonly number[])[]) => {
  const state = new Map<number, 'open' | 'done'>()
  const visit = (i: number): boolean => {
    if (state.get(i) === 'open') return true
    if (state.get(i) === 'done') return false
    state.set(i, 'open')
    const found = (includes[i] ?? []).some(visit)
    state.set(i, 'done')
    return found
  }
  return visit(0)
}

describe('webs of flow files that include each other', () => {
  it('load when no file includes itself, report RECURSIVE_SUBFLOW when one does, never throw, and read each file once', () => {
    const web = fc
      .integer({ min: 1, max: 5 })
      .chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }))
    fc.assert(
      fc.property(web, (includes) => {
        const files = new Map(includes.map((inc, i) => [`flows/f${i}.flow.yaml`, fileText(i, inc)]))
        const reads: string[] = []
        const readFile = (path: string) => {
          reads.push(path)
          return files.get(path) ?? ''
        }
        const root = files.get('flows/f0.flow.yaml') as string
        const { definition, problems } = checkWorkflow(root, { path: 'flows/f0.flow.yaml', readFile })
        expect(new Set(reads).size).toBe(reads.length)
        if (hasCycle(includes)) {
          expect(definition).toBeUndefined()
          expect(problems.map((p) => p.code)).toContain('RECURSIVE_SUBFLOW')
          expect(problems.every((p) => p.code === 'RECURSIVE_SUBFLOW')).toBe(true)
        } else {
          expect(problems).toEqual([])
          expect(analyzeWorkflow(definition as never).filter((f) => f.severity === 'error')).toEqual([])
          expect(toMermaid(definition as never)).toMatch(/^flowchart TD\n/)
        }
      }),
      { numRuns: 150 },
    )
  })
})
