import type { PersistedSnapshot } from '@flowkit/core'
import { type Reply, request } from './request'

/** The server's copy of a flow, as `GET /instances/:token` and a 409's `current` return it. */
export interface ServerCopy {
  readonly version: number
  readonly status: 'open' | 'submitted'
  readonly snapshot: PersistedSnapshot
  readonly result: Readonly<Record<string, unknown>> | null
}

export const copyOf = (body: Record<string, unknown>): ServerCopy => ({
  version: body.version as number,
  status: body.status === 'submitted' ? 'submitted' : 'open',
  snapshot: body.snapshot as PersistedSnapshot,
  result: (body.result as Record<string, unknown> | null | undefined) ?? null,
})

export interface ServerApiOptions {
  readonly headers?: Record<string, string> | (() => Record<string, string>) | undefined
  readonly fetch?: typeof fetch | undefined
}

/** The instance routes of `createFlowkitHandler`, each answer sorted into ok / refused / unreachable. */
export const serverApi = (url: string, options: ServerApiOptions) => {
  const base = `${url.replace(/\/+$/, '')}/instances`
  const send = (method: string, path: string, body?: unknown): Promise<Reply> =>
    request(
      options.fetch ?? globalThis.fetch,
      method,
      `${base}${path}`,
      body,
      typeof options.headers === 'function' ? options.headers() : options.headers,
    )
  const at = (token: string) => `/${encodeURIComponent(token)}`
  return {
    load: (token: string) => send('GET', at(token)),
    create: (snapshot: PersistedSnapshot) => send('POST', '', { workflow: snapshot.workflow, snapshot }),
    save: (token: string, baseVersion: number, snapshot: PersistedSnapshot) => send('PUT', at(token), { baseVersion, snapshot }),
    submit: (token: string, baseVersion: number, snapshot: PersistedSnapshot) =>
      send('POST', `${at(token)}/submit`, { baseVersion, snapshot }),
    remove: (token: string) => send('DELETE', at(token)),
  }
}

export type ServerApi = ReturnType<typeof serverApi>
