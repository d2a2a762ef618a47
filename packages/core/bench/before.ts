/**
 * The engine as it was before the kernel (main at BEFORE_REF), built into `bench/.before/` so the
 * growth bench can measure before and after in one run. Needs the git history; without it the
 * "before" columns are left out.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

export const BEFORE_REF = 'd8620dc'
const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '.before')

export const loadBefore = async (): Promise<typeof import('@flowkit/core') | undefined> => {
  const entry = join(out, 'dist/index.js')
  if (!existsSync(entry)) {
    try {
      rmSync(out, { recursive: true, force: true })
      mkdirSync(out, { recursive: true })
      const root = execSync('git rev-parse --show-toplevel', { cwd: here }).toString().trim()
      execSync(`git archive ${BEFORE_REF} packages/core/src | tar -x -C ${JSON.stringify(out)} --strip-components=2`, {
        cwd: root,
        stdio: 'pipe',
      })
      await build({
        configFile: false,
        logLevel: 'silent',
        root: out,
        build: {
          outDir: join(out, 'dist'),
          minify: false,
          lib: { entry: join(out, 'src/index.ts'), formats: ['es'], fileName: () => 'index.js' },
          rolldownOptions: { external: [/^zustand/, /^@standard-schema/] },
        },
      })
    } catch (error) {
      console.warn(`(no "before" columns: could not build ${BEFORE_REF}: ${(error as Error).message.split('\n')[0]})`)
      return undefined
    }
  }
  return (await import(pathToFileURL(entry).href)) as typeof import('@flowkit/core')
}
