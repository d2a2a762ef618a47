import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createWorkflow, journeyLog } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { loadWorkflow } from '../src/index'
import { example } from './fixtures/files'
import { registry } from './fixtures/registry'

const root = fileURLToPath(new URL('..', import.meta.url))
const main = join(root, 'src/cli/main.ts')

/** Runs the CLI from source in a child Node process (tsx for TypeScript, the source condition for @flowkit/core). */
const flowkit = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@flowkit/source', '--import', 'tsx', main, ...args],
      { cwd: root, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })

const temp = mkdtempSync(join(tmpdir(), 'flowkit-cli-'))
const write = (name: string, text: string) => {
  const path = join(temp, name)
  writeFileSync(path, text)
  return path
}

describe('the flowkit CLI', () => {
  it('checks files and exits 0 when they are sound', async () => {
    const result = await flowkit('check', 'examples/checkout.flow.json', 'examples/enrollment.flow.json')
    expect(result).toEqual({
      code: 0,
      stdout: '✔ examples/checkout.flow.json: 7 steps, no problems\n✔ examples/enrollment.flow.json: 10 steps, no problems\n',
      stderr: '',
    })
  })

  it('lists every problem of a bad file with pointer, line and hint, and exits 1', async () => {
    const bad = write('bad.flow.yaml', 'id: bad\ninitial: start\nsteps:\n  start:\n    next: reveiw\n  review:\n    fnal: true\n')
    const { code, stdout } = await flowkit('check', bad)
    expect(code).toBe(1)
    expect(stdout).toContain('2 problems')
    expect(stdout).toContain("/steps/review/fnal (line 7:5): unknown key 'fnal'. Did you mean 'final'?")
    expect(stdout).toContain(
      "/steps/start/next (line 5:11): step 'start' names next step 'reveiw', which is not defined; defined steps: start, review. Did you mean 'review'?",
    )
  })

  it('reports analysis findings: errors fail, warnings fail only with --strict', async () => {
    const overlapping = write(
      'overlap.flow.json',
      JSON.stringify({
        id: 'o',
        initial: 'a',
        steps: {
          a: { next: [{ to: 'b', when: { field: 'n', gt: 1 } }, { to: 'b', when: { field: 'n', gt: 2 } }, { to: 'b' }] },
          b: { final: true },
        },
      }),
    )
    const result = await flowkit('check', overlapping)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("error: step 'a': the guards to 'b' and 'b' both hold when n = 3")
    const never = write(
      'never.flow.json',
      JSON.stringify({
        id: 'n',
        initial: 'a',
        steps: {
          a: {
            next: [
              {
                to: 'b',
                when: {
                  all: [
                    { field: 'n', gt: 2 },
                    { field: 'n', lt: 1 },
                  ],
                },
              },
              { to: 'b' },
            ],
          },
          b: { final: true },
        },
      }),
    )
    expect((await flowkit('check', never)).code).toBe(0)
    expect((await flowkit('check', '--strict', never)).code).toBe(1)
  })

  it('checks action names against a registry module', async () => {
    const registryModule = write('registry.mjs', 'export default { actions: { placeOrder() {}, submitEnrollment() {} } }\n')
    expect((await flowkit('check', '--registry', registryModule, 'examples/checkout.flow.json')).code).toBe(0)
    const empty = write('empty.mjs', 'export const registry = { actions: {} }\n')
    const { code, stdout } = await flowkit('check', '--registry', empty, 'examples/checkout.flow.json')
    expect(code).toBe(1)
    expect(stdout).toContain("step 'review' runs action 'placeOrder', which is not in the registry.")
  })

  it('prints a Mermaid diagram, highlighted with a saved journey log', async () => {
    const checkout = loadWorkflow(example('checkout'), registry)
    const flow = createWorkflow(checkout, { log: journeyLog() })
    await flow.next({ items: 1, digitalOnly: true })
    const trace = write('trace.json', JSON.stringify(flow.getSnapshot()))
    const { code, stdout } = await flowkit('diagram', '--trace', trace, 'examples/checkout.flow.json')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^flowchart TD\n/)
    expect(stdout).toContain('class s1 skipped')
    expect(stdout).toContain('class s2 current')
  })

  it('prints the JSON graph and the JSON Schema', async () => {
    const graph = JSON.parse((await flowkit('diagram', '--format', 'json', 'examples/enrollment.flow.json')).stdout)
    expect(graph.nodes).toHaveLength(10)
    const schema = JSON.parse((await flowkit('schema')).stdout)
    expect(schema.$ref).toBe('#/$defs/FlowFile')
  })

  it('refuses a file over --max-bytes (1 MiB by default) with the size and the limit', async () => {
    const result = await flowkit('check', '--max-bytes', '100', 'examples/checkout.flow.json')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /✖ examples\/checkout\.flow\.json: 1 problem\n {2}\(file\): the file is [\d,]+ bytes or more; the limit is 100 bytes\./,
    )
    expect((await flowkit('diagram', '--direction', 'LR', 'examples/checkout.flow.json')).stdout).toMatch(/^flowchart LR\n/)
  })

  it('explains wrong usage and exits 2', async () => {
    expect(await flowkit('lint', 'x.json')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'lint'; use check, diagram, insights or schema."),
    })
    expect(await flowkit('check')).toMatchObject({ code: 2, stderr: expect.stringContaining('name at least one file') })
    expect(await flowkit('diagram', '--format', 'svg', 'examples/checkout.flow.json')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be mermaid or json'),
    })
    expect(await flowkit('diagram', '--direction', 'RL', 'examples/checkout.flow.json')).toMatchObject({
      code: 2,
      stderr: "flowkit: --direction must be 'TD' (top-down) or 'LR' (left-right), not 'RL'.\n",
    })
    expect(await flowkit('check', '--max-bytes', 'lots', 'examples/checkout.flow.json')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--max-bytes must be a positive number of bytes'),
    })
    expect((await flowkit('check', 'missing.json')).stderr).toContain('✖ missing.json: cannot read it (ENOENT).')
  })

  it('says a file it cannot read is unreadable, whatever the command, and exits 1', async () => {
    expect(await flowkit('diagram', 'flows/missing.flow.json')).toEqual({
      code: 1,
      stdout: '',
      stderr: '✖ flows/missing.flow.json: cannot read it (ENOENT).\n',
    })
    expect(await flowkit('diagram', '--trace', 'missing-log.json', 'examples/checkout.flow.json')).toEqual({
      code: 1,
      stdout: '',
      stderr: '✖ missing-log.json: cannot read it (ENOENT).\n',
    })
    const notJson = write('not-json.json', '{ log: [')
    expect(await flowkit('diagram', '--trace', notJson, 'examples/checkout.flow.json')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^✖ .*not-json\.json: it is not JSON \(.*\); save JSON\.stringify\(snapshot\.log\) or the snapshot\.\n$/,
      ),
    })
    expect(await flowkit('check', '--registry', 'missing-registry.mjs', 'examples/checkout.flow.json')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^flowkit: --registry missing-registry\.mjs: cannot load it \(ERR_MODULE_NOT_FOUND\); name a module/),
    })
  })

  it('lists --max-bytes among the options of check and diagram', async () => {
    const { stdout } = await flowkit('--help')
    expect(stdout).toContain('flowkit check [--registry <module>] [--strict] [--max-bytes <n>] <file>...')
    expect(stdout).toMatch(/flowkit diagram \[--registry <module>\].*\n.*\[--max-bytes <n>\] <file>/)
  })

  it('refuses a trace that is not a journey log', async () => {
    const trace = write('teleported.json', JSON.stringify([{ type: 'teleported', step: 'cart', at: 0 }]))
    expect(await flowkit('diagram', '--trace', trace, 'examples/checkout.flow.json')).toMatchObject({
      code: 2,
      stderr: 'flowkit: --trace entry 0 is not a journey log entry ({ type, step, at }); pass snapshot.log as it is.\n',
    })
  })
})
