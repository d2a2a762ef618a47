import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FlowFileSchema, flowJsonSchema } from '../src/index'
import { example } from './fixtures/files'

describe('the published JSON Schema', () => {
  it('is the committed file, generated from the loader schemas (run `npm run schema -w @flowkit/tools` after changing them)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/flowkit.schema.json', import.meta.url), 'utf8'))
    expect(committed).toEqual(flowJsonSchema())
  })

  it('describes conditions recursively and refuses unknown keys, as the loader does', () => {
    const schema = flowJsonSchema() as { $defs: Record<string, { anyOf?: unknown[]; additionalProperties?: unknown }> }
    expect(schema.$defs.Condition?.anyOf).toHaveLength(5)
    expect(schema.$defs.Step?.additionalProperties).toBe(false)
  })

  it('accepts the example files, which point at it with $schema', () => {
    for (const name of ['checkout', 'enrollment'] as const) {
      const file = JSON.parse(example(name))
      expect(file.$schema).toBe('../schema/flowkit.schema.json')
      expect(FlowFileSchema.safeParse(file).success).toBe(true)
    }
  })
})
