// `npm run test:pack` (after `npm run build`): the packages as users get them. Every workspace package is packed
// with `npm pack`; the tarballs are installed with a plain `npm install` into fresh apps in the system temp
// directory, outside the workspace (no links, no workspace), and the scripts in scripts/pack-test/app run there
// in plain Node ESM.
import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { importsOf } from './pack-test/importsOf.mjs'
import { probeConfig, typesProbe } from './pack-test/typesProbe.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
const workspace = readJson(join(root, 'package.json'))
const packages = ['core', 'react', 'tools', 'server'].map((dir) => ({
  dir: join(root, 'packages', dir),
  manifest: readJson(join(root, 'packages', dir, 'package.json')),
}))
/** Optional peers that no built file imports at run time (types only, or nothing): not worth installing here. */
const TYPES_ONLY_PEERS = ['@storybook/react', 'next']
/** What a browser app (core, react, the server's client) must never pull in. */
const SERVER_OR_TOOLING = ['better-sqlite3', 'pg', '@hono/node-server', '@dagrejs/dagre', '@flowkit/tools', 'yaml', 'zod']

const work = mkdtempSync(join(tmpdir(), 'flowkit-pack-'))
const tarballs = {}

const run = (command, args, cwd) => {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', timeout: 240_000 })
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim()
    const failed = new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited with ${error.status}:\n${output}`)
    throw Object.assign(failed, { status: error.status, output })
  }
}
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd)
const node = (app, script, ...args) => run(process.execPath, [script, ...args], app).trim()

/** The version range the workspace itself installs (and tests) for a package. */
const rangeOf = (name) => {
  const manifests = [workspace, ...packages.map(({ manifest }) => manifest)]
  const range = manifests.map((m) => m.devDependencies?.[name] ?? m.peerDependencies?.[name]).find(Boolean)
  return `${name}@${range}`
}
/** What a TypeScript app adds to check the packed types: the compiler and the types of the peers it uses. */
const TYPES = ['typescript', '@types/node', '@types/react', '@types/react-dom', '@types/better-sqlite3', '@types/pg']

/** A fresh app with the scripts of scripts/pack-test/app, then `npm install` of `specs`; returns seconds and size. */
const makeApp = (name, specs, flags = []) => {
  const app = join(work, name)
  mkdirSync(app)
  cpSync(join(root, 'scripts/pack-test/app'), app, { recursive: true })
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }))
  const started = performance.now()
  npm(['install', ...flags, ...specs], app)
  const seconds = (performance.now() - started) / 1000
  const size = run('du', ['-sh', 'node_modules'], app).split('\t')[0]
  const lock = readJson(join(app, 'package-lock.json'))
  const links = Object.keys(lock.packages).filter((path) => lock.packages[path].link)
  assert.deepEqual(links, [], `${name}: npm linked packages instead of installing them`)
  return { app, seconds, size, lock }
}

const entriesOf = ({ manifest }) =>
  Object.keys(manifest.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}${key.slice(1)}`))

let full
before(() => {
  for (const { dir, manifest } of packages) {
    assert.ok(existsSync(join(dir, 'dist')), `${manifest.name} has no dist: run \`npm run build\` first`)
  }
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work, ...packages.map((p) => `-w=${p.dir}`)], root))
  for (const { name, filename } of packed) tarballs[name] = join(work, filename)
  const peers = [...new Set(packages.flatMap(({ manifest }) => Object.keys(manifest.peerDependencies ?? {})))]
  const installed = peers.filter((name) => !TYPES_ONLY_PEERS.includes(name))
  // better-sqlite3 at the workspace's own version, its install script skipped and the workspace's native build
  // copied in: compiling SQLite again would take minutes. Every other package installs as it would for a user.
  const sqlite = readJson(join(root, 'node_modules/better-sqlite3/package.json')).version
  const specs = installed.map((name) => (name === 'better-sqlite3' ? `${name}@${sqlite}` : rangeOf(name)))
  full = makeApp('full-app', [...Object.values(tarballs), ...specs, ...TYPES.map(rangeOf)], ['--ignore-scripts'])
  const build = join(root, 'node_modules/better-sqlite3/build')
  if (existsSync(build)) cpSync(build, join(full.app, 'node_modules/better-sqlite3/build'), { recursive: true })
  else npm(['rebuild', 'better-sqlite3'], full.app)
})

after(() => rmSync(work, { recursive: true, force: true }))

test('every import in a packed package is a declared dependency or peer, and every dependency is used', () => {
  for (const { manifest } of packages) {
    const { runtime, types } = importsOf(join(full.app, 'node_modules', manifest.name))
    const deps = Object.keys(manifest.dependencies ?? {})
    const peers = Object.keys(manifest.peerDependencies ?? {})
    const declared = new Set([manifest.name, ...deps, ...peers])
    const undeclared = [...runtime, ...types].filter((name) => !declared.has(name))
    assert.deepEqual([...new Set(undeclared)], [], `${manifest.name} imports packages it does not declare`)
    // Peers may go unimported (react-dom: the renderer must match react); a dependency is installed for every user.
    const unused = deps.filter((name) => !runtime.has(name) && !types.has(name))
    assert.deepEqual(unused, [], `${manifest.name} declares packages none of its files import`)
    for (const name of TYPES_ONLY_PEERS) {
      assert.ok(!runtime.has(name), `${manifest.name} imports ${name} at run time: install it in this test`)
    }
  }
})

test('every entry point of every package loads in plain Node', () => {
  const entries = packages.flatMap(entriesOf)
  console.log(node(full.app, 'everyEntry.mjs', JSON.stringify(entries)))
})

test('a flow runs in plain Node with the installed core', () => {
  console.log(node(full.app, 'driveFlow.mjs'))
})

test('a wizard renders with the installed react bindings and exactly one React', () => {
  const copies = Object.keys(full.lock.packages).filter((path) => /(^|\/)node_modules\/react$/.test(path))
  assert.deepEqual(copies, ['node_modules/react'], 'more than one React is installed')
  console.log(node(full.app, 'renderWizard.mjs'))
})

/** Compiles the types probe with tsc under one module resolution; both run at once (tsc is the slow part). */
const compileProbe = async (resolution) => {
  writeFileSync(join(full.app, `tsconfig.${resolution}.json`), JSON.stringify(probeConfig(resolution)))
  const tsc = ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${resolution}.json`]
  await promisify(execFile)(process.execPath, tsc, { cwd: full.app, timeout: 240_000 }).catch((error) => {
    throw new Error(`the types do not compile with moduleResolution ${resolution}:\n${error.stdout}${error.stderr}`)
  })
}

test('the packed types compile in bundler apps (Vite, Next.js) and Node apps (nodenext), no export typed any', async () => {
  writeFileSync(join(full.app, 'typesProbe.ts'), typesProbe(packages.flatMap(entriesOf)))
  await Promise.all([compileProbe('bundler'), compileProbe('nodenext')])
})

test('the installed flowkit bin checks flow files and fails on a misspelled step', () => {
  const npx = (file) => run('npx', ['--no-install', 'flowkit', 'check', file], full.app)
  assert.match(npx('signup.flow.json'), /signup\.flow\.json: 4 steps, no problems/)
  assert.throws(
    () => npx('misspelled.flow.json'),
    (error) => error.status === 1 && /names next step 'reveiw'.*Did you mean 'review'\?/.test(error.output),
  )
})

test('the installed server serves, stores and verifies a flow with its optional peers', () => {
  console.log(node(full.app, 'serveAndSubmit.mjs'))
})

test('a client-only install (core, react, server) installs nothing native, and server entries say what to install', () => {
  const names = ['@flowkit/core', '@flowkit/react', '@flowkit/server']
  const client = makeApp('client-app', [...names.map((name) => tarballs[name]), rangeOf('react'), rangeOf('react-dom')])
  const installed = Object.keys(client.lock.packages).map((path) => path.replace(/^.*node_modules\//, ''))
  assert.deepEqual(
    SERVER_OR_TOOLING.filter((name) => installed.includes(name)),
    [],
    'a client-only install pulled in server or tooling packages',
  )
  const scripted = Object.entries(client.lock.packages).filter(([, entry]) => entry.hasInstallScript)
  assert.deepEqual(scripted, [], 'a client-only install runs install scripts (a native build?)')
  console.log(`client-only install: ${installed.length - 1} packages, ${client.size}, ${client.seconds.toFixed(1)} s`)
  console.log(node(client.app, 'missingPeers.mjs'))
})
