/**
 * Builds the site unless `doc_build` is newer than everything it is built from, so `npm run test:browser`
 * tests what the sources say, and CI (which builds the site in its own step first) builds it once.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const app = join(import.meta.dirname, '..')
const repo = join(app, '../..')
const generated = /docs\/reference\/(api\/|errors\.md|flow-file\.md)/

const newest = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !join(e.parentPath, e.name).match(generated) && !e.parentPath.includes('node_modules'))
    .reduce((latest, e) => Math.max(latest, statSync(join(e.parentPath, e.name)).mtimeMs), 0)

const sources = [join(app, 'docs'), join(app, 'src'), ...['core', 'react', 'tools', 'server'].map((p) => join(repo, 'packages', p, 'src'))]
const built = join(app, 'doc_build', 'index.html')
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
const changedAt = Math.max(statSync(join(app, 'rspress.config.ts')).mtimeMs, ...sources.map(newest))

if (changedAt > builtAt) execFileSync('npm', ['run', 'build'], { cwd: app, stdio: 'inherit' })
else console.log('docs: doc_build is up to date with its sources; not rebuilding')
