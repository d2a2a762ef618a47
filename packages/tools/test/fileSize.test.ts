import { isWorkflowError } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { checkWorkflow, loadWorkflow } from '../src/index'

const fileWith = (keys: number, key = (i: number) => `key${i}`) => {
  const state: Record<string, number> = {}
  for (let i = 0; i < keys; i++) state[key(i)] = i
  return JSON.stringify({ id: 'big', initial: 'a', state, steps: { a: { final: true } } })
}

const timed = <T>(run: () => T) => {
  const start = performance.now()
  const value = run()
  return { value, ms: performance.now() - start }
}

describe('the size of flow files', () => {
  it('refuses text over 1 MiB by default, unread, saying how big it is and how to raise the limit', () => {
    const { value, ms } = timed(() => checkWorkflow(`{"id":"a",${' '.repeat(1024 * 1024)}}`))
    expect(value.definition).toBeUndefined()
    expect(value.problems).toEqual([
      {
        code: 'TOO_LARGE',
        pointer: '',
        message: 'the file is 1,048,587 bytes or more; the limit is 1,048,576 bytes.',
        hint: expect.stringContaining('maxBytes option'),
      },
    ])
    expect(ms).toBeLessThan(1000)
  })

  it('counts UTF-8 bytes, not characters', () => {
    const text = `{"id":"a","state":{"name":"${'é'.repeat(300)}"},"initial":"a","steps":{"a":{"final":true}}}`
    expect(checkWorkflow(text, { maxBytes: 600 }).problems[0]).toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/^the file is 6\d\d bytes/),
    })
    expect(checkWorkflow(text, { maxBytes: 700 }).problems).toEqual([])
  })

  it('takes a larger limit through maxBytes, in checkWorkflow and loadWorkflow', () => {
    const big = JSON.stringify({ id: 'big', initial: 'a', state: { blob: 'x'.repeat(1_100_000) }, steps: { a: { final: true } } })
    expect(checkWorkflow(big).problems.map((p) => p.code)).toEqual(['TOO_LARGE'])
    expect(checkWorkflow(big, { maxBytes: 4 * 1024 * 1024 }).problems).toEqual([])
    expect(loadWorkflow(big, {}, { maxBytes: 4 * 1024 * 1024 }).state).toEqual({ blob: 'x'.repeat(1_100_000) })
    try {
      loadWorkflow(big)
      expect.unreachable('a file over the limit loaded')
    } catch (error) {
      expect(isWorkflowError(error) && error.code).toBe('INVALID_DEFINITION')
      expect((error as Error).message).toContain('limit is 1,048,576 bytes')
      expect((error as { details: { problems: { code: string }[] } }).details.problems[0]?.code).toBe('TOO_LARGE')
    }
  })

  it.each([0, -1, Number.NaN, '1MB'])('refuses maxBytes %s as a mistake in the options', (maxBytes) => {
    expect(() => checkWorkflow('{}', { maxBytes: maxBytes as number })).toThrow(/maxBytes must be a positive number of bytes/)
    expect(() => checkWorkflow('{}', { maxBytes: maxBytes as number })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', category: 'usage', details: expect.objectContaining({ option: 'maxBytes' }) }),
    )
  })

  it('loads a map of 50,000 keys in time linear in its size (the parser alone took 50 s)', () => {
    const { value, ms } = timed(() => checkWorkflow(fileWith(50_000), { maxBytes: Number.POSITIVE_INFINITY }))
    expect(value.problems).toEqual([])
    expect(Object.keys(value.definition?.state ?? {})).toHaveLength(50_000)
    expect(ms).toBeLessThan(20_000)
  })

  it('locates every problem of a big map without searching the map once per problem', () => {
    const { value, ms } = timed(() =>
      checkWorkflow(
        fileWith(20_000, (i) => `${i}th`),
        { maxBytes: Number.POSITIVE_INFINITY },
      ),
    )
    expect(value.problems).toHaveLength(20_000)
    expect(value.problems[19_999]).toMatchObject({ code: 'INVALID_VALUE', pointer: '/state/19999th', line: 1 })
    expect(ms).toBeLessThan(20_000)
  })
})

describe('duplicate keys', () => {
  it('are reported with a pointer to the repeat, its line, and the line of the first', () => {
    const yaml = 'id: a\ninitial: x\nsteps:\n  x:\n    title: X\n    final: true\n    title: Again\n'
    expect(checkWorkflow(yaml).problems).toEqual([
      {
        code: 'PARSE_ERROR',
        pointer: '/steps/x/title',
        message: "the key 'title' appears twice in one map (first at line 5); map keys must be unique.",
        hint: 'Remove one of them, or merge their contents.',
        line: 7,
        column: 5,
      },
    ])
  })

  it('are found in JSON, in lists of maps, and beside the same key of another map', () => {
    const json =
      '{"id":"a","initial":"x","steps":{"x":{"next":[{"to":"y","to":"z"}]},"y":{"final":true},"z":{"final":true}},"state":{"to":1}}'
    expect(checkWorkflow(json).problems).toMatchObject([{ code: 'PARSE_ERROR', pointer: '/steps/x/next/0/to', line: 1, column: 57 }])
  })

  it('are reported twenty at most, quickly, however many there are', () => {
    const text = `{"id":"a","initial":"a","steps":{"a":{"final":true}},"state":{${Array.from({ length: 20_000 }, () => '"k":1').join(',')}}}`
    const { value, ms } = timed(() => checkWorkflow(text))
    expect(value.problems).toHaveLength(20)
    expect(value.problems.every((p) => p.pointer === '/state/k')).toBe(true)
    expect(ms).toBeLessThan(20_000)
  })
})
