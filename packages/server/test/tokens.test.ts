import { createFlowkitHandler } from '@flowkit/server'
import { sqliteStore } from '@flowkit/server/sqlite'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api } from './helpers/api'

describe('resume tokens', () => {
  const database = new Database(':memory:')
  const client = api(createFlowkitHandler({ definitions: [enrollment], store: sqliteStore({ database }), basePath: '/api' }))

  it('carry 256 bits: 43 base64url characters, all distinct over many starts', async () => {
    const tokens = await Promise.all(Array.from({ length: 300 }, async () => (await client.start('enrollment')).body.token as string))
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Set(tokens).size).toBe(tokens.length)
    const bits = new Set(tokens.join('')).size
    expect(bits).toBeGreaterThan(60) // all of the alphabet shows up: not a counter or a timestamp
  })

  it('are stored only as a SHA-256 hash', async () => {
    const { token } = (await client.start('enrollment')).body
    const rows = database.prepare('SELECT * FROM flowkit_instances').all() as Record<string, unknown>[]
    const dump = JSON.stringify(rows)
    expect(dump).not.toContain(token)
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))).toString('hex')
    expect(rows.map((r) => r.token_hash)).toContain(digest)
  })

  it('cannot be replaced by the stored hash', async () => {
    const { token } = (await client.start('enrollment')).body
    const hash = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))).toString('hex')
    expect((await client.load(hash)).status).toBe(404)
  })
})
