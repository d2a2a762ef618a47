import { defineConfig } from 'vite'

// Library build: ES modules, dependencies left to the consumer. Types come from `tsc -p tsconfig.build.json`.
// The CLI is its own entry so `node dist/cli.js` runs with plain Node.
export default defineConfig({
  build: {
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        diagram: 'src/diagram/index.ts',
        analyze: 'src/analyze/index.ts',
        cli: 'src/cli/main.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^@flowkit\/core/, /^@flowkit\/server/, /^zod/, /^yaml/, /^re2js/, /^@standard-schema/, /^node:/],
    },
  },
})
