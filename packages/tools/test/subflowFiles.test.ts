import { createWorkflow, defineWorkflow, isWorkflowError } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { checkWorkflow, FlowFileSchema, loadWorkflow } from '../src/index'

const address = `id: address
initial: street
state: { country: GB }
steps:
  street: { title: Street, fields: { street: { type: string, required: true } }, next: city }
  city: { title: City, fields: { city: { type: string, required: true } }, final: true }
`

const checkout = `id: checkout
initial: shipping
flows: { address: ./parts/address.flow.yaml }
state: { same: true }
steps:
  shipping: { title: Delivery address, flow: address, next: same }
  same: { fields: { same: { type: boolean, required: true } }, next: billing }
  billing: { title: Billing address, flow: address, skip: { field: same, eq: true }, next: dependants }
  dependants: { title: Dependants, repeat: { flow: address, max: 3, key: people }, next: pay }
  pay: { final: true }
`

/** A folder of flow files in memory, read the way the CLI reads the disk. */
const folder = (files: Record<string, string>) => {
  const reads: string[] = []
  const readFile = (path: string) => {
    reads.push(path)
    if (!Object.hasOwn(files, path)) throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' })
    return files[path] as string
  }
  return { readFile, reads }
}

const base = { 'flows/checkout.flow.yaml': checkout, 'flows/parts/address.flow.yaml': address }
const check = (text: string, files: Record<string, string> = base) =>
  checkWorkflow(text, { path: 'flows/checkout.flow.yaml', readFile: folder(files).readFile })

describe('flow files with sub-flows and repeats', () => {
  it('loads a sub-flow from another file, once for its two uses, and runs it with scoped data and items', async () => {
    const { readFile, reads } = folder(base)
    const definition = loadWorkflow(checkout, {}, { path: 'flows/checkout.flow.yaml', readFile })
    expect(reads).toEqual(['flows/parts/address.flow.yaml'])
    expect(check(checkout).subflows).toEqual([
      { file: 'flows/parts/address.flow.yaml', definition: expect.objectContaining({ id: 'address' }) },
    ])
    expect(Object.keys(definition.steps)).toEqual([
      'shipping.street',
      'shipping.city',
      'same',
      'billing.street',
      'billing.city',
      'dependants',
      ...[0, 1, 2].flatMap((i) => [`dependants.${i}.street`, `dependants.${i}.city`]),
      'pay',
    ])
    expect(definition.steps['billing.city']?.groups?.[0]).toMatchObject({ step: 'billing', title: 'Billing address', flow: 'address' })
    const flow = createWorkflow(definition)
    await flow.next({ street: '1 High St' })
    await flow.next({ city: 'Leeds' })
    await flow.next({ same: false })
    await flow.next({ street: '2 Low Rd' })
    const invalid = await flow.next({ city: '' })
    expect(invalid.step).toBe('billing.city')
    expect(Object.keys(invalid.issues)).toEqual(['city'])
    await flow.next({ city: 'York' })
    await flow.next({ action: 'add' })
    await flow.next({ street: '3 Mill Ln' })
    await flow.next({ city: 'Hull' })
    const done = await flow.next({ action: 'continue' })
    expect(done.step).toBe('pay')
    expect(done.state).toMatchObject({
      shipping: { street: '1 High St', city: 'Leeds', country: 'GB' },
      billing: { street: '2 Low Rd', city: 'York', country: 'GB' },
      people: [{ street: '3 Mill Ln', city: 'Hull', country: 'GB' }],
    })
  })

  it('takes a sub-flow from registry.flows when the file has no entry for it', async () => {
    const defined = defineWorkflow({ id: 'address', initial: 'street', state: {}, steps: { street: { final: true } } })
    const text = 'id: order\ninitial: ship\nsteps:\n  ship: { flow: address, next: pay }\n  pay: { final: true }\n'
    const order = loadWorkflow(text, { flows: { address: defined } })
    const flow = createWorkflow(order)
    await flow.next({ street: 'x' })
    expect(flow.getSnapshot()).toMatchObject({ step: 'pay', state: { ship: { street: 'x' } } })
  })

  it('reports an unknown sub-flow id with its position and a did-you-mean', () => {
    const { definition, problems } = check(checkout.replace('flow: address, next: same', 'flow: adress, next: same'))
    expect(definition).toBeUndefined()
    expect(problems).toEqual([
      {
        code: 'INVALID_SUBFLOW',
        pointer: '/steps/shipping/flow',
        message: "step 'shipping' runs sub-flow 'adress', which is neither in this file's `flows` nor in registry.flows.",
        hint: "Did you mean 'address'?",
        line: 6,
        column: 46,
      },
    ])
  })

  it("reports a parent's own mistakes in its own step ids, next to the sub-flow's rules", () => {
    const { problems } = check(checkout.replace('next: same }', 'next: sme }').replace('max: 3,', 'max: 3000,'))
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['UNKNOWN_STEP', '/steps/shipping/next'],
      ['INVALID_REPEAT', '/steps/dependants/repeat/max'],
    ])
    expect(problems[0]?.message).toMatch(/defined steps: shipping, same, billing, dependants, pay\. Did you mean 'same'\?/)
  })

  it("checks repeat bounds and the other rules of composition with core's checks and words", () => {
    const codes = (text: string) => check(text).problems.map((p) => `${p.code} ${p.pointer} ${p.message}`)
    expect(codes(checkout.replace('max: 3,', 'min: 4, max: 3,'))).toEqual([
      "INVALID_REPEAT /steps/dependants/repeat/min step 'dependants' has `repeat.min` 4; use an integer from 0 to max (3).",
    ])
    expect(codes(checkout.replace('max: 3, key: people }, next: pay', 'max: 3, key: people }, final: true'))).toContainEqual(
      expect.stringMatching(/^INVALID_REPEAT \/steps\/dependants\/final step 'dependants' is a repeat and cannot be final/),
    )
    expect(codes(checkout.replace('flow: address, next: same', 'flow: address, fields: { x: { type: string } }, next: same'))).toEqual([
      "INVALID_SUBFLOW /steps/shipping/fields step 'shipping' is a flow step and cannot have `validate`; put it on the steps of 'address'.",
    ])
    expect(codes(checkout)).toEqual([])
    expect(codes(checkout.replace('dependants: { title', 'dependants: { key: people, title'))[0]).toMatch(
      /^INVALID_VALUE \/steps\/dependants\/key .*only a `flow` step uses/,
    )
  })

  it('reports a file that includes itself, directly or through another, naming the chain', () => {
    const loop = { ...base, 'flows/parts/address.flow.yaml': `${address}flows: { back: ../checkout.flow.yaml }\n` }
    const { problems } = check(checkout, loop)
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'RECURSIVE_SUBFLOW',
        file: 'flows/parts/address.flow.yaml',
        pointer: '/flows/back',
        line: 7,
        message:
          "sub-flow 'back' is file 'flows/checkout.flow.yaml', which includes itself: 'flows/checkout.flow.yaml' → 'flows/parts/address.flow.yaml' → 'flows/checkout.flow.yaml', so the flow would never end.",
      }),
    ])
    const itself = checkout.replace('./parts/address.flow.yaml', './checkout.flow.yaml')
    expect(check(itself).problems[0]).toMatchObject({ code: 'RECURSIVE_SUBFLOW', pointer: '/flows/address', line: 3 })
    expect(check(itself).problems[0]?.file).toBeUndefined()
  })

  it("reports a sub-flow file's own problems with its file and line, and the same limits apply to it", () => {
    const broken = { ...base, 'flows/parts/address.flow.yaml': address.replace('next: city', 'next: cty') }
    const [problem] = check(checkout, broken).problems
    expect(problem).toMatchObject({ code: 'UNKNOWN_STEP', file: 'flows/parts/address.flow.yaml', pointer: '/steps/street/next', line: 5 })
    const big = { ...base, 'flows/parts/address.flow.yaml': `${address}# ${'x'.repeat(2000)}\n` }
    const limited = checkWorkflow(checkout, { path: 'flows/checkout.flow.yaml', readFile: folder(big).readFile, maxBytes: 1500 })
    expect(limited.problems).toEqual([expect.objectContaining({ code: 'TOO_LARGE', file: 'flows/parts/address.flow.yaml' })])
  })

  it('says how to read sub-flow files when it cannot, and when a file is missing', () => {
    expect(checkWorkflow(checkout).problems[0]).toMatchObject({
      code: 'INVALID_SUBFLOW',
      pointer: '/flows/address',
      message: "sub-flow 'address' is in file './parts/address.flow.yaml', but no readFile was given to read it.",
    })
    expect(check(checkout, { 'flows/checkout.flow.yaml': checkout }).problems[0]).toMatchObject({
      code: 'INVALID_SUBFLOW',
      message: "sub-flow file 'flows/parts/address.flow.yaml' cannot be read (ENOENT).",
    })
    expect(() => checkWorkflow(checkout, { readFile: 'fs' as never })).toThrow(/readFile must be a function/)
    try {
      loadWorkflow(checkout)
      expect.unreachable()
    } catch (error) {
      expect(isWorkflowError(error) && error.code).toBe('INVALID_DEFINITION')
      expect(isWorkflowError(error) && (error.details.problems as { code: string }[])[0]?.code).toBe('INVALID_SUBFLOW')
    }
  })

  it('the file schema knows flow, repeat and flows, and refuses unknown keys in them', () => {
    expect(FlowFileSchema.safeParse({ id: 'a', initial: 'r', steps: { r: { repeat: { flow: 'x', max: 2 }, next: 'e' } } }).success).toBe(
      true,
    )
    const typo = checkWorkflow({ id: 'a', initial: 'r', steps: { r: { repeat: { flow: 'x', maks: 2 }, next: 'e' }, e: { final: true } } })
    expect(typo.problems.map((p) => `${p.code} ${p.pointer}`)).toContain('UNKNOWN_KEY /steps/r/repeat/maks')
  })
})
