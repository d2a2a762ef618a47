import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { isWorkflowError } from '@flowkit/core'
import { sqliteStore } from '@flowkit/server/sqlite'
import { describe, expect, it } from 'vitest'
import { instanceRecord } from './helpers/instanceRecord'

const fresh = () => mkdtempSync(join(tmpdir(), 'flowkit-file-'))

/** What `sqliteStore` threw for `filename`. */
const refusalOf = (filename: string): unknown => {
  try {
    sqliteStore({ filename, backgroundCheckpoints: false })
  } catch (error) {
    return error
  }
  throw new Error(`sqliteStore opened ${filename}`)
}

describe('sqliteStore on a fresh project', () => {
  it('creates the missing folders of its database file, so data/flowkit.db works before data/ exists', async () => {
    const file = join(fresh(), 'data', 'nested', 'flowkit.db')
    const store = sqliteStore({ filename: file, backgroundCheckpoints: false })
    await store.insert(instanceRecord('a'))
    expect(await store.get('a')).toMatchObject({ tokenHash: 'a', workflow: 'enrollment' })
    await store.close()
    expect(existsSync(file)).toBe(true)
  })

  it('opens an in-memory database without touching the disk', async () => {
    const store = sqliteStore({ filename: ':memory:' })
    await store.insert(instanceRecord('m'))
    expect(await store.get('m')).toMatchObject({ tokenHash: 'm' })
    await store.close()
  })

  it('names the file and the fix in a WorkflowError of category storage when its folder cannot be made', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'data'), 'a file where the folder should be')
    const file = join(dir, 'data', 'flowkit.db')
    const error = refusalOf(file)
    expect(isWorkflowError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'STORAGE_FAILED', category: 'storage', details: { filename: resolve(file) } })
    expect((error as Error).message).toContain(`sqliteStore() could not open the database file ${JSON.stringify(file)}`)
    const cause = (error as Error).cause as NodeJS.ErrnoException
    expect(['EEXIST', 'ENOTDIR']).toContain(cause.code)
    expect((error as Error).message).toContain(cause.message)
    expect((error as Error).message).toContain('pass another `filename`')
  })

  it('reports a path SQLite cannot open (a folder) the same way, with better-sqlite3’s error as the cause', () => {
    const folder = join(fresh(), 'flowkit.db')
    mkdirSync(folder)
    const error = refusalOf(folder)
    expect(error).toMatchObject({ name: 'WorkflowError', code: 'STORAGE_FAILED', category: 'storage' })
    expect((error as Error).message).toContain(JSON.stringify(folder))
    expect((error as Error).cause).toMatchObject({ code: 'SQLITE_CANTOPEN' })
  })
})
