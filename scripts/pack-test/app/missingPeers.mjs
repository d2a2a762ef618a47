// In an app without the optional peers: the client entries work, and each server-only or diagram entry
// names the package to install instead of failing somewhere inside.
import assert from 'node:assert/strict'
import { createWorkflow } from '@flowkit/core'
import { httpStorage } from '@flowkit/server/client'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import { signup } from './signup.mjs'

// The server's main entry (the handler) needs no driver either.
for (const entry of ['@flowkit/core/persist', '@flowkit/react', '@flowkit/server']) await import(entry)
assert.equal(typeof httpStorage('http://127.0.0.1:1/api', { debounce: 1 }).getItem, 'function')
assert.equal(createWorkflow(signup).getSnapshot().step, 'account')

const says = (entry, install) => (error) => error.message.includes(entry) && error.message.includes(`npm install ${install}`)
assert.throws(() => sqliteStore({ filename: ':memory:' }), says('@flowkit/server/sqlite', 'better-sqlite3'))
assert.throws(() => postgresStore({ connectionString: 'postgres://127.0.0.1/none' }), says('@flowkit/server/postgres', 'pg'))
const { serve } = await import('@flowkit/server/node')
await assert.rejects(
  serve(async () => new Response('')),
  says('@flowkit/server/node', '@hono/node-server'),
)
await assert.rejects(import('@flowkit/react/diagram'), /Cannot find package '@dagrejs\/dagre'/)
console.log('without the optional peers, the client works and each server entry says what to install')
