// Imports each entry point named on the command line (a JSON array), as an app would, from plain Node.
import assert from 'node:assert/strict'

const entries = JSON.parse(process.argv[2])
for (const entry of entries) {
  const module = entry.endsWith('.json') ? await import(entry, { with: { type: 'json' } }) : await import(entry)
  assert.ok(Object.keys(module).length > 0, `${entry} loaded but exports nothing`)
}
console.log(`${entries.length} entry points load: ${entries.join(', ')}`)
