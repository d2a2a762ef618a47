#!/usr/bin/env node
// The `flowkit` command. This file is committed, so npm can link the command when it installs the
// package, before anything is built; it runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(cli)) {
  process.stderr.write(
    'flowkit: @flowkit/tools is not built (dist/cli.js is missing). In the Flowkit repository, run `npm install` (it builds the packages) or `npm run build -w @flowkit/tools`.\n',
  )
  process.exit(1)
}
await import(cli.href)
