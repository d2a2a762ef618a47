// A TypeScript file for a consumer app: it imports every entry point and does not compile when an export's type
// is `any` (what users get when a package's .d.ts files do not resolve), and it uses the engine's types once.
const HEADER = `type AnyKeys<M> = { [K in keyof M]-?: 0 extends 1 & M[K] ? K : never }[keyof M]
/** Fails with the names of the exports typed \`any\`. */
type NoAnyExports<K extends never> = K
`

const TYPED_USE = `import { createWorkflow, defineWorkflow } from '@flowkit/core'

const flow = createWorkflow(
  defineWorkflow({ id: 'typed', initial: 'one', state: { count: 0 }, steps: { one: { next: 'two' }, two: { final: true } } }),
)
// @ts-expect-error an unknown step id is a compile error
flow.goTo('three')
export const count: number = flow.getSnapshot().state.count
`

/** The probe's source for these entry points (JSON entries are left out). */
export function typesProbe(entries) {
  const modules = entries.filter((entry) => !entry.endsWith('.json'))
  const checks = modules.map(
    (entry, i) => `import * as entry${i} from '${entry}'\nexport type Entry${i} = NoAnyExports<AnyKeys<typeof entry${i}>>`,
  )
  return [HEADER, ...checks, TYPED_USE].join('\n')
}

/** A strict tsconfig for the probe with this module resolution ('bundler' or 'nodenext'). */
export function probeConfig(resolution) {
  const module = resolution === 'bundler' ? 'preserve' : 'nodenext'
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: 'es2022',
    lib: ['es2023', 'dom'],
    types: ['node'],
    jsx: 'react-jsx',
    module,
    moduleResolution: resolution,
  }
  return { compilerOptions, files: ['typesProbe.ts'] }
}
