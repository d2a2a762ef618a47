// `npm run test:dist` (after `npm run build`): the built package, loaded by plain Node through its `exports`
// (no source condition, no TypeScript), serves a flow, saves it through httpStorage and accepts its submission.
import assert from 'node:assert/strict'
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { persist } from '@flowkit/core/persist'
import { createFlowkitHandler } from '@flowkit/server'
import { httpStorage } from '@flowkit/server/client'
import { serve } from '@flowkit/server/node'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'

const hello = defineWorkflow({
  id: 'hello',
  initial: 'name',
  state: { name: '' },
  steps: { name: { next: 'done' }, done: { final: true } },
})
const store = sqliteStore({ filename: ':memory:' })
const server = await serve(createFlowkitHandler({ definitions: [hello], store }), { port: 0 })
try {
  const storage = httpStorage(server.url, { debounce: 1 })
  const flow = createWorkflow(hello, { persist: persist({ key: 'hello', storage }) })
  await flow.next({ name: 'Ada' })
  await flow.next()
  const submitted = await storage.submit()
  assert.deepEqual(submitted, { ok: true, result: { name: 'Ada' }, version: 2 })
  assert.equal(typeof postgresStore, 'function')
  console.log('dist smoke test passed: @flowkit/server, /client, /node, /sqlite, /postgres load and work from dist')
} finally {
  await server.close()
  await store.close()
}
