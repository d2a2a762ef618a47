import type { PersistedSnapshot, WorkflowDefinition } from '@flowkit/core'
import { createWorkflow, getPersistedSnapshot } from '@flowkit/core'
import type { FlowkitHandler } from '@flowkit/server'

export interface Answer {
  readonly status: number
  readonly body: any
}

/** Calls a handler the way a browser would, with JSON bodies. */
export const api = (handler: FlowkitHandler, base = 'http://127.0.0.1/api') => {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await handler(
      new Request(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    )
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }
  return {
    call,
    start: (workflow: string, snapshot?: unknown, headers?: Record<string, string>) =>
      call('POST', '/instances', { workflow, ...(snapshot === undefined ? {} : { snapshot }) }, headers),
    load: (token: string, headers?: Record<string, string>) => call('GET', `/instances/${token}`, undefined, headers),
    save: (token: string, baseVersion: unknown, snapshot: unknown, headers?: Record<string, string>) =>
      call('PUT', `/instances/${token}`, { baseVersion, snapshot }, headers),
    submit: (token: string, baseVersion: unknown, snapshot: unknown, headers?: Record<string, string>) =>
      call('POST', `/instances/${token}/submit`, { baseVersion, snapshot }, headers),
    remove: (token: string, headers?: Record<string, string>) => call('DELETE', `/instances/${token}`, undefined, headers),
  }
}

/** The persisted snapshot after completing steps with these inputs, as a browser would send it. */
export const snapshotAfter = async (definition: WorkflowDefinition<any, any>, inputs: readonly unknown[]): Promise<PersistedSnapshot> => {
  const flow = createWorkflow(definition)
  for (const input of inputs) {
    const after = await flow.next(input)
    if (after.error || Object.keys(after.issues).length > 0) throw new Error(`fixture input ${JSON.stringify(input)} was refused`)
  }
  return getPersistedSnapshot(flow)
}

/** Inputs of a complete enrollment on the family plan. */
export const familyEnrollment = [
  { email: 'ada@example.com', name: 'Ada' },
  { plan: 'family' },
  { dependents: 2 },
  { cardToken: 'tok_visa' },
  undefined,
] as const

/** Inputs of a complete enrollment on the basic plan (no dependents step). */
export const basicEnrollment = [{ email: 'bob@example.com', name: 'Bob' }, { plan: 'basic' }, { cardToken: 'tok_visa' }, undefined] as const
