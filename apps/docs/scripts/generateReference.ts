/**
 * Writes the generated reference pages before `rspress dev` / `rspress build`:
 * docs/reference/api/*.md (TypeDoc from the TSDoc of every entry point), docs/reference/errors.md
 * (core's error-code union and the table beside this script) and docs/reference/flow-file.md
 * (@flowkit/tools' JSON Schema). They are build output, not committed, so they cannot drift.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { entryPoints } from '../src/reference/entryPoints.ts'
import { generateApi } from '../src/reference/generateApi.ts'
import { renderErrors } from '../src/reference/renderErrors.ts'
import { renderFlowSchema } from '../src/reference/renderFlowSchema.ts'

const repoRoot = join(import.meta.dirname, '../../..')
const reference = join(import.meta.dirname, '../docs/reference')
mkdirSync(reference, { recursive: true })

const started = performance.now()
const entries = entryPoints(repoRoot)
const exports = await generateApi(repoRoot, entries, join(reference, 'api'))
const { codes, markdown } = renderErrors(repoRoot)
writeFileSync(join(reference, 'errors.md'), markdown)
writeFileSync(join(reference, 'flow-file.md'), renderFlowSchema())
const names = [...exports.values()].reduce((n, list) => n + list.length, 0)
console.log(
  `reference: ${entries.length} entry points, ${names} exports, ${codes.length} error codes, flow-file schema (${Math.round(performance.now() - started)} ms)`,
)
