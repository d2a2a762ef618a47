// Writes schema/flowkit.schema.json from the zod schemas; test/schema.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs'
import { flowJsonSchema } from '../src/format.ts'

const file = new URL('../schema/flowkit.schema.json', import.meta.url)
writeFileSync(file, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`)
console.log(`wrote ${file.pathname}`)
