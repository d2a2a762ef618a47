import { createWorkflow, getPersistedSnapshot, isWorkflowError, replay } from '@flowkit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkWorkflow, compileFields, loadWorkflow } from '../src/index'

/** Patterns that backtrack exponentially in JavaScript's RegExp (`(a+)+b`: about 19 s on 29 characters), each with a near miss of 30 or more characters. */
const HOSTILE = [
  ['(a+)+b', `${'a'.repeat(29)}!`],
  ['(a|aa)+b', `${'a'.repeat(44)}!`], // grows as Fibonacci, not 2^n: a longer near miss
  ['(a|a)*b', `${'a'.repeat(29)}!`],
  ['(.*a){12}', `${'a'.repeat(29)}!`],
  ['([a-z]+)*[0-9]', `${'a'.repeat(29)}!`],
  ['(\\w+\\s?)*\\.', `${'a'.repeat(29)}!`],
  ['(x+x+)+y', `${'x'.repeat(29)}!`],
]
/** A bound no linear-time match of these inputs comes near, and a backtracking one exceeds by far. */
const QUICK_MS = 2000

const flowWith = (pattern: string) =>
  loadWorkflow({
    id: 'signup',
    initial: 'code',
    state: {},
    steps: { code: { fields: { code: { type: 'string', pattern } }, next: 'done' }, done: { final: true } },
  })

const timed = async <T>(run: () => Promise<T> | T) => {
  const start = performance.now()
  const value = await run()
  return { value, ms: performance.now() - start }
}

describe('field patterns run in linear time', () => {
  it.each(HOSTILE)('refuses a long near miss of %s quickly, as a field issue', async (pattern, input) => {
    const flow = createWorkflow(flowWith(pattern))
    const { ms } = await timed(() => flow.next({ code: input }))
    expect(flow.getSnapshot().issues).toEqual({ code: ['has the wrong format'] })
    expect(flow.getSnapshot().step).toBe('code')
    expect(ms).toBeLessThan(QUICK_MS)
  })

  it('lets a server replaying a tampered submission refuse the near miss quickly', async () => {
    const definition = flowWith('(a+)+b')
    const flow = createWorkflow(definition)
    await flow.next({ code: 'aaab' })
    expect(flow.getSnapshot().step).toBe('done')
    const persisted = structuredClone(getPersistedSnapshot(flow))
    ;(persisted.path[0] as { input: { code: string } }).input.code = `${'a'.repeat(29)}!`
    const { value: outcome, ms } = await timed(() =>
      Promise.resolve(replay(definition, persisted, { actions: true })).then(
        () => 'accepted',
        (error: unknown) => (isWorkflowError(error) ? error.code : String(error)),
      ),
    )
    expect(outcome).toBe('INVALID_INPUT')
    expect(ms).toBeLessThan(QUICK_MS)
  })

  it('still accepts what the hostile pattern means, on inputs of 100,000 characters', async () => {
    const schema = compileFields({ code: { type: 'string', pattern: '(a+)+b' } })
    const validate = (code: string) => schema['~standard'].validate({ code })
    const { value: miss, ms } = await timed(() => validate(`${'a'.repeat(100_000)}!`))
    expect(miss).toEqual({ issues: [{ message: 'has the wrong format', path: ['code'] }] })
    expect(validate(`${'a'.repeat(100_000)}b`)).toEqual({ value: { code: `${'a'.repeat(100_000)}b` } })
    expect(ms).toBeLessThan(QUICK_MS)
  })

  it('checks the email format in linear time too (the RegExp was quadratic in a run of dots)', async () => {
    const schema = compileFields({ email: { type: 'string', format: 'email' } })
    const { value, ms } = await timed(() => schema['~standard'].validate({ email: `a@${'.'.repeat(100_000)}@` }))
    expect(value).toEqual({ issues: [{ message: 'must be an email address', path: ['email'] }] })
    expect(schema['~standard'].validate({ email: 'ada@example.com' })).toEqual({ value: { email: 'ada@example.com' } })
    expect(schema['~standard'].validate({ email: 'ada\u00a0l@example.com' })).toHaveProperty('issues')
    expect(ms).toBeLessThan(QUICK_MS)
  })

  it('means what the same pattern means to new RegExp(pattern, "u"), whole-string', () => {
    const patterns = [
      '[0-9]{5}',
      '\\d{3}-\\d{4}',
      '[A-Z]{2}\\d{2}[A-Z0-9]{1,30}',
      '\\p{L}+',
      '\\p{Lu}\\p{Ll}*',
      '\\p{Script=Greek}+',
      '(?<year>\\d{4})-(?:0[1-9]|1[0-2])',
      '\\s*\\S+\\s*',
      '[\\s\\S]{2}',
      '[^\\s,]+(,[^\\s,]+)*',
      '.{1,3}',
      'a.b',
      '\\bhi\\b.*',
      '[\\b]?x',
      '\\u00e9|\\u{1F600}',
      '[\\u0041-\\u005A]+',
      '\\w+@\\w+',
      'x|',
      '[^]',
      '\\$\\.\\^',
    ]
    const alphabet = [
      'a',
      'b',
      'x',
      'Z',
      'é',
      'λ',
      'Ω',
      '1',
      '9',
      '-',
      ',',
      '.',
      '@',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '\u0008',
      '😀',
      '$',
      '^',
    ]
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((chars) => chars.join(''))
    for (const pattern of patterns) {
      const native = new RegExp(`^(?:${pattern})$`, 'u')
      const schema = compileFields({ v: { type: 'string', pattern } })
      fc.assert(
        fc.property(text, (value) => {
          if (value === '') return
          const passed = !('issues' in schema['~standard'].validate({ v: value }))
          expect({ pattern, value, passed }).toEqual({ pattern, value, passed: native.test(value) })
        }),
        { numRuns: 300 },
      )
    }
  })

  it.each([
    ['(a)\\1', 'a backreference'],
    ['(?<x>a)\\k<x>', 'a backreference'],
    ['(?=a)a', 'a lookahead or lookbehind'],
    ['(?<!a)b', 'a lookahead or lookbehind'],
  ])('refuses %s at load: it uses %s, which a linear-time engine cannot run', (pattern, what) => {
    const { problems } = checkWorkflow({
      id: 'signup',
      initial: 'code',
      steps: { code: { fields: { code: { pattern } }, next: 'done' }, done: { final: true } },
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'INVALID_VALUE', pointer: '/steps/code/fields/code/pattern' })
    expect(problems[0]?.message).toContain(`it uses ${what}`)
    expect(problems[0]?.message).toContain('linear-time engine (RE2)')
    expect(problems[0]?.message).toContain('write the rule without it')
  })

  it('refuses what RE2 cannot compile, with the reason and a fix', () => {
    expect(() => compileFields({ v: { pattern: 'a{1001}' } })).toThrow(/invalid repeat count.*linear-time engine \(RE2\)/)
    expect(() => compileFields({ v: { pattern: '\\p{Letter}' } })).toThrow(/short name \(\\p\{L\}/)
    expect(() => compileFields({ v: { pattern: '([0-9]' } })).toThrow(SyntaxError)
  })
})
