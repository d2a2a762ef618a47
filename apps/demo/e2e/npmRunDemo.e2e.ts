import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { launchChromium } from './harness'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/** Runs `npm run demo -- <args>` from the repository's root, as the README says, until it prints the demo's URL. */
function npmRunDemo(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn('npm', ['run', 'demo', '--', ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run demo printed no URL in 120 s:\n${output}`)), 120_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Flowkit demo\s+(http\S+)/.exec(output)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve(url)
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm run demo exited (code ${code}) before printing its URL:\n${output}`))
    })
  })
  return { child, ready, output: () => output }
}

/** Ctrl+C in the terminal: SIGINT to the whole process group. npm itself then ends by the signal, its scripts with 0. */
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    process.kill(-(child.pid as number), 'SIGINT')
  })

const listening = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  )

let browser: Browser | undefined
const running: ChildProcess[] = []
after(async () => {
  await Promise.all(running.map(stop))
  await browser?.close()
})

describe('npm run demo, as the README runs it', () => {
  it('seeds the journeys, starts both servers on the ports asked for, serves a flow and its insights, and stops on Ctrl+C', async () => {
    const [port, serverPort] = [await freePort(), await freePort()]
    // An empty DATABASE_URL (a CI machine's, or an unset `.env` line) must not send the demo looking for a database.
    const demo = npmRunDemo(['--port', String(port), '--server-port', String(serverPort)], { DATABASE_URL: '' })
    running.push(demo.child)
    const url = await demo.ready
    assert.equal(url, `http://127.0.0.1:${port}/`)
    assert.match(demo.output(), new RegExp(`Flowkit server\\s+http://127\\.0\\.0\\.1:${serverPort}/api/flowkit`))

    browser = await launchChromium()
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${url}enrollment`)
    await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor()
    const insights = await (await fetch(`${url}api/flowkit/insights/enrollment`)).json()
    assert.ok(insights.journeys.started > 0, 'the insights page has simulated journeys to show')
    assert.deepEqual(errors, [])

    await stop(demo.child)
    assert.doesNotMatch(demo.output(), /Error|stopped \(code/, 'Ctrl+C stops both servers without an error')
    assert.equal(await listening(url), false, 'the demo stopped')
    assert.equal(await listening(`http://127.0.0.1:${serverPort}/api/flowkit`), false, 'the Flowkit server stopped')
  })

  it('says what a bad --port is and how to give one', async () => {
    const demo = npmRunDemo(['--port', 'http'], { FLOWKIT_SIMULATE: '0' })
    running.push(demo.child)
    await assert.rejects(demo.ready, /--port must be a port number from 0 to 65535.*not 'http'/s)
  })
})
