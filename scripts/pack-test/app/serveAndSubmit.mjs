// The installed @flowkit/server end to end: serve() (@hono/node-server), sqliteStore (better-sqlite3), the
// browser client's httpStorage saving and submitting a flow; postgresStore finds pg (no connection made).
import assert from 'node:assert/strict'
import { createWorkflow } from '@flowkit/core'
import { persist } from '@flowkit/core/persist'
import { createFlowkitHandler } from '@flowkit/server'
import { httpStorage } from '@flowkit/server/client'
import { serve } from '@flowkit/server/node'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import { signup } from './signup.mjs'

const store = sqliteStore({ filename: ':memory:' })
const server = await serve(createFlowkitHandler({ definitions: [signup], store }), { port: 0 })
try {
  const storage = httpStorage(server.url, { debounce: 1 })
  const flow = createWorkflow(signup, { persist: persist({ key: 'signup', storage }) })
  await flow.next({ email: 'ada@example.com' })
  await flow.next({ team: false })
  await flow.next()
  const submitted = await storage.submit()
  assert.equal(submitted.ok, true, JSON.stringify(submitted))
  assert.deepEqual(submitted.result, { email: 'ada@example.com', team: false, seats: 1 })
} finally {
  await server.close()
  await store.close()
}
await postgresStore({ connectionString: 'postgres://flowkit@127.0.0.1:1/none' }).close()
console.log('the server serves, stores in SQLite and verifies a submission from the installed packages')
