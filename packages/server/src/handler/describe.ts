import { json } from '../http/respond'
import type { Context } from './context'

/** The version of the HTTP API these routes are: it changes only when a route or a body changes incompatibly. */
export const API_VERSION = 1

/**
 * `GET {basePath}`: what this handler is and what it serves, for a person or a client finding its way (the URL
 * `npm run server` prints): the routes under the base path and the workflows by id and version. Nothing about
 * instances, tokens or the store.
 */
export const describe = (context: Context, basePath: string): Response =>
  json({
    name: '@flowkit/server',
    api: API_VERSION,
    routes: [
      {
        method: 'POST',
        path: `${basePath}/instances`,
        does: 'start an instance: { workflow, snapshot? } → 201 { token, workflow, version, status, snapshot, … }',
      },
      {
        method: 'GET',
        path: `${basePath}/instances/:token`,
        does: 'load it → 200 { workflow, version, status, snapshot, result, expiresAt }',
      },
      { method: 'PUT', path: `${basePath}/instances/:token`, does: 'save it: { baseVersion, snapshot } → 200, or 409 { error, current }' },
      {
        method: 'POST',
        path: `${basePath}/instances/:token/submit`,
        does: 'submit it: { baseVersion, snapshot } → 200 after a verified replay',
      },
      { method: 'DELETE', path: `${basePath}/instances/:token`, does: 'delete it → 204' },
      {
        method: 'GET',
        path: `${basePath}/insights/:workflow`,
        does: 'where journeys went (when authorize allows insights) → 200 FlowInsights',
      },
    ],
    workflows: [...context.definitions.values()].map((d) => ({ id: d.id, version: d.version ?? null })),
  })
