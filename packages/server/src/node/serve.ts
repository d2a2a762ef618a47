import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type * as NodeServer from '@hono/node-server'
import type { FlowkitHandler } from '../createFlowkitHandler'
import { requirePeer } from '../stores/requirePeer'

export interface ServeOptions {
  /** @default 8787; `0` picks a free port */
  readonly port?: number
  /** Loopback by default: put a reverse proxy in front to expose it. @default '127.0.0.1' */
  readonly hostname?: string
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  readonly url: string
  readonly server: Server
  /** Stops accepting connections and closes idle ones. Calling it again (a second signal) waits for the same close. */
  close(): Promise<void>
}

/**
 * Serves a Fetch-API handler with Node's `http` module (through `@hono/node-server`, an optional peer dependency:
 * without it, this rejects with an error saying what to install).
 * @example
 * const { url } = await serve(createFlowkitHandler({ definitions, store }), { port: 8787 })
 */
export const serve = async (handler: FlowkitHandler, options: ServeOptions = {}): Promise<RunningServer> => {
  // Loaded on call, like the database drivers, so a missing adapter is explained instead of failing the import.
  const { getRequestListener } = requirePeer<typeof NodeServer>('@hono/node-server', '@flowkit/server/node')
  const server = createServer(
    getRequestListener((request, { incoming }) => handler(request, { remoteAddress: incoming.socket.remoteAddress })),
  )
  server.keepAliveTimeout = 5_000
  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= new Promise<void>((done, fail) => {
      server.close((error) => (error ? fail(error) : done()))
      server.closeIdleConnections()
    }))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject)
      const { address, port } = server.address() as AddressInfo
      resolve({
        url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
        server,
        close,
      })
    })
  })
}
