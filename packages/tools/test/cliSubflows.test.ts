import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const main = join(root, 'src/cli/main.ts')
// By URL: the child runs in a folder outside the repository, where `--import tsx` would not resolve.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** Runs the CLI from source in a child Node process, in `cwd`. */
const flowkit = (cwd: string, ...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@flowkit/source', '--import', tsx, main, ...args],
      { cwd, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })

const project = () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowkit-subflows-'))
  mkdirSync(join(dir, 'flows/parts'), { recursive: true })
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text)
  write(
    'flows/parts/address.flow.yaml',
    'id: address\ninitial: street\nsteps:\n  street: { title: Street, next: city }\n  city: { title: City, final: true }\n',
  )
  write(
    'flows/checkout.flow.yaml',
    `id: checkout
initial: shipping
flows: { address: ./parts/address.flow.yaml }
steps:
  shipping: { title: Delivery address, flow: address, next: people }
  people: { title: People, repeat: { flow: address, max: 4 }, next: pay }
  pay: { final: true }
`,
  )
  return { dir, write }
}

describe('the flowkit CLI on a flow that uses another file', () => {
  it('checks the flow with its sub-flow file read relative to it', async () => {
    const { dir } = project()
    expect(await flowkit(dir, 'check', 'flows/checkout.flow.yaml')).toEqual({
      code: 0,
      stdout: '✔ flows/checkout.flow.yaml: 12 steps, no problems\n',
      stderr: '',
    })
  })

  it('draws it with subgraphs', async () => {
    const { dir } = project()
    const { code, stdout } = await flowkit(dir, 'diagram', 'flows/checkout.flow.yaml')
    expect(code).toBe(0)
    expect(stdout).toContain('  subgraph g0["Delivery address"]\n    s0["Street"]\n    s1["City"]\n  end\n')
    expect(stdout).toContain('  subgraph g1["People #40;each item, 0#8211;4#41;"]')
    expect(stdout).toContain('  s2 -->|add, change| s3\n')
  })

  it("judges a sub-flow file's guards on that file, naming it", async () => {
    const { dir, write } = project()
    write(
      'flows/parts/address.flow.yaml',
      `id: address
initial: street
steps:
  street:
    next: [{ to: city, when: { field: n, gt: 1 } }, { to: city, when: { field: n, gt: 2 } }, { to: city }]
  city: { final: true }
`,
    )
    const { code, stdout } = await flowkit(dir, 'check', 'flows/checkout.flow.yaml')
    expect(code).toBe(1)
    expect(stdout).toContain("  error: flows/parts/address.flow.yaml: step 'street': the guards to 'city' and 'city' both hold when n = 3")
  })

  it("reports a problem in the sub-flow file with that file's name and line, and exits 1", async () => {
    const { dir, write } = project()
    write('flows/parts/address.flow.yaml', 'id: address\ninitial: street\nsteps:\n  street: { next: cty }\n  city: { final: true }\n')
    const { code, stdout } = await flowkit(dir, 'check', 'flows/checkout.flow.yaml')
    expect(code).toBe(1)
    expect(stdout).toContain(
      "✖ flows/checkout.flow.yaml: 1 problem\n  flows/parts/address.flow.yaml /steps/street/next (line 4:19): step 'street' names next step 'cty', which is not defined",
    )
  })
})
