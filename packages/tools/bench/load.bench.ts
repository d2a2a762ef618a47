/**
 * `npm run bench` (tools part): how loading a flow file grows with the keys of one map (`state`),
 * and how long a hostile field pattern takes on a long input. One run; read the ratios (time per key
 * against the smallest file: about 1 for linear growth, 50 for quadratic), not the absolute numbers.
 */
import { checkWorkflow, compileFields } from '../src/index'

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits })
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

const fileWith = (keys: number) => {
  const state: Record<string, number> = {}
  for (let i = 0; i < keys; i++) state[`key${i}`] = i
  return JSON.stringify({ id: 'big', initial: 'a', state, steps: { a: { final: true } } }, null, 2)
}

const timeLoad = (text: string) => {
  const start = performance.now()
  const { problems } = checkWorkflow(text, { maxBytes: Number.POSITIVE_INFINITY })
  if (problems.length > 0) throw new Error(`the benchmark file has problems: ${problems[0]?.message}`)
  return performance.now() - start
}

for (let i = 0; i < 5; i++) timeLoad(fileWith(1000)) // warm-up: the first runs measure the JIT
const rows = [1_000, 10_000, 50_000].map((keys) => {
  const text = fileWith(keys)
  return { keys, bytes: new TextEncoder().encode(text).byteLength, ms: median([0, 1, 2].map(() => timeLoad(text))) }
})
const base = rows[0] as (typeof rows)[number]
console.log('\nLoading a flow file: one map of n keys (median of 3; 1 MiB default cap lifted)\n')
console.log('| keys | bytes | ms | µs per key | per-key ratio to 1k |')
console.log('|---:|---:|---:|---:|---:|')
for (const row of rows) {
  const perKey = (row.ms * 1000) / row.keys
  const ratio = row.ms / row.keys / (base.ms / base.keys)
  console.log(`| ${fmt(row.keys)} | ${fmt(row.bytes)} | ${fmt(row.ms)} | ${fmt(perKey, 1)} | ${fmt(ratio, 2)} |`)
}
const last = rows.at(-1) as (typeof rows)[number]
console.log(`\n50k keys vs 1k keys: ${fmt(last.keys / base.keys)}× the keys, ${fmt(last.ms / base.ms, 1)}× the time.`)

const hostile = compileFields({ code: { type: 'string', pattern: '(a+)+b' } })
console.log('\nField pattern (a+)+b on "aaa…a!" (native RegExp: about 19 s at 29 characters, doubling per character)\n')
console.log('| input characters | ms |')
console.log('|---:|---:|')
for (const length of [29, 10_000, 100_000]) {
  const start = performance.now()
  const result = hostile['~standard'].validate({ code: `${'a'.repeat(length - 1)}!` })
  const ms = performance.now() - start
  if (!('issues' in result) || !result.issues) throw new Error('the hostile input was accepted')
  console.log(`| ${fmt(length)} | ${fmt(ms, 1)} |`)
}
