import Module from 'node:module'
import type { FlowkitHandler } from '@flowkit/server'
import { serve } from '@flowkit/server/node'
import { afterEach, describe, expect, it, vi } from 'vitest'

const hello: FlowkitHandler = async (request) => new Response(`hello ${new URL(request.url).pathname}`)

/** Node's CommonJS loader, behind every `require`: where a package that is not installed fails. */
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('serve', () => {
  it('serves a Fetch-API handler on loopback through @hono/node-server', async () => {
    const server = await serve(hello, { port: 0 })
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(await (await fetch(`${server.url}/api/flowkit`)).text()).toBe('hello /api/flowkit')
    } finally {
      await server.close()
    }
  })

  it('closes once when close is called twice (Ctrl+C sends SIGINT, then a parent SIGTERM), both calls resolving', async () => {
    const server = await serve(hello, { port: 0 })
    await expect(Promise.all([server.close(), server.close()])).resolves.toEqual([undefined, undefined])
    await expect(server.close()).resolves.toBeUndefined()
    await expect(fetch(`${server.url}/api/flowkit`)).rejects.toThrow()
  })

  it('without @hono/node-server installed, rejects with the package to install, as the stores do for their drivers', async () => {
    const load = loader._load
    vi.spyOn(loader, '_load').mockImplementation(function (this: unknown, request, ...rest) {
      if (request === '@hono/node-server') {
        throw Object.assign(new Error(`Cannot find module '@hono/node-server'\nRequire stack:\n- ${import.meta.filename}`), {
          code: 'MODULE_NOT_FOUND',
        })
      }
      return load.call(this, request, ...rest)
    })
    const refused = serve(hello, { port: 0 })
    await expect(refused).rejects.toThrow(
      '@flowkit/server/node needs @hono/node-server, an optional peer dependency of @flowkit/server, and it is not installed. ' +
        'Install it in your app: npm install @hono/node-server',
    )
    await expect(refused).rejects.toMatchObject({
      code: 'MISSING_DEPENDENCY',
      category: 'usage',
      details: { package: '@hono/node-server' },
      cause: { code: 'MODULE_NOT_FOUND' },
    })
  })
})
