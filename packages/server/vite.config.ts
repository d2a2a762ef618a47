import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'

// Library build for Node (the server entries) and any runtime with fetch (the client entry).
// Drivers and dependencies stay external; types come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  build: {
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        client: 'src/client/index.ts',
        sqlite: 'src/stores/sqliteStore.ts',
        postgres: 'src/stores/postgresStore.ts',
        node: 'src/node/serve.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^@flowkit\//, /^rate-limiter-flexible/, /^better-sqlite3/, /^pg(\/|$)/, /^@hono\//, /^node:/, ...builtinModules],
      output: { entryFileNames: '[name].js' },
    },
  },
})
