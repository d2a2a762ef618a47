import { createWorkflow } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { compileFields, fieldsOf, loadWorkflow } from '../src/index'

const messages = (schema: ReturnType<typeof compileFields>, value: unknown) => {
  const result = schema['~standard'].validate(value) as { issues?: { message: string; path: string[] }[] }
  return result.issues?.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []
}

describe('field validation', () => {
  it('implements Standard Schema v1', () => {
    const schema = compileFields({ email: { type: 'string', required: true } })
    expect(schema['~standard'].version).toBe(1)
    expect(schema['~standard'].vendor).toBe('flowkit')
    expect(schema['~standard'].validate({ email: 'a@b.co' })).toEqual({ value: { email: 'a@b.co' } })
    expect(fieldsOf(schema)).toEqual({ email: { type: 'string', required: true } })
  })

  it('reports each rule with its message and path', () => {
    const schema = compileFields({
      name: { required: true },
      age: { type: 'integer', min: 18, max: 130 },
      code: { type: 'string', pattern: '[0-9]{5}' },
      nick: { type: 'string', minLength: 2, maxLength: 4 },
      plan: { enum: ['single', 'family'] },
      email: { type: 'string', format: 'email' },
      tags: { type: 'array', minLength: 1 },
    })
    expect(messages(schema, { age: 1.5, code: '1234', nick: 'abcde', plan: 'x', email: 'no', tags: [] })).toEqual([
      'name: is required',
      'age: must be an integer',
      'code: has the wrong format',
      'nick: must have at most 4 characters',
      'plan: must be one of: "single", "family"',
      'email: must be an email address',
      'tags: must have at least 1 items',
    ])
    expect(messages(schema, { name: 'A', age: 12, nick: 'a' })).toEqual([
      'age: must be at least 18',
      'nick: must have at least 2 characters',
    ])
    expect(messages(schema, { name: 'A', age: 200 })).toEqual(['age: must be at most 130'])
  })

  it('matches patterns against the whole string', () => {
    const schema = compileFields({ zip: { pattern: '[0-9]{5}' } })
    expect(messages(schema, { zip: 'x12345x' })).toEqual(['zip: has the wrong format'])
    expect(messages(schema, { zip: '12345' })).toEqual([])
  })

  it('uses the rule message instead of the defaults', () => {
    expect(messages(compileFields({ zip: { required: true, message: 'enter a postal code' } }), {})).toEqual(['zip: enter a postal code'])
  })

  it('checks dotted fields inside nested objects', () => {
    expect(messages(compileFields({ 'address.zip': { required: true } }), { address: {} })).toEqual(['address.zip: is required'])
  })

  it('refuses input that is not an object', () => {
    expect(messages(compileFields({}), 'text')).toEqual([': expected an object of fields, e.g. { "email": "ada@example.com" }'])
  })

  it('puts issues on the snapshot by field and keeps the state when input is bad', async () => {
    const flow = createWorkflow(
      loadWorkflow({
        id: 'a',
        initial: 'x',
        state: { email: '' },
        steps: { x: { fields: { email: { type: 'string', required: true, format: 'email' } }, next: 'y' }, y: { final: true } },
      }),
    )
    await flow.next({ email: 'nope' })
    expect(flow.getSnapshot().issues).toEqual({ email: ['must be an email address'] })
    expect(flow.getSnapshot().state).toEqual({ email: '' })
    expect(flow.getSnapshot().step).toBe('x')
    await flow.next({ email: 'ada@example.com' })
    expect(flow.getSnapshot().step).toBe('y')
    expect(flow.getSnapshot().state).toEqual({ email: 'ada@example.com' })
  })

  it('takes a number or an integer as the string an HTML input sends, and passes the number on', () => {
    const schema = compileFields({ rating: { type: 'integer', min: 1, max: 5 }, 'pet.weight': { type: 'number' } })
    const input = Object.freeze({ rating: '4', pet: Object.freeze({ weight: ' -1.5 ' }), note: 'kept' })
    expect(schema['~standard'].validate(input)).toEqual({ value: { rating: 4, pet: { weight: -1.5 }, note: 'kept' } })
    expect(input).toEqual({ rating: '4', pet: { weight: ' -1.5 ' }, note: 'kept' })
    expect(messages(schema, { rating: '9' })).toEqual(['rating: must be at most 5'])
    expect(messages(schema, { rating: '2.5', pet: { weight: '0x10' } })).toEqual([
      'rating: must be an integer',
      'pet.weight: must be a number',
    ])
    expect(messages(schema, { rating: 'abc' })).toEqual(['rating: must be an integer'])
  })

  it('treats a blank numeric input as no value: left out, or refused with the message when required', () => {
    expect(compileFields({ rating: { type: 'integer' } })['~standard'].validate({ rating: '', other: 1 })).toEqual({ value: { other: 1 } })
    const required = compileFields({ rating: { type: 'integer', required: true, min: 1, message: 'Choose a rating from 1 to 5' } })
    expect(messages(required, { rating: '' })).toEqual(['rating: Choose a rating from 1 to 5'])
    expect(messages(required, { rating: ' ' })).toEqual(['rating: Choose a rating from 1 to 5'])
    expect(messages(required, { rating: 'abc' })).toEqual(['rating: Choose a rating from 1 to 5'])
    expect(messages(required, { rating: '3' })).toEqual([])
  })

  it('stores the number a YAML `type: integer` field was sent as text', async () => {
    const flow = createWorkflow(
      loadWorkflow(
        [
          'id: feedback',
          'initial: rate',
          'state: {}',
          'steps:',
          '  rate:',
          '    fields: { rating: { type: integer, min: 1, max: 5 } }',
          '    next: thanks',
          '  thanks: { final: true }',
        ].join('\n'),
      ),
    )
    await flow.next({ rating: 'five' })
    expect(flow.getSnapshot().issues).toEqual({ rating: ['must be an integer'] })
    await flow.next({ rating: '5' })
    expect(flow.getSnapshot().step).toBe('thanks')
    expect(flow.getSnapshot().state).toEqual({ rating: 5 })
  })
})
