/**
 * `npm run size`: min+gzip bytes of what a consumer's bundler ships for each scenario in
 * `scripts/size/*.entry.ts`, built from the packages' *built* output (run `npm run build` first;
 * this script does it when dist is missing). React and react-dom stay external.
 * A scenario may declare `// @size-budget BYTES` and `// @size-title TEXT`; over budget fails.
 * `// @size-goal BYTES` is a target not yet met: printed with the ratio, it does not fail.
 */
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
if (!existsSync(join(root, 'packages/core/dist/index.js'))) execSync('npm run build', { cwd: root, stdio: 'inherit' })

const dir = join(root, 'scripts/size')
const rows: Record<string, string | number>[] = []
let over = false
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.entry.ts'))
  .sort()) {
  const source = readFileSync(join(dir, file), 'utf8')
  const budget = Number(/@size-budget (\d+)/.exec(source)?.[1] ?? Number.NaN)
  const title = /@size-title (.+)/.exec(source)?.[1] ?? file
  const goal = Number(/@size-goal (\d+)/.exec(source)?.[1] ?? Number.NaN)
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      // An app build (not library mode), so whitespace and names are minified as a consumer's bundler does.
      rolldownOptions: { input: join(dir, file), external: [/^react($|\/)/, /^react-dom($|\/)/] },
    },
  })
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []))
  const code = chunks.map((c) => ('code' in c ? c.code : '')).join('\n')
  const gzip = gzipSync(code, { level: 9 }).length
  const ok = Number.isNaN(budget) || gzip <= budget
  over ||= !ok
  rows.push({
    scenario: title,
    'min (B)': code.length,
    'min+gzip (B)': gzip,
    budget: Number.isNaN(budget) ? '—' : budget,
    // The goal the kernel issue sets, where it is stricter than today's budget: the gap is printed every run.
    goal: Number.isNaN(goal) ? '—' : `${goal}${gzip <= goal ? ' (met)' : ` (${(gzip / goal).toFixed(2)}×)`}`,
    ok: ok ? 'yes' : 'OVER',
  })
}
console.table(rows)
if (over) {
  console.error('A scenario is over its size budget.')
  process.exit(1)
}
